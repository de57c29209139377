package entity

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/margin-reader/margin/internal/race"
	"github.com/margin-reader/margin/model/span"
)

// withPiece is tg reporting and checking its context every piece bytes.
func withPiece(tg *Tagger, piece int) *Tagger {
	t := &Tagger{model: tg.model, gaz: tg.gaz, labels: tg.labels, piece: piece}
	t.work.New = func() any { return new(work) }
	return t
}

// lineSpans are the lines of text, as sentences.
func lineSpans(text string) []span.Span {
	var ss []span.Span
	start := 0
	for line := range strings.SplitAfterSeq(text, "\n") {
		ss = append(ss, span.Span{Start: start, End: start + len(strings.TrimSuffix(line, "\n"))})
		start += len(line)
	}
	return ss
}

// TestTagContextFindsWhatTagFinds tags every sample and a generated
// article both ways, reporting every 4 KB: the entities are the same, and
// the progress rises, below 1, through every pass.
func TestTagContextFindsWhatTagFinds(t *testing.T) {
	tg := loadTagger(t)
	type input struct {
		name, text string
		sentences  []span.Span
	}
	var inputs []input
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
		inputs = append(inputs, input{filepath.Base(f) + " by line", string(raw), lineSpans(string(raw))},
			input{filepath.Base(f) + " whole", string(raw), nil})
	}
	size := 1 << 20
	if race.Enabled {
		size = 128 << 10
	}
	text, spans := benchText(t, size)
	inputs = append(inputs, input{"a generated article", text, spans})
	small := withPiece(tg, 4<<10)
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			var seen []float64
			got, err := small.TagContext(context.Background(), in.text, in.sentences, func(p float64) { seen = append(seen, p) })
			if err != nil {
				t.Fatal(err)
			}
			if want := tg.Tag(in.text, in.sentences); !reflect.DeepEqual(got, want) {
				t.Fatalf("TagContext found %d entities, Tag %d, or not the same", len(got), len(want))
			}
			for i, p := range seen {
				if p < 0 || p >= 1 || i > 0 && p <= seen[i-1] {
					t.Fatalf("progress %v: want it rising from 0, below 1; step %d is not", seen, i)
				}
			}
			if pieces := len(in.text) / (4 << 10); len(seen) < 2*pieces {
				t.Errorf("%d reports of progress over %d pieces of 4 KB and two passes at least", len(seen), pieces)
			}
		})
	}
}

// TestTagContextStopsWithinAPiece cancels the tagging of a generated
// article once it reports a third of the way: it returns the context's
// error, and reads no further piece, so reports no more progress.
func TestTagContextStopsWithinAPiece(t *testing.T) {
	size := 2 << 20
	if race.Enabled {
		size = 256 << 10
	}
	text, spans := benchText(t, size)
	tg := withPiece(loadTagger(t), 16<<10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	at, after := -1.0, 0
	ents, err := tg.TagContext(ctx, text, spans, func(p float64) {
		switch {
		case at >= 0:
			after++
		case p > 1.0/3:
			at = p
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || ents != nil {
		t.Fatalf("cancelled at %.2f: %d entities, error %v; want none and context.Canceled", at, len(ents), err)
	}
	if at < 0 || after > 0 {
		t.Errorf("cancelled at %.2f, then %d more reports of progress; want it to stop within the piece", at, after)
	}
}
