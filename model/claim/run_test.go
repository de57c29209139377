package claim

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/sentence"
)

// threeArticles is the claim test articles one after the other, so that
// sources and speakers have something to carry across pieces.
func threeArticles(tb testing.TB) string {
	tb.Helper()
	var sb strings.Builder
	for _, name := range []string{"court", "energy", "health"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
		if err != nil {
			tb.Fatal(err)
		}
		sb.Write(data)
	}
	return sb.String()
}

// TestARunInPiecesFindsWhatOneAnalyzeDocFinds reads in pieces on one
// thread, where Next reads and scores in turn, and on two, where it
// pipes pieces of more than a batch (Run.pipes).
func TestARunInPiecesFindsWhatOneAnalyzeDocFinds(t *testing.T) {
	d := newDetector(t)
	for _, dc := range []doc.Doc{{Text: threeArticles(t)}, paragraphs(generatedArticle(1500))} {
		sents := lines(dc.Text)
		if dc.Blocks != nil {
			sents = sentence.Split(dc)
		}
		var want Result
		withProcs(1, func() { want = d.AnalyzeDoc(dc, sents, nil) })
		for _, procs := range []int{1, 2} {
			withProcs(procs, func() {
				for _, size := range []int{1, 2, 7, aheadSentences + 1, 100, pipedSentences + 1, 3*scoreBatch + 5, len(sents)} {
					r := d.Start(dc, nil)
					for i := 0; i < len(sents); i += size {
						r.Next(sents[i:min(i+size, len(sents))])
					}
					if got := r.Result(); !reflect.DeepEqual(got, want) {
						t.Errorf("%d threads, %d sentences, pieces of %d: %d claims, %d scores; want %d, %d and the same", procs, len(sents), size, len(got.Claims), len(got.Checkworthiness), len(want.Claims), len(want.Checkworthiness))
					}
				}
			})
		}
	}
}

func TestTheClaimsOfARunShareOneArrayOfCuesAndOneOfSources(t *testing.T) {
	d := newDetector(t)
	text := threeArticles(t)
	res := d.Analyze(text, lines(text), nil)
	var lastCue *Cue
	var lastSource *Source
	cues, sources := 0, 0
	for _, c := range res.Claims {
		if len(c.Cues) > 0 {
			if lastCue != nil && !follows(&c.Cues[0], lastCue) {
				t.Fatalf("the cues of claim %v do not follow the previous claim's", c.Span)
			}
			lastCue = &c.Cues[len(c.Cues)-1]
			cues += len(c.Cues)
		}
		if c.Source != nil {
			if lastSource != nil && !follows(c.Source, lastSource) {
				t.Fatalf("the source of claim %v does not follow the previous one", c.Span)
			}
			lastSource = c.Source
			sources++
		}
	}
	if cues == 0 || sources == 0 {
		t.Fatalf("%d cues and %d sources in three news articles; want some of each", cues, sources)
	}
}

// follows reports whether *p is the element after *prev in one array.
func follows[T any](p, prev *T) bool {
	var zero T
	return uintptr(unsafe.Pointer(p))-uintptr(unsafe.Pointer(prev)) == unsafe.Sizeof(zero)
}

// FuzzRunPieces cuts the sentences of the test articles into pieces of
// fuzzed sizes (1 to 256 sentences, an empty piece after each): every cut
// gives what one AnalyzeDoc gives.
func FuzzRunPieces(f *testing.F) {
	d := newDetector(f)
	text := threeArticles(f)
	sents := lines(text)
	want := d.AnalyzeDoc(doc.Doc{Text: text}, sents, nil)
	f.Add([]byte{1, 2, 3})
	f.Add([]byte{200, 0, 9})
	f.Fuzz(func(t *testing.T, sizes []byte) {
		r := d.Start(doc.Doc{Text: text}, nil)
		for i, k := 0, 0; i < len(sents); k++ {
			n := 1
			if len(sizes) > 0 {
				n += int(sizes[k%len(sizes)])
			}
			r.Next(sents[i:min(i+n, len(sents))])
			r.Next(nil)
			i += n
		}
		if got := r.Result(); !reflect.DeepEqual(got, want) {
			t.Fatalf("pieces of %v sentences: %d claims; one AnalyzeDoc: %d, or not the same", sizes, len(got.Claims), len(want.Claims))
		}
	})
}

func TestRoomForGrowsOnlyWhenTheRateFoundWouldOverflow(t *testing.T) {
	tests := []struct {
		name               string
		len, cap           int
		read, end, size    int
		wantAtLeast, under int
		keeps              bool
	}{
		{name: "a slice with room for the range ahead keeps its array", len: 10, cap: 30, read: 100, end: 250, size: 1000, wantAtLeast: 30, under: 31, keeps: true},
		{name: "a slice without room gets the whole text's share and a quarter more", len: 10, cap: 10, read: 100, end: 200, size: 1000, wantAtLeast: 125, under: 160},
		{name: "an empty slice at a rate of nothing keeps its array", len: 0, cap: 0, read: 100, end: 200, size: 1000, wantAtLeast: 0, under: 1, keeps: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := make([]int, tt.len, tt.cap)
			for i := range s {
				s[i] = i + 1
			}
			got := roomFor(s, tt.read, tt.end, tt.size)
			if cap(got) < tt.wantAtLeast || cap(got) >= tt.under {
				t.Errorf("cap %d; want from %d to under %d", cap(got), tt.wantAtLeast, tt.under)
			}
			if !reflect.DeepEqual(got, s) {
				t.Errorf("elements %v; want %v kept", got, s)
			}
			if kept := cap(got) == 0 || &got[:1][0] == &s[:1][0]; kept != tt.keeps {
				t.Errorf("array kept: %v; want %v", kept, tt.keeps)
			}
		})
	}
}
