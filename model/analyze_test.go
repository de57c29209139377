package model

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/sentence"
)

// benchArticle builds an article of about size bytes from the samples,
// so the benchmark reads the kind of prose margin is for.
func benchArticle(tb testing.TB, size int) *Article {
	tb.Helper()
	var parts []string
	for _, f := range []string{"../samples/china-us-claims.txt", "../samples/the-last-salmon-run.txt"} {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	one := strings.Join(parts, "\n\n")
	text := strings.Repeat(one+"\n\n", size/len(one)+1)[:size]
	a, err := Parse(context.Background(), "bench.txt", []byte(text), Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func TestAnalyzeSpansFitTheText(t *testing.T) {
	z, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	a := benchArticle(t, 20<<10)
	an, err := z.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if an.Hash != a.Hash || len(an.Checkworthiness) != len(a.Sentences) {
		t.Fatalf("analysis of %s with %d scores, want %s with %d", an.Hash, len(an.Checkworthiness), a.Hash, len(a.Sentences))
	}
	if len(an.Entities) == 0 || len(an.Claims) == 0 {
		t.Fatalf("%d entities and %d claims in 20 KB of news; want some of each", len(an.Entities), len(an.Claims))
	}
	prev := 0
	for _, e := range an.Entities {
		if e.Start < prev || e.End > len(a.Text) || e.Start >= e.End {
			t.Fatalf("entity %v out of order or outside the text", e.Span)
		}
		prev = e.End
	}
	for _, c := range an.Claims {
		if c.End > len(a.Text) || c.Start >= c.End {
			t.Fatalf("claim %v outside the text", c.Span)
		}
	}
}

func TestAnalyzeStopsWhenCancelled(t *testing.T) {
	z, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := z.Analyze(ctx, benchArticle(t, 4<<10)); err == nil {
		t.Error("a cancelled analysis returned no error")
	}
}

func TestAnalyzeProgressRisesToTheEnd(t *testing.T) {
	z, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	// Pieces of 4 KB, so progress has steps between the tagging and the
	// end.
	z = &Analyzer{tagger: z.tagger, claims: z.claims, piece: 4 << 10}
	a := benchArticle(t, 10<<10)
	var seen []float64
	got, err := z.AnalyzeProgress(context.Background(), a, func(p float64) { seen = append(seen, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 4 || seen[0] != 0 || seen[len(seen)-1] > 1 || seen[len(seen)-1] < 0.99 {
		t.Fatalf("progress %v: want 0 first, then steps up to 1", seen)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("progress %v went back or stood still at step %d", seen, i)
		}
	}
	whole := &Analyzer{tagger: z.tagger, claims: z.claims, piece: len(a.Text)}
	want, err := whole.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("in pieces of 4 KB: %d claims and %d entities; in one: %d and %d, or not the same", len(got.Claims), len(got.Entities), len(want.Claims), len(want.Entities))
	}
}

func TestAnalyzeProgressStopsBetweenPieces(t *testing.T) {
	z, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	z = &Analyzer{tagger: z.tagger, claims: z.claims, piece: 4 << 10}
	a := benchArticle(t, 10<<10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last float64
	_, err = z.AnalyzeProgress(ctx, a, func(p float64) {
		last = p
		if p > tagShare {
			cancel()
		}
	})
	if err == nil || last >= 1 {
		t.Errorf("cancelled after the first piece of claims: error %v, progress reached %v; want an error before the end", err, last)
	}
}

// BenchmarkAnalyze measures the whole analysis of a 1 MB article on one
// core (run with -cpu 1): sentences, then entities, then claims with their
// check-worthiness. The floor is 5 MB/s for the whole.
func BenchmarkAnalyze(b *testing.B) {
	z, err := NewAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	a := benchArticle(b, 1<<20)
	ctx := context.Background()
	b.Run("sentences", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		for b.Loop() {
			sentence.Split(a.Doc)
		}
	})
	b.Run("sentences+entities", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		for b.Loop() {
			z.tagger.Tag(a.Text, sentence.Split(a.Doc))
		}
	})
	// claims alone, on the sentences and entities of the run above: the
	// share the issue bounds (at most half of the entities' time).
	ents := z.tagger.Tag(a.Text, a.Sentences)
	b.Run("claims", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		for b.Loop() {
			z.claims.AnalyzeDoc(a.Doc, a.Sentences, ents)
		}
	})
	b.Run("sentences+entities+claims", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		for b.Loop() {
			a.Sentences = sentence.Split(a.Doc)
			if _, err := z.Analyze(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	})
}
