package model

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/sentence"
)

// BenchmarkAnalyzeNews is BenchmarkAnalyze on text that does not repeat:
// PolNeAR's development articles, joined, when ../shared has them.
func BenchmarkAnalyzeNews(b *testing.B) {
	files, _ := filepath.Glob("../../shared/data/attribution/dev/*.txt")
	if len(files) == 0 {
		b.Skip("no PolNeAR development articles in ../shared")
	}
	var parts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	a, err := Parse(context.Background(), "news.txt", []byte(strings.Join(parts, "\n\n")), Options{})
	if err != nil {
		b.Fatal(err)
	}
	z, err := NewAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("sentences+entities", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		b.ReportAllocs()
		for b.Loop() {
			z.tagger.Tag(a.Text, sentence.Split(a.Doc))
		}
	})
	// claims alone, on the entities of the text that does not repeat: the
	// share issue 9 bounds (at most half of the entities' time).
	ents := z.tagger.Tag(a.Text, a.Sentences)
	d, err := z.waitClaims(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("claims", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		b.ReportAllocs()
		for b.Loop() {
			d.AnalyzeDoc(a.Doc, a.Sentences, ents)
		}
	})
	b.Run("sentences+entities+claims", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		b.ReportAllocs()
		for b.Loop() {
			a.Sentences = sentence.Split(a.Doc)
			if _, err := z.Analyze(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	})
}
