package entity

import (
	"strings"
	"testing"
)

func FuzzLineBreakIsIndexAny(f *testing.F) {
	for _, s := range []string{"", "a", "\n", "\t", "a\tb\nc", "a\nb\tc", "\t\n", "abc\n", "x\ty"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lineBreak(s), strings.IndexAny(s, "\n\t"); got != want {
			t.Errorf("lineBreak(%q) = %d; want %d", s, got, want)
		}
	})
}
