package export

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// largeReview is an article of 1,000 sentences with a note on each and a
// flagged claim on every fifth: 1,000 notes and 200 claims.
func largeReview(b *testing.B) (*article.Article, []annotate.Note, Options) {
	var text strings.Builder
	var sentences []span.Span
	for i := range 1000 {
		start := text.Len()
		fmt.Fprintf(&text, "In paragraph %d, an official said that waiting lists had grown by %d cases since %d.", i, 40+i%460, 2000+i%25)
		sentences = append(sentences, span.Span{Start: start, End: text.Len()})
		text.WriteString("\n\n")
	}
	a := &article.Article{Name: "large.txt", Path: "/articles/large.txt", Doc: doc.Doc{Text: text.String()}}
	a.Hash = article.HashText(a.Text)
	verdicts := annotate.Verdicts
	notes := make([]annotate.Note, len(sentences))
	opts := Options{Now: time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC), Author: "ann"}
	for i, s := range sentences {
		sel, err := anchor.Make(a.Text, s)
		if err != nil {
			b.Fatal(err)
		}
		notes[i] = annotate.Note{ID: fmt.Sprintf("%026d", i), Span: s, Status: annotate.Anchored, Target: sel,
			Text: "Checked against the board's figures.", Verdict: verdicts[i%len(verdicts)],
			Tags: []string{"health"}, Sources: []string{"https://stats.example/waiting"}, Author: "ann", Created: opts.Now, Updated: opts.Now}
		if i%5 == 0 {
			opts.Claims = append(opts.Claims, Claim{Span: s, Kinds: []string{"statistical", "attributed"}, Source: "an official", Checkworthiness: float64(i%100) / 100})
		}
	}
	return a, notes, opts
}

func BenchmarkExport1000Notes200Claims(b *testing.B) {
	a, notes, opts := largeReview(b)
	for _, f := range []Format{FormatMarkdown, FormatJSON, FormatW3C, FormatClaimReview} {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, f, a, notes, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
