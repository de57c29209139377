package mojibake

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A text of nothing but the characters mojibake is written in must not
// be held back whole, or a reader taking it in pieces joins it again at
// every piece.
func TestTailHoldsBackABoundedEnd(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("é", 10000),
		strings.Repeat("é \u00a0", 5000),
		"ASCII then " + strings.Repeat("Ã©", 3000),
	} {
		cut := Tail(text)
		if held := len(text) - cut; held > maxTail+utf8.UTFMax {
			t.Errorf("Tail holds back %d bytes of %d; want at most %d", held, len(text), maxTail+utf8.UTFMax)
		}
		if !utf8.RuneStart(text[cut]) {
			t.Errorf("Tail cuts inside a character at %d", cut)
		}
	}
}
