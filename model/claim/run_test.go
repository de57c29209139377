package claim

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/margin-reader/margin/model/doc"
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

func TestARunInPiecesFindsWhatOneAnalyzeDocFinds(t *testing.T) {
	d := newDetector(t)
	text := threeArticles(t)
	sents := lines(text)
	want := d.AnalyzeDoc(doc.Doc{Text: text}, sents, nil)
	for _, size := range []int{1, 2, 7, 50, len(sents)} {
		r := d.Start(doc.Doc{Text: text}, nil)
		for i := 0; i < len(sents); i += size {
			r.Next(sents[i:min(i+size, len(sents))])
		}
		if got := r.Result(); !reflect.DeepEqual(got, want) {
			t.Errorf("pieces of %d sentences: %d claims, %d scores; want %d, %d and the same", size, len(got.Claims), len(got.Checkworthiness), len(want.Claims), len(want.Checkworthiness))
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
