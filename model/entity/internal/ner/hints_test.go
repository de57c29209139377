package ner

import (
	"errors"
	"strings"
	"testing"
)

// phraseHash hashes a phrase of space-separated words as written, as the
// tagger does for hint lists.
func phraseHash(phrase string) uint64 {
	h := uint64(0)
	for _, w := range strings.Fields(phrase) {
		h = PhraseHash(h, ExactHash(w))
	}
	return h
}

func hintSet(t *testing.T) *PhraseSet {
	t.Helper()
	lists := make([][]string, nHint)
	lists[HintCity] = []string{"Port Avery", "Kellow", "Saint Mara of the Long Reach Bay"}
	lists[HintPersonName] = []string{"Kellow", "Ada"}
	s := BuildPhraseSet(lists)
	var b strings.Builder
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	read, err := ReadPhraseSet(b.String())
	if err != nil {
		t.Fatal(err)
	}
	return read
}

func TestPhraseSetAnswersWhatWasWritten(t *testing.T) {
	s := hintSet(t)
	city, name := uint8(1<<HintCity), uint8(1<<HintPersonName)
	for _, tc := range []struct {
		name, phrase string
		want         uint8
	}{
		{"a city of two words is a city", "Port Avery", city},
		{"a city's first word begins a longer entry", "Port", hintPrefix},
		{"a word in both lists has both bits", "Kellow", city | name},
		{"a given name is a name", "Ada", name},
		{"entries match as written, not in any case", "ada", 0},
		{"an unknown word has no mask", "Avery", 0},
		{"entries longer than six words are left out", "Saint Mara of the Long Reach Bay", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.Mask(phraseHash(tc.phrase)); got != tc.want {
				t.Errorf("mask of %q = %08b, want %08b", tc.phrase, got, tc.want)
			}
		})
	}
}

func TestReadPhraseSetRejectsCorruptData(t *testing.T) {
	var b strings.Builder
	if _, err := hintSet(t).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	good := b.String()
	for _, tc := range []struct{ name, data string }{
		{"another file's magic", "mgcl1" + good[5:]},
		{"a truncated file", good[:len(good)-1]},
		{"a directory that ends short of the keys", good[:len(good)-4] + "\x00\x00\x00\x00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ReadPhraseSet(tc.data); !errors.Is(err, errCorrupt) {
				t.Errorf("got %v, want a corrupt-file error", err)
			}
		})
	}
}

func TestEmptyPhraseSetHasNoEntries(t *testing.T) {
	s, err := ReadPhraseSet("")
	if err != nil || s.Len() != 0 || s.Mask(phraseHash("Ada")) != 0 {
		t.Errorf("empty set: %v, %d keys", err, s.Len())
	}
}

func TestHeadWordsAreCommonNounsThatEndWordNetsNames(t *testing.T) {
	g, err := NewGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, word string
		want       uint8
	}{
		{"a word ending many organisations heads organisations", "Party", HeadOrg},
		{"heads are matched in any case", "council", HeadOrg},
		{"a word ending many places heads places", "River", HeadPlace},
		{"a name that ends many names is no head", "America", 0},
		{"a surname is no head", "Smith", 0},
		{"a common word ending no names is no head", "said", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := g.Head(LowerHash(tc.word)); got != tc.want {
				t.Errorf("Head(%q) = %d, want %d", tc.word, got, tc.want)
			}
		})
	}
}
