package render

import (
	"slices"
	"testing"
)

// TestHintsCutAHintWiderThanTheColumnAfterAWord lays key hints out in
// narrow columns: hints that fit keep whole and wrap between them, and
// one wider than the column alone ends after a whole word with "…",
// never past the column, where the edge cut it inside a word.
func TestHintsCutAHintWiderThanTheColumnAfterAWord(t *testing.T) {
	hints := []string{"enter accept the place / show it", "t re-attach to the selection", "esc/! back to the text"}
	for _, tt := range []struct {
		name string
		w    int
		want []string
	}{
		{"every hint fits its line", 40, []string{"enter accept the place / show it", "t re-attach to the selection", "esc/! back to the text"}},
		{"the widest hint is cut after a word", 28, []string{"enter accept the place…", "t re-attach to the selection", "esc/! back to the text"}},
		{"two hints are cut after a word", 24, []string{"enter accept the place…", "t re-attach to the…", "esc/! back to the text"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Hints(hints, tt.w)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Hints at %d columns = %q, want %q", tt.w, got, tt.want)
			}
			for _, l := range got {
				if Width(l) > tt.w {
					t.Errorf("%q is wider than %d columns", l, tt.w)
				}
			}
		})
	}
}
