package entity

import "github.com/margin-reader/margin/model/entity/internal/ner"

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
