// Package sentence splits an article's text into sentences.
package sentence

import (
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// Split returns the sentences of d, in order, never crossing a block.
func Split(d doc.Doc) []span.Span {
	out := make([]span.Span, 0, len(d.Blocks))
	for _, b := range d.Blocks {
		out = append(out, b.Span)
	}
	return out
}

// Lines returns one sentence per non-empty line of text.
func Lines(text string) []span.Span {
	var out []span.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, span.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}
