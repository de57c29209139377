package entity

import (
	"strings"
	"unicode"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// datelinePlace makes the name in capitals that opens a news story's
// dateline a place's: "MILWAUKEE , Wisconsin 1996-08-29", "LOS ANGELES
// (AP) —", "DECATUR , Ill. —", where the model, taught by CoreNLP's silver
// labels, reads a city so written as an organisation's (on PolNeAR's
// training articles 4 times in 59; CoNLL dev "MILWAUKEE" 3 times). A
// dateline is the
// name, in capitals and of at most three words, at the start of its piece,
// followed by a date (CoNLL's "1996-08-29"), by a wire agency in brackets,
// or by a region after a comma ("Ill.", "Wisconsin") and then a date, a
// month, a dash or a bracket; or by a comma and a month and a day ("CLEVELAND ,
// July 19"). In CoNLL's training split the name opening a line that ends
// in a date is a place's 897 times in 903 (the rest "SAO PAULO" and
// "DENVER" a person's, "BRISBANE" and "RENNES" an organisation's, slips of
// the annotation) once "UNITED NATIONS", an organisation of the lists, is
// left out. A name
// followed by a dash alone is left to the model: that is also a column's
// kicker ("EXCLUSIVE –", "RUGBY UNION -"). cs are sorted and disjoint.
func (t *Tagger) datelinePlace(words []string, ws []ner.Word, cs []cand) {
	if len(cs) == 0 {
		return
	}
	c := &cs[0]
	if c.a != 0 || c.b > maxDatelineWords || c.label != Org && c.label != Person || !isDateline(words, c.b) {
		return
	}
	h := uint64(0)
	for i := c.a; i < c.b; i++ {
		if !inCapitalsWord(words[i]) {
			return
		}
		h = ner.PhraseHash(h, ws[i].LowerHash())
	}
	if t.gaz.LowerMask(h)&(1<<(ner.GazOrg+8)) != 0 {
		return
	}
	c.label = Place
}

// maxDatelineWords is the most words of a dateline's place ("SALT LAKE
// CITY").
const maxDatelineWords = 3

// isDateline reports whether the words from i go on as a dateline after
// its place: a date, a wire agency in brackets, or a region after a comma
// and then a date, a month, a dash or a bracket.
func isDateline(words []string, i int) bool {
	if i >= len(words) {
		return false
	}
	switch {
	case isISODate(words[i]):
		return true
	case words[i] == "(":
		return i+2 < len(words) && wireAgencies[words[i+1]] && words[i+2] == ")"
	case words[i] != ",":
		return false
	}
	for j := i + 1; j < len(words) && j <= i+1+maxRegionWords; j++ {
		w := words[j]
		switch {
		case months[w] && j == i+1:
			return j+1 < len(words) && isNumber(words[j+1])
		case isISODate(w) || months[w] || dashes[w] || w == "(":
			return j > i+1
		case !ner.IsCapitalised(w) || inCapitalsWord(w) && !strings.Contains(w, "."):
			// A region in capitals is another name of a list ("IBM ,
			// APPLE"), save a state's abbreviation ("N.H.").
			return false
		}
	}
	return false
}

// maxRegionWords is the most words of a dateline's region ("New
// Hampshire", "N.H.").
const maxRegionWords = 2

// wireAgencies are the news agencies a dateline names in brackets.
var wireAgencies = set("AP", "Reuters", "AFP", "UPI", "Bloomberg", "dpa", "Xinhua", "PA", "CP", "ANSA", "EFE",
	"Kyodo", "Interfax", "TASS", "PTI", "IANS")

// dashes end a dateline before the story.
var dashes = set("-", "--", "–", "—")

// isISODate reports whether w is a date written yyyy-mm-dd.
func isISODate(w string) bool {
	if len(w) != 10 || w[4] != '-' || w[7] != '-' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if i != 4 && i != 7 && (w[i] < '0' || w[i] > '9') {
			return false
		}
	}
	return true
}

// isNumber reports whether w is digits alone ("19").
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// inCapitalsWord reports whether w has a letter and no lower-case one.
func inCapitalsWord(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}
