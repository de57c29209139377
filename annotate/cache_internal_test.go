package annotate

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/annotate/sidecar"
	"github.com/margin-reader/margin/model/span"
)

// TestTheCacheKeepsEveryNoteField fails when Note, its selector or a
// candidate gains a field: the fold cache's blob (cache.go) must learn it
// too, or a cached open would drop it.
func TestTheCacheKeepsEveryNoteField(t *testing.T) {
	known := map[reflect.Type][]string{
		reflect.TypeFor[Note]():             {"ID", "Span", "Status", "Target", "Candidates", "Text", "Verdict", "Tags", "Sources", "Author", "Created", "Updated", "Rev"},
		reflect.TypeFor[anchor.Selector]():  {"Exact", "Prefix", "Suffix", "Start", "End", "TextHash", "Detached"},
		reflect.TypeFor[anchor.Candidate](): {"Span", "Score"},
	}
	for typ, names := range known {
		var fields []string
		for f := range typ.Fields() {
			fields = append(fields, f.Name)
		}
		if !slices.Equal(fields, names) {
			t.Errorf("%s has fields %v; the cache blob knows %v: teach cache.go the new ones", typ, fields, names)
		}
	}
}

func TestABlobReadsBackAsTheNote(t *testing.T) {
	n := Note{
		ID: "N", Span: span.Span{Start: 3, End: 9}, Status: NeedsReview,
		Target:     anchor.Selector{Exact: "quote", Prefix: "pre", Suffix: "suf", Start: 1, End: 6, TextHash: "sha256:x", Detached: true},
		Candidates: []anchor.Candidate{{Span: span.Span{Start: 3, End: 9}, Score: 0.75}, {Span: span.Span{Start: 20, End: 26}, Score: 0.5}},
		Text:       "text", Verdict: False, Tags: []string{"a", "b"}, Sources: []string{"https://x.example/"},
		Author: "ann", Created: time.Date(2025, 3, 14, 9, 0, 0, 1, time.UTC), Updated: time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC), Rev: 4,
	}
	e := sidecar.Event{Op: sidecar.Put, ID: n.ID, Rev: n.Rev, Time: n.Updated, Author: n.Author}
	b := &Book{cache: map[string]Note{n.ID: n}}
	got, ok := noteFromBlob(e, string(b.blob(e)))
	if !ok || !reflect.DeepEqual(got, n) {
		t.Fatalf("read back %+v %v\nwant %+v", got, ok, n)
	}
}
