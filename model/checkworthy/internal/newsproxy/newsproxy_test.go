package newsproxy

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

func TestAUC(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		pos    []bool
		want   float64
	}{
		{"is 1 when every positive outscores every negative", []float64{0.9, 0.8, 0.2, 0.1}, []bool{true, true, false, false}, 1},
		{"is 0 when every negative outscores every positive", []float64{0.9, 0.1}, []bool{false, true}, 0},
		{"counts a tie as half", []float64{0.5, 0.5}, []bool{true, false}, 0.5},
		{"is a quarter for one pair in four", []float64{0.1, 0.2, 0.3, 0.4}, []bool{true, false, true, false}, 0.25},
		{"is 0.5 without negatives", []float64{0.3, 0.7}, []bool{true, true}, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AUC(tt.scores, tt.pos); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("AUC = %v, want %v", got, tt.want)
			}
		})
	}
}

// writeArticle writes an invented article and its attributions in
// PolNeAR's layout and returns the text's path.
func writeArticle(t *testing.T, text, annotations string) string {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.json"), []byte(annotations), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestWeakLabels(t *testing.T) {
	text := "Harbour news\n\nThe mayor said rents rose 8 percent. She said it was a fine day.\n\nThe tide came in. Nobody said anything."
	// content spans: "rents rose 8 percent" (a number), "it was a fine day" (nothing checkable),
	// and "anything" without a source.
	ann := `{"attributions": [
{"source": {"start": 14, "end": 23}, "cue": [], "content": [{"start": 29, "end": 49}]},
{"source": {"start": 51, "end": 54}, "cue": [], "content": [{"start": 60, "end": 77}]},
{"source": null, "cue": [], "content": [{"start": 110, "end": 118}]}]}`
	art, err := Read(writeArticle(t, text, ann), sentence.New())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range art.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	if want := []string{"Harbour news", "The mayor said rents rose 8 percent.", "She said it was a fine day.", "The tide came in.", "Nobody said anything."}; !slices.Equal(got, want) {
		t.Fatalf("sentences %q, want %q", got, want)
	}
	if weak, want := art.Weak(nil), []bool{false, true, false, false, false}; !slices.Equal(weak, want) {
		t.Errorf("weak labels %v, want %v", weak, want)
	}
	day := entity.Entity{Span: span.Span{Start: 74, End: 77}, Label: entity.Date}
	if weak := art.Weak([]entity.Entity{day}); !weak[2] {
		t.Error("attributed content holding an entity is not checkable")
	}
}

func TestReadReportsAMissingAnnotationFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lone.txt")
	if err := os.WriteFile(path, []byte("Text."), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path, sentence.New()); err == nil {
		t.Error("read an article without its attributions")
	}
}

// FuzzRead checks that any text and annotation file either read cleanly,
// with one weak label a sentence, or fail with an error, never a panic.
func FuzzRead(f *testing.F) {
	f.Add("Title\n\nShe said rents rose 8%.", `{"attributions": [{"source": {"start": 7, "end": 10}, "content": [{"start": 16, "end": 31}]}]}`)
	f.Add("x", `{"attributions": [{"source": {"start": 0, "end": 1}, "content": [{"start": -5, "end": 99}]}]}`)
	f.Add("", `[]`)
	f.Fuzz(func(t *testing.T, text, ann string) {
		art, err := Read(writeArticle(t, text, ann), sentence.New())
		if err != nil {
			return
		}
		if got := len(art.Weak(nil)); got != len(art.Sentences) {
			t.Fatalf("%d weak labels for %d sentences", got, len(art.Sentences))
		}
	})
}
