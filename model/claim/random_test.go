package claim

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// TestRandomTextKeepsCuesInsideTheirClaimsAndSourcesInsideTheirSentences
// feeds the detector random runs of the words its rules care most about
// (clause marks, titles, quotes, dashes, colons), with and without table
// cells, and checks every claim and cue stays inside the text and its
// claim, and every source inside the claim's sentence (a clause's claim may
// take its source from the clause before it), or, in a paragraph, inside
// the paragraph.
func TestRandomTextKeepsCuesInsideTheirClaimsAndSourcesInsideTheirSentences(t *testing.T) {
	d := newDetector(t)
	words := strings.Fields(`said says , ; : ― “ ” " ' ’ Dr . J R U.S. and but although which who that what according to Officials officials he she it They Pilots' Guild calling written for the a of in on May will might plan claims 1,000 % $ 300 - — ( ) Mr. WALLACE Ana Ruiz told me not obvious wasn't clear`)
	r := rand.New(rand.NewSource(1))
	for range 3000 {
		var b strings.Builder
		for k := r.Intn(30); k >= 0; k-- {
			b.WriteString(words[r.Intn(len(words))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		sents := []span.Span{{Start: 0, End: len(text)}}
		if len(text) > 4 {
			sents = append(sents, span.Span{Start: 2, End: len(text) - 1})
		}
		ents := []entity.Entity{{Span: span.Span{Start: 0, End: min(5, len(text))}, Label: entity.Org}}
		dc := doc.Doc{Text: text, Blocks: []doc.Block{{Span: span.Span{Start: 0, End: len(text)}, Kind: doc.TableRow, Cells: []span.Span{{Start: 0, End: len(text) / 2}, {Start: len(text) / 2, End: len(text)}}}}}
		// In a paragraph a quotation's speaker may be named where it
		// closes, past the claim's sentence but inside the paragraph.
		para := doc.Doc{Text: text, Blocks: []doc.Block{{Span: span.Span{Start: 0, End: len(text)}, Kind: doc.Paragraph}}}
		inBlock := d.AnalyzeDoc(para, sents, ents)
		for _, c := range inBlock.Claims {
			if c.Source != nil && (c.Source.Start < 0 || c.Source.End > len(text) || c.Source.Empty()) {
				t.Fatalf("source %v outside the paragraph of claim %v in %q", c.Source.Span, c.Span, text)
			}
			for _, cue := range c.Cues {
				if cue.Start < c.Start || cue.End > c.End {
					t.Fatalf("cue %v outside claim %v in %q", cue.Span, c.Span, text)
				}
			}
		}
		for _, res := range []Result{d.Analyze(text, sents, ents), d.AnalyzeDoc(dc, sents, ents)} {
			for _, c := range res.Claims {
				if c.Start < 0 || c.End > len(text) || c.Empty() {
					t.Fatalf("bad claim %v in %q", c.Span, text)
				}
				if c.Source != nil && !inSentence(sents, c.Span, c.Source.Span) {
					t.Fatalf("source %v outside the sentence of claim %v in %q", c.Source.Span, c.Span, text)
				}
				for _, cue := range c.Cues {
					if cue.Start < c.Start || cue.End > c.End {
						t.Fatalf("cue %v outside claim %v in %q", cue.Span, c.Span, text)
					}
				}
			}
		}
	}
}

// inSentence reports whether one of sents holds both the claim c and its
// source src.
func inSentence(sents []span.Span, c, src span.Span) bool {
	for _, s := range sents {
		if s.Covers(c) && s.Covers(src) {
			return true
		}
	}
	return false
}
