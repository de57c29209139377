package sanitize_test

import (
	"testing"

	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/ui/render"
	"github.com/rivo/uniseg"
)

// TestWidthAgreesOnEveryRune checks, for every rune of the planes text
// uses, that the column count the layout computes (render.Width) is the
// width of what Terminal writes, measured by the same width tables
// (uniseg), so that only the sanitising is under test.
func TestWidthAgreesOnEveryRune(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		s := string(r)
		if got, want := render.Width(s), uniseg.StringWidth(sanitize.Terminal(s)); got != want {
			t.Errorf("render.Width(%q) = %d, but Terminal(%q) is %d wide", s, got, s, want)
		}
	}
}

func FuzzWidthAgrees(f *testing.F) {
	for _, s := range []string{"hello", "Kyiv’s", "日本語", "a\x1bb", "e\u0301", "👍🏽", "x\u202ey", "\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := render.Width(s), uniseg.StringWidth(sanitize.Terminal(s)); got != want {
			t.Fatalf("render.Width(%q) = %d, but Terminal(%q) is %d wide", s, got, s, want)
		}
	})
}
