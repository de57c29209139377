// Package doctest holds checks that tests of the progressive readers
// share: that a step only appended to the document before it, that two
// documents are the same, and where to cut a text into pieces; and, for
// tests that mark passages by hand, the span of a passage.
package doctest

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// Find returns the span of the first occurrence of passage in text and
// fails t if there is none, so a fixture's typo cannot mark the wrong place.
func Find(t testing.TB, text, passage string) span.Span {
	t.Helper()
	i := strings.Index(text, passage)
	if i < 0 {
		t.Fatalf("%q is not in the text", passage)
	}
	return span.Span{Start: i, End: i + len(passage)}
}

// CheckAppends fails t unless next's text begins with prev's and its
// blocks begin with prev's blocks: a step may only append.
func CheckAppends(t testing.TB, prev, next doc.Doc) {
	t.Helper()
	if !strings.HasPrefix(next.Text, prev.Text) || len(next.Blocks) < len(prev.Blocks) ||
		len(prev.Blocks) > 0 && !reflect.DeepEqual(next.Blocks[:len(prev.Blocks)], prev.Blocks) {
		t.Fatal("a step changed what an earlier step made")
	}
}

// Same reports whether a and b hold the same text, blocks and inlines,
// an empty slice and a nil one alike.
func Same(a, b doc.Doc) bool {
	return reflect.DeepEqual(normalize(a), normalize(b))
}

func normalize(d doc.Doc) doc.Doc {
	if len(d.Blocks) == 0 {
		d.Blocks = nil
	}
	if len(d.Inlines) == 0 {
		d.Inlines = nil
	}
	blocks := make([]doc.Block, len(d.Blocks))
	for i, b := range d.Blocks {
		if len(b.Cells) == 0 {
			b.Cells = nil
		}
		blocks[i] = b
	}
	if d.Blocks != nil {
		d.Blocks = blocks
	}
	return d
}

// PieceEnd returns where a piece of about n bytes of s ends: never inside
// a character, as a decoder cuts a file.
func PieceEnd(s string, n int) int {
	n = min(n, len(s))
	for n < len(s) && !utf8.RuneStart(s[n]) {
		n++
	}
	return n
}

// Stream gives text to a progressive reader piece bytes at a time (cut
// between characters), with add, and after each piece runs steps of step
// bytes with next until the reader is hungry for more, checking that
// every step only appended. It returns the last document.
func Stream(t testing.TB, text string, piece, step int, add func(string, bool), next func(int) (doc.Doc, bool), hungry func() bool) doc.Doc {
	t.Helper()
	var prev doc.Doc
	for {
		n := PieceEnd(text, piece)
		add(text[:n], n == len(text))
		text = text[n:]
		for {
			d, done := next(step)
			CheckAppends(t, prev, d)
			if done {
				return d
			}
			prev = d
			if hungry() {
				break
			}
		}
	}
}
