package cache

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

func sampleAnalysis() *model.Analysis {
	return &model.Analysis{
		Hash:     "sha256:abc",
		Entities: []entity.Entity{{Span: span.Span{Start: 0, End: 5}, Label: entity.Place}},
		Claims: []claim.Claim{{
			Span:   span.Span{Start: 0, End: 20},
			Kinds:  claim.KindsOf(claim.Attributed),
			Cues:   []claim.Cue{{Span: span.Span{Start: 6, End: 10}, Kind: claim.Attributed}},
			Source: &claim.Source{Span: span.Span{Start: 0, End: 5}, Via: "Reuters"},
		}},
		Checkworthiness: []float64{0.7},
	}
}

func TestPutThenGetReturnsTheAnalysis(t *testing.T) {
	c := New(t.TempDir(), "v1")
	want := sampleAnalysis()
	if err := c.Put(want); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(want.Hash)
	if !ok {
		t.Fatal("Get missed a stored analysis")
	}
	if got.Claims[0].Source.Via != "Reuters" || got.Entities[0].Label != entity.Place || got.Checkworthiness[0] != 0.7 {
		t.Errorf("Get = %+v, want %+v", got, want)
	}
}

func TestGetMisses(t *testing.T) {
	dir := t.TempDir()
	if err := New(dir, "v1").Put(sampleAnalysis()); err != nil {
		t.Fatal(err)
	}
	if _, ok := New(dir, "v2").Get("sha256:abc"); ok {
		t.Error("an analysis from another analyser version was returned")
	}
	if _, ok := New(dir, "v1").Get("sha256:other"); ok {
		t.Error("an analysis of another text was returned")
	}
	c := New(dir, "v3")
	if err := os.WriteFile(c.path("sha256:abc"), []byte("{broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("sha256:abc"); ok {
		t.Error("a corrupt entry was returned")
	}
}

func TestPutReportsAnUnwritableDirectory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := New(filepath.Join(file, "sub"), "v1").Put(sampleAnalysis()); err == nil {
		t.Error("Put into a path under a file succeeded")
	}
}

// longAnalysis has lists longer than one piece of writeArray.
func longAnalysis(n int) *model.Analysis {
	an := sampleAnalysis()
	an.Entities, an.Claims, an.Checkworthiness = nil, nil, nil
	for i := range n {
		s := span.Span{Start: 10 * i, End: 10*i + 5}
		an.Entities = append(an.Entities, entity.Entity{Span: s, Label: entity.Person})
		an.Claims = append(an.Claims, claim.Claim{Span: s, Kinds: claim.KindsOf(claim.Hedged)})
		an.Checkworthiness = append(an.Checkworthiness, float64(i)/float64(n))
		an.EntityIndex.ThingOf = append(an.EntityIndex.ThingOf, int32(i%3))
	}
	an.EntityIndex.Things = []entity.Thing{{ID: 1, Label: entity.Person, Name: "Ann Lee", Mentions: []int32{0, 3}}}
	return an
}

func TestPutWritesWhatMarshalWould(t *testing.T) {
	for _, tc := range []struct {
		name string
		an   *model.Analysis
	}{
		{"a short analysis", sampleAnalysis()},
		{"lists of several pieces and a partial last one", longAnalysis(2*arrayPiece + 7)},
		{"lists of exactly one piece", longAnalysis(arrayPiece)},
		{"no entities, claims or scores", &model.Analysis{Hash: "sha256:empty"}},
		{"empty lists rather than none", &model.Analysis{Hash: "sha256:e", Entities: []entity.Entity{}, Claims: []claim.Claim{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(t.TempDir(), "v1")
			if err := c.Put(tc.an); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(c.path(tc.an.Hash))
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(tc.an)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Put wrote %d bytes that differ from json.Marshal's %d", len(got), len(want))
			}
		})
	}
}

// analyses are the analyses the tests put, from short to several pieces.
func analyses() []*model.Analysis {
	return []*model.Analysis{
		sampleAnalysis(),
		longAnalysis(2*arrayPiece + 7),
		{Hash: "sha256:empty"},
		{Hash: "sha256:e", Entities: []entity.Entity{}, Claims: []claim.Claim{}},
	}
}

func TestGetReadsWhatUnmarshalWould(t *testing.T) {
	for _, an := range analyses() {
		t.Run(an.Hash, func(t *testing.T) {
			c := New(t.TempDir(), "v1")
			if err := c.Put(an); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(c.path(an.Hash))
			if err != nil {
				t.Fatal(err)
			}
			var want model.Analysis
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatal(err)
			}
			got, ok := c.Get(an.Hash)
			if !ok {
				t.Fatal("Get missed a stored analysis")
			}
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("Get read %d entities, %d claims, %d scores, not what json.Unmarshal reads (%d, %d, %d)", len(got.Entities), len(got.Claims), len(got.Checkworthiness), len(want.Entities), len(want.Claims), len(want.Checkworthiness))
			}
		})
	}
}

func TestGetMissesATruncatedEntry(t *testing.T) {
	c := New(t.TempDir(), "v1")
	an := longAnalysis(3)
	if err := c.Put(an); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(c.path(an.Hash))
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(data) {
		if err := os.WriteFile(c.path(an.Hash), data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := c.Get(an.Hash); ok {
			t.Fatalf("the first %d of %d bytes of an entry were returned as an analysis", n, len(data))
		}
	}
}

// FuzzReadAnalysis checks that whatever readAnalysis accepts,
// json.Unmarshal reads to the same analysis.
func FuzzReadAnalysis(f *testing.F) {
	for _, an := range analyses()[:1] {
		data, err := json.Marshal(an)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"Hash":"h","Claims":null,"Entities":[],"EntityIndex":{"Things":null,"ThingOf":[1,2]}}`))
	f.Add([]byte(`{"Hash":"h"} {}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := readAnalysis(json.NewDecoder(bytes.NewReader(data)))
		if err != nil {
			return
		}
		var want model.Analysis
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("readAnalysis accepted what json.Unmarshal refuses: %v", err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Fatalf("readAnalysis read %+v, json.Unmarshal %+v", *got, want)
		}
	})
}

// TestGetMarksTheEntryUsed: pruning (internal/prune) keeps the entries
// used lately, by their modification time, so a hit touches its file;
// and only the cache's own names are its to prune.
func TestGetMarksTheEntryUsed(t *testing.T) {
	c := New(t.TempDir(), "v1")
	an := sampleAnalysis()
	if err := c.Put(an); err != nil {
		t.Fatal(err)
	}
	entry := c.path(an.Hash)
	old := time.Now().Add(-90 * 24 * time.Hour)
	if err := os.Chtimes(entry, old, old); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(an.Hash); !ok {
		t.Fatal("miss")
	}
	if fi, err := os.Stat(entry); err != nil || fi.ModTime().Before(time.Now().Add(-time.Hour)) {
		t.Errorf("the hit was not marked used: %v", err)
	}
	if !IsEntryName(filepath.Base(entry)) {
		t.Errorf("%s is not taken for an entry", filepath.Base(entry))
	}
	for _, name := range []string{"notes.json", filepath.Base(entry) + ".tmp", "0123456789ABCDEF0123456789ABCDEF.json", "a.txt.notes.jsonl"} {
		if IsEntryName(name) {
			t.Errorf("%s is taken for an entry", name)
		}
	}
}
