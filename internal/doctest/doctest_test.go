package doctest

import (
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

func TestSame(t *testing.T) {
	one := doc.Doc{Text: "a", Blocks: []doc.Block{{Span: span.Span{Start: 0, End: 1}}}}
	tests := []struct {
		name string
		a, b doc.Doc
		same bool
	}{
		{"takes empty and nil blocks alike", doc.Doc{Blocks: []doc.Block{}}, doc.Doc{}, true},
		{"takes empty and nil cells alike", doc.Doc{Text: "a", Blocks: []doc.Block{{Span: span.Span{End: 1}, Cells: []span.Span{}}}}, one, true},
		{"tells different texts apart", doc.Doc{Text: "b"}, doc.Doc{Text: "a"}, false},
		{"tells different blocks apart", doc.Doc{Text: "a", Blocks: []doc.Block{{Kind: doc.Heading, Span: span.Span{End: 1}}}}, one, false},
	}
	for _, tt := range tests {
		if got := Same(tt.a, tt.b); got != tt.same {
			t.Errorf("%s: Same = %v", tt.name, got)
		}
	}
}
