package ner

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/entity/data"
)

// markEveryPhrase is mark as it was before it skipped phrases whose
// shorter phrase begins no entry: it looks up every phrase of up to maxLen
// words while the one before it is in a table.
func markEveryPhrase(g *Gazetteer, ws []Word) {
	var best [nMarks]int
	for i := range ws {
		var longest [nMarks]int
		lh, eh := uint64(0), uint64(0)
		for n := 1; n <= g.maxLen && i+n <= len(ws); n++ {
			lh = PhraseHash(lh, ws[i+n-1].lower)
			eh = PhraseHash(eh, ws[i+n-1].exact)
			m, hm := ws[i].lmask, ws[i].hmask
			if n > 1 {
				m, hm = g.lower.get(lh), g.hintMask(eh)
			}
			if m == 0 && hm == 0 {
				break
			}
			noteMatch(&longest, n, m, hm)
		}
		markMatches(ws, i, &longest, &best)
	}
}

// TestMarkFindsWhatLookingUpEveryPhraseFinds runs both over sentences that
// string the lists' own entries together, as written and lower-cased, so
// that long entries, their prefixes and entries that overlap meet.
func TestMarkFindsWhatLookingUpEveryPhraseFinds(t *testing.T) {
	g, err := NewGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	var entries []string
	for _, l := range append(gazLists[:], hintLists[:]...) {
		es, err := data.Entries(l)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			entries = append(entries, e.Text)
		}
	}
	const perSentence = 5
	for k := 0; k+perSentence <= len(entries); k += perSentence {
		s := strings.Join(entries[k:k+perSentence], " ")
		for _, text := range []string{s, strings.ToLower(s), "New " + s + " City"} {
			got := g.Sentence(words(text), nil, nil)
			want, _ := g.Describe(words(text), nil, nil, nil)
			markEveryPhrase(g, want)
			for i := range got {
				if got[i].gaz != want[i].gaz {
					t.Fatalf("%q: word %d marked %v, looking up every phrase %v", text, i, got[i].gaz, want[i].gaz)
				}
			}
		}
	}
}
