package anchor

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/margin-reader/margin/model/span"
)

// TestEveryWordOfADecomposedTextIsAnchoredComposed makes a note on every
// word of a text spelt decomposed, with accents stacked two deep, and
// finds each in the text composed at the place its old offsets map to:
// anchored, on the same word.
func TestEveryWordOfADecomposedTextIsAnchoredComposed(t *testing.T) {
	old := norm.NFD.String("Hà Nội mưa lớn suốt đêm; Ångström à l'École, façade ǖ. Người dân phải đẩy xe máy qua những đoạn đường ngập.")
	text := norm.NFC.String(old)
	r := NewResolver(text)
	at := 0
	for _, word := range strings.Fields(old) {
		start := at + strings.Index(old[at:], word)
		at = start + len(word)
		sel, err := Make(old, span.Span{Start: start, End: at})
		if err != nil {
			t.Fatal(err)
		}
		res := r.Resolve(sel)
		if got := res.Span.In(text); res.Status != Anchored || got != norm.NFC.String(word) {
			t.Errorf("%q: found %q (%s)", norm.NFC.String(word), got, res.Status)
		}
	}
}
