package weblink

import (
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// Write writes text into b, marking the addresses written out in it as
// links: the one way plain text, a page's text and a saved page's body
// reach the reader with their addresses followable. wordStart says
// whether text begins a word, as for All.
func Write(b *doc.Builder, text string, wordStart bool) {
	done := 0
	for l := range All(text, wordStart, Plain) {
		b.Write(text[done:l.Start])
		b.Mark(doc.Link, l.URL, func() { b.Write(l.In(text)) })
		done = l.End
	}
	b.Write(text[done:])
}

// Marks are the links of the addresses written out in text, which starts
// at offset base of a document's text and begins a word: for a text kept
// as it is, built without a Builder.
func Marks(text string, base int) []doc.Inline {
	var in []doc.Inline
	for l := range All(text, true, Plain) {
		in = append(in, doc.Inline{Span: span.Span{Start: base + l.Start, End: base + l.End}, Kind: doc.Link, URL: l.URL})
	}
	return in
}
