package entity

import (
	"slices"
	"strings"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// particles are the lower-case words that join a person's given names to
// the surname ("Friedrich von Schlegel", "Loyola de Palacio", "Diego Silang
// y Andaya"): in CoNLL's training split a person's name followed by one and
// a capitalised word holds them 34 times in 34, in WikiGold 17 in 17.
var particles = set("von", "van", "de", "da", "di", "du", "der", "den", "del", "della", "y", "le", "la", "dos", "das", "ter")

// withParticle joins a person's name, a particle after it and the
// capitalised words after that into one person's name, which the model
// splits or ends at the particle ("Friedrich von Schlegel" read as
// "Friedrich" and "Schlegel"). cs are sorted and disjoint; it returns them
// so.
func withParticle(words []string, ws []ner.Word, cs []cand) []cand {
	for k := 0; k < len(cs); k++ {
		c := cs[k]
		if c.label == Person && c.b+1 < len(words) && particles[words[c.b]] && ws[c.b+1].IsCapitalised() {
			cs = joinPerson(words, ws, cs, k, c.b+1)
		}
	}
	return cs
}

// withNickname joins a person's name, a nickname in quotation marks after
// it and the capitalised words after that into one person's name, as
// WikiGold writes them ("William Mailes " Cowboy " Cowley": 5 in 5; CoNLL's
// training split has none).
func withNickname(words []string, ws []ner.Word, cs []cand) []cand {
	for k := 0; k < len(cs); k++ {
		c := cs[k]
		if c.label == Person && c.b+3 < len(words) && words[c.b] == `"` && words[c.b+2] == `"` &&
			ws[c.b+1].IsCapitalised() && ws[c.b+3].IsCapitalised() {
			cs = joinPerson(words, ws, cs, k, c.b+3)
		}
	}
	return cs
}

// joinPerson widens the person's name cs[k] to the capitalised words that
// start at from (at most maxSurnameWords of them), or to the person's name
// found there, over the candidates between, which must be unlabelled or
// people's. It returns cs unchanged when another kind of name stands in
// the way.
func joinPerson(words []string, ws []ner.Word, cs []cand, k, from int) []cand {
	end := from
	for end < len(words) && end < from+maxSurnameWords && ws[end].IsCapitalised() {
		end++
	}
	last := k
	for j := k + 1; j < len(cs) && cs[j].a < end; j++ {
		if cs[j].label != Person && cs[j].label != "" || cs[j].b > end && cs[j].label != Person {
			return cs
		}
		end, last = max(end, cs[j].b), j
	}
	cs[k].b = end
	return append(cs[:k+1], cs[last+1:]...)
}

// maxSurnameWords is the most capitalised words a surname after a particle
// or a nickname takes ("von Faber-Castell", "Silang y Andaya Reyes"): a
// title-case line would otherwise be one long name, and every later word
// of the text would be matched against phrases that long (consistent).
const maxSurnameWords = 2

// withDemonym starts an organisation's name of several words at the
// demonym or adjective of the group table just before it ("Spanish Air
// Force", "German Entomological Institute"), which the model reads as a
// group of its own; except a ministry's, the nation's ministry ("German |
// Foreign Ministry"). In CoNLL's training split such a word before an
// organisation's name of several words is in the name 51 times in 58
// (apart: 5 ministries, "Algerian | Islamic Salvation Front"), in PolNeAR's
// silver 121 in 123 (apart: "Chinese | Foreign Ministry" twice). cs are
// sorted and disjoint; it returns them so.
func withDemonym(words []string, ws []ner.Word, cs []cand) []cand {
	for k := 0; k < len(cs); k++ {
		c := cs[k]
		if c.label != Org || c.a == 0 || c.b-c.a < 2 || strings.EqualFold(words[c.b-1], "Ministry") {
			continue
		}
		d := &ws[c.a-1]
		if d.ExactMask()&(1<<ner.GazGroup) == 0 || !d.IsTitleCase() {
			continue
		}
		if k > 0 && cs[k-1].b == c.a {
			p := cs[k-1]
			if p.b-p.a != 1 || p.label != Group && p.label != "" {
				continue
			}
			cs = slices.Delete(cs, k-1, k)
			k--
		}
		cs[k].a--
	}
	return cs
}
