package ner

import (
	"strings"
	"testing"
)

// casingText is invented: "river" in lower case mid-sentence, "Dover"
// always capitalised, "Upstream" only at sentence starts and in a
// title-case headline.
func casingText() [][]string {
	lines := []string{
		"Upstream , the river ran past Dover .",
		"Ferries to Dover left the river mouth .",
		"Upstream the river was calm ; Dover was not .",
		"The Upstream River Of Dover",
		"A Walk Upstream From Dover",
	}
	var out [][]string
	for _, l := range lines {
		out = append(out, strings.Fields(l))
	}
	return out
}

func casingOf(c *Casing, s string) uint8 {
	var w Word
	describeShape(s, &w)
	return c.Bucket(w.lower)
}

func TestBuildCasingBucketsWordsByHowTheyAreWritten(t *testing.T) {
	c := BuildCasing(casingText(), 2)
	for _, tc := range []struct {
		name, word string
		want       uint8
	}{
		{"a word written in lower case mid-sentence is lower", "River", caseLower},
		{"a name always capitalised mid-sentence is always capitalised", "dover", caseAlways},
		{"sentence starts and title-case lines do not count", "Upstream", caseNone},
		{"a word seen once mid-sentence is too rare", "mouth", caseNone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := casingOf(c, tc.word); got != tc.want {
				t.Errorf("bucket of %q = %d, want %d", tc.word, got, tc.want)
			}
		})
	}
}

func TestCaseBucketOrdersShares(t *testing.T) {
	prev := uint8(0)
	for lower := 0; lower <= 20; lower++ {
		b := caseBucket(lower, 20)
		if b < prev || b < caseAlways || b > caseLower {
			t.Fatalf("bucket of %d/20 lower = %d after %d", lower, b, prev)
		}
		prev = b
	}
	if caseBucket(0, 20) != caseAlways || caseBucket(20, 20) != caseLower {
		t.Error("the ends are not always capitalised and always lower")
	}
}

func TestCasingRoundTrip(t *testing.T) {
	c := BuildCasing(casingText(), 1)
	b := bytesOf(t, c)
	r, err := ReadCasing(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != c.Len() || r.Len() == 0 {
		t.Fatalf("read %d words, wrote %d", r.Len(), c.Len())
	}
	for _, w := range []string{"river", "Dover", "Upstream", "Atlantis"} {
		if got, want := casingOf(r, w), casingOf(c, w); got != want {
			t.Errorf("%s: read %d, wrote %d", w, got, want)
		}
	}
	if _, err := ReadClusters(string(b)); err == nil {
		t.Error("a casing table reads as clusters")
	}
}
