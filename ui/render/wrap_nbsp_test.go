package render

import (
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// TestWrapBreaksAtNoBreakSpaceOnlyWhenShort checks that words glued by a
// no-break space are split at it when the line would otherwise end more
// than a third empty, and kept together otherwise.
func TestWrapBreaksAtNoBreakSpaceOnlyWhenShort(t *testing.T) {
	tests := []struct {
		name, text string
		w          int
		want       []string
	}{
		{"a glued pair that would leave the line short is split",
			"to RT Arabic,\u00a0Slutsky said", 20, []string{"to RT Arabic,", "Slutsky said"}},
		{"a glued pair after a nearly full line moves whole",
			"the committee chair Mr.\u00a0Smith", 24, []string{"the committee chair", "Mr.\u00a0Smith"}},
		{"a glued pair that fits stays on the line",
			"Mr.\u00a0Smith spoke", 20, []string{"Mr.\u00a0Smith spoke"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Wrap(tt.text, span.Span{Start: 0, End: len(tt.text)}, tt.w)
			var got []string
			for _, l := range lines {
				got = append(got, tt.text[l.Start:l.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("lines %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("lines %q, want %q", got, tt.want)
				}
			}
		})
	}
}
