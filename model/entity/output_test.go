package entity

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model/span"
)

// summary describes entities without quoting the text: how many of each
// label and a hash of every span and label, so that the golden file catches
// any change in output while holding no corpus text.
func summary(ents []Entity) string {
	h := sha256.New()
	count := map[Label]int{}
	for _, e := range ents {
		fmt.Fprintf(h, "%d %d %s\n", e.Start, e.End, e.Label)
		count[e.Label]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d entities", len(ents))
	for _, l := range Labels {
		fmt.Fprintf(&b, ", %s %d", l, count[l])
	}
	fmt.Fprintf(&b, "\nsha256 %x\n", h.Sum(nil))
	return b.String()
}

// TestTagOutputIsUnchanged pins the tagger's output on the development
// split (one Tag call per document, as TestDevelopmentF1Tagger reads it)
// and on a 2 MB article, by sentence and as one long line, so that work on speed or memory cannot change what
// it finds unnoticed. After a change meant to alter the output, run it with
// -update and say in the commit how the scores moved.
func TestTagOutputIsUnchanged(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		name, golden string
		texts        func(t *testing.T) ([]string, [][]span.Span)
	}{
		{"the development split", "testdata/dev-output.golden", func(t *testing.T) ([]string, [][]span.Span) {
			var texts []string
			var sents [][]span.Span
			for _, d := range readDocs(t, devPath) {
				var b strings.Builder
				var ss []span.Span
				for _, s := range d {
					start := b.Len()
					b.WriteString(strings.Join(s.Words, " "))
					ss = append(ss, span.Span{Start: start, End: b.Len()})
					b.WriteByte('\n')
				}
				texts, sents = append(texts, b.String()), append(sents, ss)
			}
			return texts, sents
		}},
		{"a 2 MB article", "testdata/article-output.golden", func(t *testing.T) ([]string, [][]span.Span) {
			text, spans := benchText(t, 2<<20)
			return []string{text}, [][]span.Span{spans}
		}},
		{"a 2 MB article on one line, read in pieces of maxWords words", "testdata/article-line-output.golden", func(t *testing.T) ([]string, [][]span.Span) {
			text, _ := benchText(t, 2<<20)
			return []string{strings.ReplaceAll(text, "\n", " ")}, [][]span.Span{nil}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			texts, sents := tt.texts(t)
			var all []Entity
			off := 0
			for i, text := range texts {
				for _, e := range tg.Tag(text, sents[i]) {
					e.Start, e.End = e.Start+off, e.End+off
					all = append(all, e)
				}
				off += len(text)
			}
			golden.Check(t, tt.golden, summary(all))
		})
	}
}
