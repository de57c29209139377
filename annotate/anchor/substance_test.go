package anchor

import (
	"strings"
	"testing"
)

func TestAChangedFigureOrNegationIsAChange(t *testing.T) {
	const before = "The river was counted every spring. In 1970 there were nearly 600 salmon in the upper reach. " +
		"Fishermen said the numbers were rising again, and the board agreed to look at the weirs.\n"
	tests := []struct {
		name, after string
		want        Status
	}{
		{"a figure that changed", "The river was counted every spring. In 1970 there were nearly 640 salmon in the upper reach. " +
			"Fishermen said the numbers were rising again, and the board agreed to look at the weirs.\n", Changed},
		{"a negation added", "The river was counted every spring. In 1970 there were not nearly 600 salmon in the upper reach. " +
			"Fishermen said the numbers were rising again, and the board agreed to look at the weirs.\n", Changed},
		{"a word swapped, the figures kept", "The river was counted every spring. In 1970 there were almost 600 salmon in the upper reach. " +
			"Fishermen said the numbers were rising again, and the board agreed to look at the weirs.\n", Moved},
		{"the passage moved down, unchanged", "A new first line.\n" + before, Moved},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sel(t, before, "In 1970 there were nearly 600 salmon in the upper reach.", 0)
			res := Resolve(tt.after, s)
			if res.Status != tt.want {
				t.Fatalf("status %s on %q, want %s", res.Status, res.Span.In(tt.after), tt.want)
			}
			if !res.Status.Placed() {
				t.Fatalf("a %s note must be shown at its passage", res.Status)
			}
		})
	}
}

func TestFiguresAndNegations(t *testing.T) {
	if got := figures("By 1990 the count had fallen to 6,500, or 1.5 per cent."); len(got) != 3 || got[0] != "1990" || got[1] != "6,500" || got[2] != "1.5" {
		t.Fatalf("figures = %q", got)
	}
	for s, want := range map[string]int{"He did not go.": 1, "He didn’t go.": 1, "He never said no.": 2, "Note the knot.": 0} {
		if got := negationCount(s); got != want {
			t.Errorf("negationCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestALightParaphraseInPlaceIsChangedNotOrphaned(t *testing.T) {
	const before = "The river was counted every spring. By 1990 the count had fallen to 6,500. The board met twice that year.\n"
	tests := []struct {
		name, after string
		want        Status
	}{
		{"reworded, the figures kept", "The river was counted every spring. By 1990 the tally had dropped to about 6,500 fish. The board met twice that year.\n", Changed},
		{"replaced by another sentence", "The river was counted every spring. Nobody had kept the ledgers since. The board met twice that year.\n", Orphaned},
		{"reworded with another figure", "The river was counted every spring. By 1990 the tally had dropped to about 5,500 fish. The board met twice that year.\n", Orphaned},
		{"deleted", "The river was counted every spring. The board met twice that year.\n", Orphaned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sel(t, before, "By 1990 the count had fallen to 6,500.", 0)
			res := Resolve(tt.after, s)
			if res.Status != tt.want {
				t.Fatalf("status %s on %q, want %s", res.Status, res.Span.In(tt.after), tt.want)
			}
			if tt.want == Changed && res.Span.In(tt.after) != "By 1990 the tally had dropped to about 6,500 fish." {
				t.Fatalf("placed on %q", res.Span.In(tt.after))
			}
		})
	}
}

func TestAShortPassageWhoseFigureChangedIsChanged(t *testing.T) {
	const before = "The river was counted every spring. In 1970 there were nearly 600 salmon in the upper reach.\n"
	const after = "The river was counted every spring. In 1970 there were nearly 640 salmon in the upper reach.\n"
	for _, quote := range []string{"nearly 600", "600"} {
		t.Run(quote, func(t *testing.T) {
			res := Resolve(after, sel(t, before, quote, 0))
			want := strings.Replace(quote, "600", "640", 1)
			if res.Status != Changed || res.Span.In(after) != want {
				t.Fatalf("status %s on %q, want changed on %q", res.Status, res.Span.In(after), want)
			}
		})
	}
}
