// Package prose compares margin's entity tagger with prose v2's on the same
// text, end to end (tokenising, tagging, collecting entities). It is a
// module of its own so that margin does not depend on prose.
//
//	cd bench/prose && go test -bench . -benchtime 5x
package prose

import (
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
)

// text is about 100 KB: the sample article's paragraphs, repeated.
func text(tb testing.TB) string {
	tb.Helper()
	raw, err := os.ReadFile("../../samples/china-us-claims.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var paras []string
	for p := range strings.SplitSeq(string(raw), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	var b strings.Builder
	for i := 0; b.Len() < 100<<10; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteByte('\n')
	}
	return b.String()
}

func BenchmarkMargin(b *testing.B) {
	t := text(b)
	b.SetBytes(int64(len(t)))
	for b.Loop() {
		tg, err := entity.Load()
		if err != nil {
			b.Fatal(err)
		}
		if len(tg.Tag(t, sentence.Lines(t))) == 0 {
			b.Fatal("no entities")
		}
	}
}

func BenchmarkProse(b *testing.B) {
	t := text(b)
	b.SetBytes(int64(len(t)))
	for b.Loop() {
		doc, err := prose.NewDocument(t, prose.WithSegmentation(false))
		if err != nil {
			b.Fatal(err)
		}
		if len(doc.Entities()) == 0 {
			b.Fatal("no entities")
		}
	}
}
