package claim

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

// generatedArticle is n sentences of words the rules care about (speakers,
// reporting verbs, quotation marks, numbers, hedges), in paragraphs of a
// few sentences, so that sources, quotations and speakers' leans carry
// across the batches a run reads and scores apart.
func generatedArticle(n int) string {
	subjects := []string{"Ana Ruiz", "The ministry", "She", "He", "Officials", "The harbour master", "Critics", "It"}
	verbs := []string{"said", "warned", "claimed", "told reporters", "denied", "may", "will", "argued"}
	rests := []string{"that rents rose 8% last year", "the plan would cost $300 million", "“we will not move”", "nothing of the kind", "the ferry might stop in May", "according to the council", "1,200 jobs were lost", "it was clear"}
	r := rand.New(rand.NewSource(9))
	var b strings.Builder
	for i := range n {
		b.WriteString(subjects[r.Intn(len(subjects))] + " " + verbs[r.Intn(len(verbs))] + " " + rests[r.Intn(len(rests))] + ". ")
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// realArticles are the sample articles and, when they are beside the
// repository, the PolNeAR dev articles, one after the other in a text of
// their own each.
func realArticles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../samples/*.txt")
	dev, _ := filepath.Glob("../../../shared/data/attribution/dev/*.txt")
	var texts []string
	for _, f := range append(files, dev...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) == 0 {
		t.Fatal("no sample articles in ../../samples")
	}
	return texts
}

// paragraphs is text with a paragraph block for each run of lines
// between blank lines, as a plain text article loads.
func paragraphs(text string) doc.Doc {
	dc := doc.Doc{Text: text}
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			dc.Blocks = append(dc.Blocks, doc.Block{Span: span.Span{Start: start, End: end}, Kind: doc.Paragraph})
		}
		start = end + 2
	}
	return dc
}

// withProcs runs f with GOMAXPROCS at n, which decides whether a run
// reads and scores on goroutines of its own (Run.pipes).
func withProcs(n int, f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(n))
	f()
}

func TestAPipedRunFindsWhatARunInTurnFinds(t *testing.T) {
	d := newDetector(t)
	texts := append([]string{generatedArticle(2000), threeArticles(t)}, realArticles(t)...)
	piped := 0
	for _, text := range texts {
		dc := paragraphs(text)
		sents := sentence.Split(dc)
		var want, got Result
		withProcs(1, func() { want = d.AnalyzeDoc(dc, sents, nil) })
		withProcs(2, func() {
			if d.Start(dc, nil).pipes(sents) {
				piped++
			}
			got = d.AnalyzeDoc(dc, sents, nil)
		})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%.40q: piped %d claims, %d scores; in turn %d, %d, or the same but not equal", text, len(got.Claims), len(got.Checkworthiness), len(want.Claims), len(want.Checkworthiness))
		}
	}
	if piped < 2 {
		t.Fatalf("%d texts read piped, want the generated one and more", piped)
	}
}

func TestAPipedNextLeavesNoGoroutineRunning(t *testing.T) {
	d := newDetector(t)
	text := generatedArticle(1000)
	dc := paragraphs(text)
	sents := sentence.Split(dc)
	withProcs(2, func() {
		before := runtime.NumGoroutine()
		r := d.Start(dc, nil)
		if !r.pipes(sents) {
			t.Fatal("a run of 1000 sentences on 2 threads reads them in turn")
		}
		r.Next(sents[:len(sents)/2])
		if n := goroutinesSettled(before); n > before {
			t.Errorf("%d goroutines after a first Next, %d before", n, before)
		}
		r.Next(sents[len(sents)/2:])
		r.Result()
		if n := goroutinesSettled(before); n > before {
			t.Errorf("%d goroutines after the last Next, %d before", n, before)
		}
	})
}

// goroutinesSettled returns how many goroutines there are once there are
// no more than want, or after a second: a goroutine that has called its
// WaitGroup's Done still counts until it has returned, a moment later
// (goleak retries for the same reason). Fewer is fine: one the test's
// set-up started may have ended since.
func goroutinesSettled(want int) int {
	n := runtime.NumGoroutine()
	for wait := time.Millisecond; n > want && wait < time.Second; wait *= 2 {
		time.Sleep(wait)
		n = runtime.NumGoroutine()
	}
	return n
}

// TestAPanicOnAPipedGoroutineReachesTheCaller: a panic while reading
// ahead or scoring comes back on the caller's goroutine, where its
// recover (Bubble Tea's, which gives the terminal back) sees it, with
// no goroutine left running; on a goroutine of its own it ended the
// program at once.
func TestAPanicOnAPipedGoroutineReachesTheCaller(t *testing.T) {
	d := newDetector(t)
	dc := paragraphs(generatedArticle(1000))
	sents := sentence.Split(dc)
	for _, tt := range []struct {
		name   string
		broken *Detector
	}{
		{"reading ahead", &Detector{lex: &lexicon{}, cw: d.cw, split: d.split}}, // no vocabulary to tokenize with
		{"scoring", &Detector{lex: d.lex, split: d.split}},                      // no model to score with
	} {
		t.Run(tt.name, func(t *testing.T) {
			withProcs(2, func() {
				before := runtime.NumGoroutine()
				p := panicOf(func() { tt.broken.AnalyzeDoc(dc, sents, nil) })
				if s, _ := p.(string); !strings.Contains(s, "on the claims' goroutine") {
					t.Errorf("recovered %v, want the goroutine's panic", p)
				}
				if n := goroutinesSettled(before); n > before {
					t.Errorf("%d goroutines after the panic, %d before", n, before)
				}
			})
		})
	}
}

// panicOf is what f panics with, recovered, or nil.
func panicOf(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}
