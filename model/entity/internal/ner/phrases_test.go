package ner

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/margin-reader/margin/model/entity/data"
)

// TestEmbeddedTablesAreBuiltFromTheLists builds the gazetteer's phrase
// tables from the embedded word lists: they must be the bytes the tagger
// reads, so a changed list cannot go unbuilt (go run
// ./model/entity/gazetteers -tables mends it).
func TestEmbeddedTablesAreBuiltFromTheLists(t *testing.T) {
	g, err := BuildGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if b := bytesOf(t, g); !bytes.Equal(b, []byte(data.Gazetteer())) {
		t.Errorf("data/gazetteer.bin (%d bytes) is not what the word lists build (%d bytes): run go run ./model/entity/gazetteers -tables", len(data.Gazetteer()), len(b))
	}
}

func TestPhraseTableAnswersAsAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 100, 5000} {
		m := map[uint64]uint16{}
		for len(m) < n {
			m[rng.Uint64()|1] = uint16(rng.Uint32())
		}
		tab, err := newPhraseTable(m)
		if err != nil {
			t.Fatal(err)
		}
		read, rest, err := readPhraseTable(string(tab.appendTo(nil)))
		if err != nil || rest != "" {
			t.Fatalf("%d entries: read back: %v, %d bytes left", n, err, len(rest))
		}
		for k, v := range m {
			if got := read.get(k); got != v {
				t.Fatalf("%d entries: get(%x) = %d, want %d", n, k, got, v)
			}
		}
		for range 1000 {
			k := rng.Uint64()
			if _, ok := m[k]; !ok && read.get(k) != 0 {
				t.Fatalf("%d entries: get(%x) of a missing key = %d, want 0", n, k, read.get(k))
			}
		}
	}
}

func TestPhraseTableRefusesTheEmptyKey(t *testing.T) {
	if _, err := newPhraseTable(map[uint64]uint16{0: 1}); err == nil {
		t.Error("a table holding key 0 was built")
	}
}

func TestReadTablesRejectsDamagedFiles(t *testing.T) {
	g, err := NewGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	good := data.Gazetteer()
	full := []byte(good)
	// Every key of the first table set: a probe for a missing phrase must
	// still end, at maxProbe.
	for i := len(gazetteerMagic) + 12; i < len(gazetteerMagic)+12+8*len(g.lower.vals)/2; i += 8 {
		full[i] |= 1
	}
	var f Gazetteer
	if err := f.readTables(string(full)); err != nil {
		t.Fatal(err)
	}
	if m := f.LowerMask(12345); m != 0 {
		t.Errorf("a table of damaged keys answered %d for a missing phrase", m)
	}
	for _, tc := range []struct{ name, b string }{
		{"empty", ""},
		{"another magic", "mggz0" + good[5:]},
		{"cut short", good[:len(good)-1]},
		{"a byte past the tables", good + "\x00"},
	} {
		var g Gazetteer
		if err := g.readTables(tc.b); err == nil {
			t.Errorf("%s: read", tc.name)
		}
	}
}

func FuzzReadTables(f *testing.F) {
	tab, err := newPhraseTable(map[uint64]uint16{7: 1, 9: 2, 1 << 63: 3})
	if err != nil {
		f.Fatal(err)
	}
	b := []byte(gazetteerMagic + "\x02\x00\x00\x00")
	for range 4 {
		b = tab.appendTo(b)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		var g Gazetteer
		if g.readTables(string(b)) != nil {
			return
		}
		for _, h := range []uint64{0, 7, 9, 1 << 63, 12345} {
			g.LowerMask(h)
			g.ExactMask(h)
			g.Head(h)
			g.hint.get(h)
		}
	})
}
