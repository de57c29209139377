package entity

import (
	"strings"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// opensSentence reports whether the one word ws[i] the model reads as a
// name only opens its sentence before a comma: an adverb or a participle
// ("Upstream, the argument is", "Sadly, he is", "Enraged, definitely"),
// which news writes in lower case, or a word that no list knows and the
// document never writes capitalised in mid-sentence. A name that opens a
// sentence this way is nearly always in the lists or written capitalised
// again later ("Obama, who"). On PolNeAR's development articles it drops
// 6 spans, 5 rightly ("Sadly", "Conversely", "Enraged") and one name
// written once, misspelt ("Scheiderman, a Democrat"); CoNLL dev is
// unchanged and WikiGold gains 0.04. Without the comma (any lone opening
// word so written) WikiGold gained 0.49 but CoNLL dev lost 0.42: its
// sentences open with names mentioned once ("Kerrow said"). So is such a
// word before a preposition that news writes in lower case ("Born in
// Aringay", "Redesignated on"): in CoNLL's training split a word so placed
// is no name 170 times in 171; measured on CoNLL dev 94.50 (unchanged) and
// WikiGold 74.87 -> 74.91, PolNeAR's 924 articles unchanged.
func opensSentence(words []string, ws []ner.Word, i int) bool {
	w := &ws[i]
	if i+1 >= len(words) || !w.IsFirst() || !w.IsTitleCase() {
		return false
	}
	return words[i+1] == "," && (w.NewsLower() || w.Unlisted()) || openerPrepositions[words[i+1]] && w.NewsLower()
}

// openerPrepositions follow a participle or adverb that opens a sentence.
var openerPrepositions = set("in", "on", "at", "for", "from", "with", "by", "to", "of", "as", "after", "into")

// opensBeforeNumber reports whether the piece of a sentence words opens
// with a capitalised word before a number ("Milepost 4.4 :", "Attendance
// 5,000"). A word that opens at least minListLabels pieces of a text so is
// a list's label, not a name: in CoNLL's training split a capitalised word
// that opens three sentences of a document or more before a number is no
// name 34 times in 34 ("Attendance", "Halftime"), in CoNLL dev 27 in 27
// ("May", "June"), in PolNeAR's silver 27 in 27, while a team opens two
// lines of a table (239 of the 292 so opening twice are teams). Measured on
// CoNLL dev 94.50 (unchanged) and WikiGold 74.51 -> 74.87 (24 "Milepost"
// and 3 "Redesignated" no longer organisations); PolNeAR's 924 articles
// unchanged.
func opensBeforeNumber(words []string) bool {
	return len(words) > 1 && ner.IsCapitalised(words[0]) && words[1][0] >= '0' && words[1][0] <= '9'
}

// minListLabels is the fewest pieces of a text a word opens before a number
// to be read as a list's label.
const minListLabels = 3

// headlineWords reports whether the name ws[a:b] the model reads in a
// headline (a piece in title case, headline) is only the headline's
// capitals: words in title case that news writes in lower case
// (NewsLower) and no gazetteer holds, the last of them one, the others
// small words of titles or words no list knows and news too seldom writes
// to say ("Stealth Over Health", "Importance Of Reading Diverse Authors").
// Where every word is capitalised, capitals say nothing of a name. Not in
// a table's row, of numbers ("Aarau 1 Young Boys 0"), nor for a name whose
// last word news does not write in lower case ("Rich Ashooh").
func headlineWords(words []string, ws []ner.Word, a, b int) bool {
	if b-a < 2 || !headline(words) || numbers(words) > 1 {
		return false
	}
	for i := a; i < b; i++ {
		w := &ws[i]
		switch {
		case w.IsTitleCase() && w.NewsLower() && w.LowerMask() == 0 && w.ExactMask() == 0:
		case i < b-1 && (titleWords[strings.ToLower(words[i])] || w.IsTitleCase() && !w.Listed() && w.NewsUnseen()):
		default:
			return false
		}
	}
	return true
}

// numbers counts the words of a piece that are numbers.
func numbers(words []string) int {
	n := 0
	for _, w := range words {
		if isNum(w) {
			n++
		}
	}
	return n
}
