package ner

import (
	"bytes"
	"io"
	"testing"

	"github.com/margin-reader/margin/model/entity/data"
)

// clusterText is invented: weekdays and towns in contexts of their own.
func clusterText() [][]string {
	var out [][]string
	for _, day := range []string{"Monday", "Tuesday", "Friday", "Sunday"} {
		for _, town := range []string{"Leeds", "Dover", "Ripon", "Selby"} {
			out = append(out,
				[]string{"they", "met", "on", day, "in", "the", "morning"},
				[]string{"she", "lives", "in", town, ",", "near", "the", "coast"},
				[]string{"on", day, "we", "drove", "to", town})
		}
	}
	return out
}

// bytesOf is what w writes.
func bytesOf(tb testing.TB, w io.WriterTo) []byte {
	tb.Helper()
	var b bytes.Buffer
	if _, err := w.WriteTo(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func clusterOf(c *Clusters, s string) uint16 {
	var w Word
	describeShape(s, &w)
	return c.Code(w.word)
}

func TestBuildClustersPutsWordsOfOneContextTogether(t *testing.T) {
	c := BuildClusters(clusterText(), ClusterOptions{MinCount: 2, Contexts: 20, Depth: 2, MinLeaf: 2, Seed: 1})
	day, town := clusterPrefix(clusterOf(c, "Monday"), 1), clusterPrefix(clusterOf(c, "Leeds"), 1)
	if day == 0 || town == 0 {
		t.Fatalf("Monday and Leeds want clusters, got %b and %b", day, town)
	}
	if day == town {
		t.Errorf("a weekday and a town share the top-level cluster %b", day)
	}
	for _, w := range []string{"Tuesday", "Friday", "Sunday"} {
		if got := clusterPrefix(clusterOf(c, w), 1); got != day {
			t.Errorf("%s is in %b, Monday in %b", w, got, day)
		}
	}
	if clusterOf(c, "Atlantis") != 0 {
		t.Error("an unseen word has a cluster")
	}
}

func TestClustersRoundTrip(t *testing.T) {
	c := BuildClusters(clusterText(), ClusterOptions{MinCount: 2, Contexts: 20, Depth: 3, MinLeaf: 2, Seed: 1})
	b := bytesOf(t, c)
	r, err := ReadClusters(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != c.Len() || r.Len() == 0 {
		t.Fatalf("read %d words, wrote %d", r.Len(), c.Len())
	}
	for _, w := range []string{"Monday", "Leeds", "the", "Atlantis"} {
		if got, want := clusterOf(r, w), clusterOf(c, w); got != want {
			t.Errorf("%s: read %b, wrote %b", w, got, want)
		}
	}
	again := BuildClusters(clusterText(), ClusterOptions{MinCount: 2, Contexts: 20, Depth: 3, MinLeaf: 2, Seed: 1})
	if !bytes.Equal(b, bytesOf(t, again)) {
		t.Error("the same text and options gave a different table")
	}
	if !bytes.Equal(b, bytesOf(t, r)) {
		t.Error("a table read back writes different bytes")
	}
}

func FuzzReadClusters(f *testing.F) {
	f.Add(bytesOf(f, BuildClusters(clusterText(), ClusterOptions{MinCount: 2, Contexts: 20, Depth: 2, MinLeaf: 2, Seed: 1})))
	f.Add([]byte{})
	f.Add([]byte(clustersMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadClusters(string(data))
		if err != nil {
			return
		}
		if b := bytesOf(t, c); !bytes.Equal(b, data) && len(data) > 0 {
			t.Fatalf("a table read from %d bytes writes %d others", len(data), len(b))
		}
		for i := range c.Len() {
			c.Code(uint64(c.codes.key(i)) ^ 1)
		}
		built := &keyTable{keys: c.codes.keys, vals: c.codes.vals, width: c.codes.width}
		if !built.index() || built.first != c.codes.first {
			// The read checks neither the keys' order nor that the
			// directory is theirs, only that looking up cannot fail.
			return
		}
		for i := range c.Len() {
			k := c.codes.key(i)
			if got := c.Code(uint64(k)); got != c.codes.value(i) {
				t.Fatalf("key %x: Code gives %d, the table holds %d", k, got, c.codes.value(i))
			}
		}
	})
}

// BenchmarkReadClusters reads the embedded table, which every model load
// does.
func BenchmarkReadClusters(b *testing.B) {
	for b.Loop() {
		if _, err := ReadClusters(data.Clusters()); err != nil {
			b.Fatal(err)
		}
	}
}
