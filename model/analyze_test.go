package model

import (
	"context"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/margin-reader/margin/internal/race"
	"github.com/margin-reader/margin/model/claim"
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

// TestAnalyzeOnceFindsWhatAnAnalyzerFinds: loading the models for one
// analysis and letting the tagger go early changes nothing found.
func TestAnalyzeOnceFindsWhatAnAnalyzerFinds(t *testing.T) {
	z, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	a := benchArticle(t, 20<<10)
	want, err := z.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	var last float64
	got, err := AnalyzeOnce(context.Background(), a, func(p float64, _ *Analysis) { last = p })
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AnalyzeOnce found %d entities and %d claims, an Analyzer %d and %d",
			len(got.Entities), len(got.Claims), len(want.Entities), len(want.Claims))
	}
	if last != 1 {
		t.Errorf("AnalyzeOnce's last progress was %v, want 1", last)
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
	got, err := z.AnalyzeProgress(context.Background(), a, func(p float64, _ *Analysis) { seen = append(seen, p) })
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

// TestAnalyzeProgressFillsInWhatStays keeps every state an analysis in
// pieces of 4 KB delivers, and checks each, once the analysis is over,
// against the one-shot analysis: all the entities from the first, the
// claims and scores a start of the final ones, growing, unchanged since
// delivered; the last is the whole.
func TestAnalyzeProgressFillsInWhatStays(t *testing.T) {
	z, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	a := benchArticle(t, 40<<10)
	want, err := z.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	var states []*Analysis
	var copies []Analysis
	// Each state is read while the analysis goes on, as the reader does:
	// the race detector sees any write to it.
	var readers sync.WaitGroup
	small := &Analyzer{tagger: z.tagger, claims: z.claims, piece: 4 << 10}
	got, err := small.AnalyzeProgress(context.Background(), a, func(_ float64, sofar *Analysis) {
		if sofar != nil {
			states = append(states, sofar)
			copies = append(copies, deepCopy(sofar))
			readers.Go(func() { deepCopy(sofar) })
		}
	})
	readers.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the analysis in pieces is not the one-shot analysis")
	}
	if len(states) < 5 || !reflect.DeepEqual(states[len(states)-1], want) {
		t.Fatalf("%d states delivered; want at least 5, the last the whole analysis", len(states))
	}
	for i, st := range states {
		n := len(st.Claims)
		switch {
		case !reflect.DeepEqual(*st, copies[i]):
			t.Fatalf("state %d changed after it was delivered", i)
		case !reflect.DeepEqual(st.Entities, want.Entities) || !reflect.DeepEqual(st.EntityIndex, want.EntityIndex):
			t.Fatalf("state %d has %d entities of %d, or other ones", i, len(st.Entities), len(want.Entities))
		case n > len(want.Claims) || n > 0 && !reflect.DeepEqual(st.Claims, want.Claims[:n:n]):
			t.Fatalf("state %d: its %d claims are not the first of the analysis's %d", i, n, len(want.Claims))
		case !slices.Equal(st.Checkworthiness, want.Checkworthiness[:len(st.Checkworthiness)]):
			t.Fatalf("state %d: its %d scores are not the first of the analysis's", i, len(st.Checkworthiness))
		case i > 0 && len(st.Checkworthiness) <= len(states[i-1].Checkworthiness):
			t.Fatalf("state %d scores %d sentences, the one before %d: it did not grow", i, len(st.Checkworthiness), len(states[i-1].Checkworthiness))
		}
	}
}

// deepCopy copies the layers of an that a later piece could overwrite.
func deepCopy(an *Analysis) Analysis {
	c := *an
	c.Claims = nil
	for _, cl := range an.Claims {
		cl.Cues = slices.Clone(cl.Cues)
		if cl.Source != nil {
			src := *cl.Source
			cl.Source = &src
		}
		c.Claims = append(c.Claims, cl)
	}
	c.Checkworthiness = slices.Clone(an.Checkworthiness)
	return c
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
	_, err = z.AnalyzeProgress(ctx, a, func(p float64, _ *Analysis) {
		last = p
		if p > tagShare {
			cancel()
		}
	})
	if err == nil || last >= 1 {
		t.Errorf("cancelled after the first piece of claims: error %v, progress reached %v; want an error before the end", err, last)
	}
}

// TestAnalyzeProgressStopsWhileTagging cancels the analysis of a large
// generated article at the tagger's first report: it returns the
// context's error with no further report, so within the piece of text it
// was reading.
func TestAnalyzeProgressStopsWhileTagging(t *testing.T) {
	z, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	size := 2 << 20
	if race.Enabled {
		size = 512 << 10
	}
	a := benchArticle(t, size)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	at, after := -1.0, 0
	an, err := z.AnalyzeProgress(ctx, a, func(p float64, _ *Analysis) {
		switch {
		case at >= 0:
			after++
		case p > 0:
			at = p
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || an != nil {
		t.Fatalf("cancelled at %.3f: error %v; want context.Canceled and no analysis", at, err)
	}
	if at <= 0 || at >= tagShare || after > 0 {
		t.Errorf("cancelled at %.3f, then %d more reports; want a cancel while tagging and no report after it", at, after)
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
		b.ReportAllocs()
		for b.Loop() {
			sentence.Split(a.Doc)
		}
	})
	b.Run("sentences+entities", func(b *testing.B) {
		b.SetBytes(int64(len(a.Text)))
		b.ReportAllocs()
		for b.Loop() {
			z.tagger.Tag(a.Text, sentence.Split(a.Doc))
		}
	})
	// claims alone, on the sentences and entities of the run above: the
	// share the issue bounds (at most half of the entities' time).
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
			if _, err := z.Analyze(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestAnalyzeSurvivesAClosingBracketWithNoOpening(t *testing.T) {
	z, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	// A WikiGold sentence, cut where its bracket opens, the way a scrape
	// cuts one.
	text := "1300 ) was a French minstrel or trouvère , also known as Ro Adam , Li Rois Adenes , Adan le Menestrel , and Adam Rex Menestrallus .\n"
	a, err := Parse(context.Background(), "cut.txt", []byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := z.Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

// TestAnalyzeStopsWhileTheClaimModelLoads cancels the analysis once the
// entities are tagged, while the claim detector is still loading: the
// analysis returns the context's error rather than wait for the load.
func TestAnalyzeStopsWhileTheClaimModelLoads(t *testing.T) {
	z, err := sharedAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	defer close(release)
	load := func() (*claim.Detector, error) {
		<-release
		return nil, errors.New("released")
	}
	z = &Analyzer{tagger: z.tagger, claims: inBackground(load), piece: 4 << 10}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a := benchArticle(t, 2<<10)
	done := make(chan error, 1)
	go func() {
		_, err := z.AnalyzeProgress(ctx, a, func(p float64, sofar *Analysis) {
			if sofar != nil {
				cancel()
			}
		})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got error %v, want the context's", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("the analysis still waits for the claim model 10 s after it was cancelled")
	}
}
