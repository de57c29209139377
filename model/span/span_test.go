package span

import "testing"

func TestIn(t *testing.T) {
	text := "héllo world"
	tests := []struct {
		name string
		s    Span
		want string
	}{
		{"returns the covered bytes", Span{0, 6}, "héllo"},
		{"returns nothing for a span past the end", Span{3, 99}, ""},
		{"returns nothing for a reversed span", Span{5, 2}, ""},
		{"returns nothing for a negative start", Span{-1, 2}, ""},
	}
	for _, tt := range tests {
		if got := tt.s.In(text); got != tt.want {
			t.Errorf("%s: %v.In = %q, want %q", tt.name, tt.s, got, tt.want)
		}
	}
}

func TestIndex(t *testing.T) {
	spans := []Span{{0, 5}, {6, 10}, {10, 12}}
	tests := []struct {
		name string
		off  int
		want int
	}{
		{"finds the first span", 0, 0},
		{"finds a span by its last byte", 9, 1},
		{"finds the span that starts where another ends", 10, 2},
		{"finds nothing in a gap", 5, -1},
		{"finds nothing past the end", 12, -1},
	}
	for _, tt := range tests {
		if got := Index(spans, tt.off); got != tt.want {
			t.Errorf("%s: Index(%d) = %d, want %d", tt.name, tt.off, got, tt.want)
		}
	}
}

func TestOverlapsAndCovers(t *testing.T) {
	a := Span{2, 6}
	if !a.Overlaps(Span{5, 9}) || a.Overlaps(Span{6, 9}) {
		t.Error("Overlaps must treat the end as exclusive")
	}
	if !a.Covers(Span{2, 6}) || a.Covers(Span{1, 3}) {
		t.Error("Covers must accept equal spans and reject ones that start before")
	}
}
