package ner

import (
	"bytes"
	"testing"
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
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	r, err := ReadClusters(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != c.Len() || r.Len() == 0 {
		t.Fatalf("read %d words, wrote %d", r.Len(), c.Len())
	}
	for k, code := range c.code {
		if r.code[k] != code {
			t.Errorf("word %x: read %b, wrote %b", k, r.code[k], code)
		}
	}
	again := BuildClusters(clusterText(), ClusterOptions{MinCount: 2, Contexts: 20, Depth: 3, MinLeaf: 2, Seed: 1})
	var b2 bytes.Buffer
	if _, err := again.WriteTo(&b2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Error("the same text and options gave a different table")
	}
}

func FuzzReadClusters(f *testing.F) {
	var b bytes.Buffer
	if _, err := BuildClusters(clusterText(), ClusterOptions{MinCount: 2, Contexts: 20, Depth: 2, MinLeaf: 2, Seed: 1}).WriteTo(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte{})
	f.Add([]byte("MCLU1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadClusters(data)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if _, err := c.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		r, err := ReadClusters(out.Bytes())
		if err != nil || r.Len() != c.Len() {
			t.Fatalf("a table read back gives %v, %d words, want %d", err, r.Len(), c.Len())
		}
	})
}
