package ner

import (
	"slices"
	"strings"
	"testing"
)

// profiled prepares invented sentences as one document, with its profile.
func profiled(g *Gazetteer, sentences ...string) [][]Word {
	var doc Document
	for _, s := range sentences {
		doc = append(doc, Sentence{Words: strings.Fields(s)})
	}
	return g.Prepare(doc)
}

// emptyGazetteer is a gazetteer of no lists, clusters or casing.
func emptyGazetteer(t *testing.T) *Gazetteer {
	t.Helper()
	g := &Gazetteer{}
	for _, tab := range []**phraseTable{&g.lower, &g.exact, &g.hint, &g.heads} {
		var err error
		if *tab, err = newPhraseTable(nil); err != nil {
			t.Fatal(err)
		}
	}
	return g
}

func contextKey(side uint8, neighbour string) uint32 {
	return key(mix(mix(tContext, uint64(side)), uint64(key(LowerHash(neighbour)))))
}

func TestMentionsSeeTheContextsOfTheWordsOtherMentions(t *testing.T) {
	g := emptyGazetteer(t)
	doc := profiled(g, "Then Tomas Kerrow said no .", "Kerrow also claimed it .", "KERROW QUITS", "the kerrow fund")
	for _, tc := range []struct {
		name      string
		sent, at  int
		side      uint8
		neighbour string
		want      bool
	}{
		{"a sentence start sees the word before another mention", 1, 0, 0, "tomas", true},
		{"a sentence start sees the word after another mention", 1, 0, 1, "said", true},
		{"a mention does not see its own neighbours", 1, 0, 1, "also", false},
		{"a headline in capitals sees the mentions in the text", 2, 0, 0, "tomas", true},
		{"a lower-case word has no contexts of its own", 3, 1, 0, "the", false},
		{"a lower-case word sees its capitalised mentions", 3, 1, 1, "also", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			feats := Features(doc[tc.sent], tc.at, nil)
			if got := slices.Contains(feats, contextKey(tc.side, tc.neighbour)); got != tc.want {
				t.Errorf("sees %q on side %d: %v, want %v", tc.neighbour, tc.side, got, tc.want)
			}
		})
	}
}

func TestProfileKeepsTheFirstMentionsContexts(t *testing.T) {
	var sents []string
	for _, w := range []string{"alpha", "beta", "gamma", "delta", "epsilon"} {
		sents = append(sents, "the "+w+" Avery "+w+" .")
	}
	g := emptyGazetteer(t)
	doc := profiled(g, sents...)
	p := doc[0][2].prof
	if p.n != maxContexts {
		t.Errorf("kept %d contexts, want %d", p.n, maxContexts)
	}
	if last := p.ctx[p.n-1]; last.lower != key(LowerHash("beta")) {
		t.Errorf("the last context kept is not the second mention's")
	}
}
