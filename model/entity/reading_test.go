package entity

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/margin-reader/margin/internal/race"
	"github.com/margin-reader/margin/model/span"
)

// readInParts tags text with a Reading that first reads the text up to
// each of cuts, as a loader gives it: the prefix and the sentences that
// end inside it.
func readInParts(t *testing.T, tg *Tagger, text string, sentences []span.Span, cuts []int) []Entity {
	t.Helper()
	r := tg.Begin()
	for _, cut := range cuts {
		cut = min(max(cut, 0), len(text))
		n := 0
		for n < len(sentences) && sentences[n].End <= cut {
			n++
		}
		if err := r.Read(context.Background(), text[:cut], sentences[:n]); err != nil {
			t.Fatal(err)
		}
	}
	got, err := r.Finish(context.Background(), text, sentences, nil)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestAReadingInPartsFindsWhatTagFinds reads every sample, line by line,
// and a generated article in parts of several sizes before finishing:
// the entities are Tag's.
func TestAReadingInPartsFindsWhatTagFinds(t *testing.T) {
	tg := loadTagger(t)
	files, err := filepath.Glob("../../samples/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if filepath.Ext(f) == ".go" {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, spans := string(raw), lineSpans(string(raw))
		t.Run(filepath.Base(f), func(t *testing.T) {
			want := tg.Tag(text, spans)
			for _, part := range []int{1, 100, 4 << 10} {
				var cuts []int
				for c := part; c < len(text); c += part {
					cuts = append(cuts, c)
				}
				if got := readInParts(t, tg, text, spans, cuts); !reflect.DeepEqual(got, want) {
					t.Fatalf("read in parts of %d bytes: %d entities, Tag %d, or not the same", part, len(got), len(want))
				}
			}
		})
	}
	size := 1 << 20
	if race.Enabled {
		size = 128 << 10
	}
	text, spans := benchText(t, size)
	want := tg.Tag(text, spans)
	for _, part := range []int{64 << 10, 256 << 10} {
		var cuts []int
		for c := part; c < len(text); c += part {
			cuts = append(cuts, c)
		}
		if got := readInParts(t, tg, text, spans, cuts); !reflect.DeepEqual(got, want) {
			t.Fatalf("a generated article read in parts of %d bytes: %d entities, Tag %d, or not the same", part, len(got), len(want))
		}
	}
}

// TestAReadingStoppedOrOutOfOrderStillFindsWhatTagFinds stops a Read
// with its context, and gives another sentences that do not follow those
// read: Finish reads the text again, and finds what Tag finds.
func TestAReadingStoppedOrOutOfOrderStillFindsWhatTagFinds(t *testing.T) {
	tg := withPiece(loadTagger(t), 1<<10)
	text, spans := benchText(t, 64<<10)
	want := tg.Tag(text, spans)
	half := len(spans) / 2
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stopped := tg.Begin()
	if err := stopped.Read(ctx, text, spans[:half]); err == nil {
		t.Fatal("a Read with its context done returned no error")
	}
	swapped := tg.Begin()
	if err := swapped.Read(context.Background(), text, spans[1:half]); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Reading{"stopped": stopped, "given other sentences": swapped} {
		got, err := r.Finish(context.Background(), text, spans, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d entities, Tag %d, or not the same", name, len(got), len(want))
		}
	}
}

// FuzzReadingInParts reads any text in two parts cut anywhere, with its
// lines as sentences: the entities are Tag's.
func FuzzReadingInParts(f *testing.F) {
	tg := loadTagger(f)
	f.Add("China slams us claims on russia.\nOn Sunday, nearly 600 died in Kyiv’s suburbs at 10.30 am.", 10, 40)
	f.Add("\xff\xfe'’s ’ - -- U. . 1,2,3\n3/4/5 \n\n  Maria Lopez said", 2, 3)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		spans := lineSpans(text)
		want := tg.Tag(text, spans)
		if got := readInParts(t, tg, text, spans, []int{min(a, b), max(a, b)}); !reflect.DeepEqual(got, want) {
			t.Fatalf("cut at %d and %d: %v, Tag %v", a, b, got, want)
		}
	})
}
