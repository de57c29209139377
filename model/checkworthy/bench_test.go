package checkworthy

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/entity"
)

// BenchmarkScore measures scoring alone over invented sentences of news
// length, reported in bytes of sentence text per second: it runs on every
// sentence of every analysis.
func BenchmarkScore(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	sentences := []string{
		"The council said on Tuesday that spending on flood defences rose by 12% to £4.5 million last year, the highest in a decade.",
		"“We will not let this happen again,” the mayor told reporters, adding that she had never seen anything like it.",
		"Critics argue the plan could cost more than twice what was promised.",
		"Why should anyone believe them now?",
	}
	labels := []entity.Label{entity.Org, entity.Date, entity.Number}
	kinds := []string{"attributed", "statistical"}
	size := len(strings.Join(sentences, ""))
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range sentences {
			m.Score(s, kinds, labels)
		}
	}
}

// BenchmarkLoad measures decoding the embedded weights, which every
// `margin analyze` pays once, beside the claim lexicon's load.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
