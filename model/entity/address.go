package entity

import (
	"slices"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// placeBeforePlace relabels a person's name that a comma joins to a place
// which ends the phrase there ("Debden , England ,", "Senlis , Oise ,
// Picardie"), the way an address names a place by its region: in CoNLL's
// training split a name so followed is a place's 269 times, a person's 21
// (nearly all "Henry Tricks , Mexico City newsroom", which the place's end
// rules out) and an organisation's 10. A name in a list ("Yes , Gentle
// Giant , Kansas , Tangerine Dream") is left alone. Measured on CoNLL dev
// 94.26 -> 94.30 ("Lockerbie , Scotland" twice, nothing lost) and WikiGold
// 72.32 -> 72.39 ("Debden , England ,", "Saffron Walden , England ,").
// cs are sorted and disjoint.
func placeBeforePlace(words []string, cs []cand) {
	for k := 0; k+1 < len(cs); k++ {
		c, next := &cs[k], cs[k+1]
		if c.label != Person || words[c.b] != "," || next.a != c.b+1 || next.label != Place || c.a > 0 && words[c.a-1] == "," {
			continue
		}
		if next.b == len(words) || !hasWordRune(words[next.b]) || isNum(words[next.b]) {
			c.label = Place
		}
	}
}

// cityAfterPreposition relabels an organisation's name that "in" or
// "near" puts in a city ("a rally in Cleveland"): a name the cities' hint
// list holds as it is and that no list of organisations or institutions
// knows, nor WordNet's people unless its places too. The model, taught by
// CoNLL's sports pages, reads a lone city as its team; in CoNLL's training
// split a city so placed is a place's 356 times in 366 (an organisation's
// 5). Measured on CoNLL dev 94.48 -> 94.50 ("in Sergiyev Posad"), WikiGold
// unchanged (74.15); on PolNeAR's 924 articles it changes 67 mentions, all
// rightly ("in Cleveland" 51 times, "in Nice" 15). After "from", "to",
// "of", "at" and "between" as well (a city so placed is a place's 730
// times in 805): WikiGold 74.22, dev 94.46, as teams come "from Nantes"
// and lose "to Guingamp". cs are sorted and disjoint.
func cityAfterPreposition(words []string, ws []ner.Word, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label != Org || c.a == 0 || !placePrepositions[words[c.a-1]] || !ner.Matched(ws, c.a, c.b, ner.MarkCity) {
			continue
		}
		if !listedElsewhere(ws, c.a, c.b) {
			c.label = Place
		}
	}
}

// placePrepositions put a name in a place.
var placePrepositions = set("in", "near")

// listedElsewhere reports whether ws[a:b] is an organisation's or an
// institution's name of the lists, or a person's of WordNet's that is not
// also one of its places ("Obama", not "Cleveland").
func listedElsewhere(ws []ner.Word, a, b int) bool {
	return matchedAny(ws, a, b, ner.MarkOrg, ner.MarkWordNetOrg, ner.MarkInstitution) ||
		ner.Matched(ws, a, b, ner.MarkWordNetPerson) && !ner.Matched(ws, a, b, ner.MarkWordNetPlace)
}

// matchedAny reports whether ws[a:b] is a whole entry of any of the lists
// marks (see ner.Matched).
func matchedAny(ws []ner.Word, a, b int, marks ...int) bool {
	for _, m := range marks {
		if ner.Matched(ws, a, b, m) {
			return true
		}
	}
	return false
}

// afterOffice starts an organisation's name that opens with an office's
// title and "of" after them ("[Mayor of] Brampton", "[Governor General of]
// Canada"): the title is no part of a name, and what follows names the
// place or body the office is of. It is a place's where the lists of
// places or cities hold it as it is. In CoNLL's training split and
// PolNeAR's silver a title and "of" before a capitalised word are outside
// any name 70 times in 70 for the offices, while "King", "General" and
// "Chief" are inside one 4 times ("Queen of the South" is a team). cs are
// sorted and disjoint.
func afterOffice(words []string, ws []ner.Word, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label != Org || !offices[words[c.a]] {
			continue
		}
		a := c.a + 1
		for a < c.b && titles[words[a]] {
			a++
		}
		if a+1 >= c.b || words[a] != "of" {
			continue
		}
		c.a = a + 1
		if matchedAny(ws, c.a, c.b, ner.MarkPlace, ner.MarkCity, ner.MarkWordNetPlace) {
			c.label = Place
		}
	}
}

// offices are the titles of offices held over a place or a body ("the
// Mayor of Brampton", "the Secretary of State"), not of rank or birth.
var offices = set("President", "Minister", "Secretary", "Governor", "Mayor", "Premier", "Chancellor", "Ambassador", "Bishop", "Archbishop")

// placeAfterPlace relabels a person's or organisation's name in title case
// that a comma joins after a place and that ends the phrase there
// ("Aringay , Pangasinan (", "Mouchak , Gazipur ."), the region of an
// address; not a list's ("Atlantic Club , Showboat , Revel"), nor a name of
// a given name or surname of the hint lists ("Toronto , Kevin Tapani ."). In
// CoNLL's training split a name so placed is a place's 220 times in 225
// (the rest people's full names), in PolNeAR's silver 349 in 383 (people's
// 25, organisations' 8). Measured on CoNLL dev 94.50 (94.44 with the names
// of the hint lists too) and WikiGold 74.41 -> 74.51; PolNeAR's 924
// articles unchanged. cs are sorted and disjoint.
func placeAfterPlace(words []string, ws []ner.Word, cs []cand) {
	for k := 1; k < len(cs); k++ {
		c, prev := &cs[k], cs[k-1]
		if c.label != Person && c.label != Org || prev.label != Place || prev.b+1 != c.a || words[prev.b] != "," || prev.a > 0 && words[prev.a-1] == "," {
			continue
		}
		endsPhrase := c.b == len(words) || !hasWordRune(words[c.b]) || isNum(words[c.b])
		inList := k+1 < len(cs) && words[c.b] == "," && cs[k+1].a == c.b+1
		if endsPhrase && !inList && ws[c.a].IsTitleCase() && !anyName(ws[c.a:c.b]) {
			c.label = Place
		}
	}
}

// anyName reports whether a word of ws is a given name or surname of the
// hint lists.
func anyName(ws []ner.Word) bool {
	for i := range ws {
		if ws[i].HintMask()&(1<<ner.HintPersonName) != 0 {
			return true
		}
	}
	return false
}

// placeBeforeVoters relabels an organisation's name that the list of
// places holds as it is when it stands before a noun of a place's
// politics ("the New Hampshire primary", "Nevada voters", "the Ohio
// governor"): what an election, its voters or an office belong to is the
// place. CoreNLP's silver labels, which the model reads in training, make
// "New Hampshire" an organisation before "primary" 29 times; in CoNLL's
// training split a listed place before these nouns is a place's 5 times in
// 5, in the silver 396 times in 437 (the 41 others are that "New
// Hampshire"). The cities' list is not asked: it holds "Liberal" (the
// "Liberal caucus") and "Monmouth" (a university's poll). cs are sorted and
// disjoint.
func placeBeforeVoters(words []string, ws []ner.Word, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label != Org || c.b == len(words) || !placeNouns[words[c.b]] {
			continue
		}
		if ner.Matched(ws, c.a, c.b, ner.MarkPlace) && !listedElsewhere(ws, c.a, c.b) {
			c.label = Place
		}
	}
}

// placeNouns are the nouns of a place's politics that a place's name
// stands before: its elections, its voters and its office-holders.
var placeNouns = set("primary", "primaries", "caucus", "caucuses", "voters", "voter", "delegation",
	"delegates", "delegate", "polls", "poll", "governor", "senator", "senators", "legislature",
	"lawmakers", "legislators", "residents", "congressman", "congresswoman")

// settlementWords open a place's name before "of" ("City of Brampton").
var settlementWords = set("City", "Town", "Village", "Borough")

// cityOfPlace makes a person's or organisation's name "City of", "Town of"
// and capitalised words a place's ("the City of Little Falls"), unless it
// ends in an organisation's head word ("City of Sydney Council"). Every
// such name of CoNLL's training and dev splits and WikiGold is a place's in
// their gold (5 in 5; "Town of Our Lady", "City Of Hayward"), and the model
// had WikiGold's three as organisations'. The head words are orgHeads and
// those of WordNet's organisations' names ("City of Westbury Planning
// Commission"), as personOrHeaded reads them. cs are sorted and disjoint.
func (t *Tagger) cityOfPlace(words []string, ws []ner.Word, cs []cand) {
	for k := range cs {
		c := &cs[k]
		if c.label != Org && c.label != Person || c.b-c.a < 3 || !settlementWords[words[c.a]] ||
			words[c.a+1] != "of" && words[c.a+1] != "Of" || t.endsOrgName(words[c.b-1], &ws[c.b-1]) {
			continue
		}
		if !slices.ContainsFunc(words[c.a+2:c.b], func(w string) bool { return !startsUpper(w) }) {
			c.label = Place
		}
	}
}
