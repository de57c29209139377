package sentence

import (
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

// appendSentencesByRunes is appendSentences as first written, decoding
// every rune of the block: the oracle of the loop that decodes only the
// first bytes of stops.
func (s *Splitter) appendSentencesByRunes(out []span.Span, text string, blk span.Span) []span.Span {
	start := blk.Start
	for i := blk.Start; i < blk.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := skipClosers(text, i, blk.End)
		if end == blk.End {
			break
		}
		sp, spSize := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(sp) || !s.boundary(text, blk.Start, i-size, r, end+spSize, blk.End) {
			i = end
			continue
		}
		out = appendTrimmed(out, text, start, end)
		start, i = end+spSize, end+spSize
	}
	return appendTrimmed(out, text, start, blk.End)
}

func FuzzAppendSentencesDecodesOnlyStops(f *testing.F) {
	for _, s := range []string{"A b. C d! E f? G…  H", "Mr. Smith went. He said “no…” Then.", "\xe2\x80. A. \xe2. B… c", "U.S. officials — said. Yes", "a\u00a0b. C\u2026 D"} {
		f.Add(s)
	}
	sp := New()
	f.Fuzz(func(t *testing.T, text string) {
		blk := span.Span{Start: 0, End: len(text)}
		got := sp.appendSentences(nil, text, blk)
		want := sp.appendSentencesByRunes(nil, text, blk)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v; decoding every rune %v", text, got, want)
		}
	})
}
