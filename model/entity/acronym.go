package entity

import (
	"slices"

	"github.com/margin-reader/margin/model/entity/internal/ner"
	"unicode"
	"unicode/utf8"
)

// nameAndAcronym makes a name followed by its initials in brackets an
// organisation's, and the initials the same organisation's ("Brain Injury
// Rehabilitation Trust ( BIRT )", "London and South Western Railway (
// LSWR )"): in CoNLL's training split a name so followed is an
// organisation's 56 times in 64 (MISC 7, "Bovine Spongiform Encephalopathy
// ( BSE )", nothing 1), and in WikiGold 13 in 14. The name starts where
// its capitalised words, less the joining words ("of", "and", "the"),
// spell the initials, so a span the model began too late is widened; the
// step needs a span of the model's ending at the bracket with a person's,
// organisation's or place's label, so a MISC span or none is left alone.
// cs are sorted and disjoint; it returns them so.
func nameAndAcronym(words []string, ws []ner.Word, cs []cand) []cand {
	for i := 1; i+2 < len(words); i++ {
		if words[i] != "(" || words[i+2] != ")" || !isAcronym(words[i+1]) {
			continue
		}
		if inCapitals(words) {
			return cs
		}
		j := initialsStart(words, i, words[i+1])
		if j < 0 {
			continue
		}
		if out, ok := asAcronymed(cs, j, i, !ws[i+1].NewsLower()); ok {
			cs = out
		}
	}
	return cs
}

// asAcronymed replaces the candidates within words [a, b) by one
// organisation over them, when one of them ends at b with a name's label
// and none reaches outside; and it labels the acronym after b's bracket,
// or with add tags it where nothing is: an acronym that is also a common
// word ("Intelligent Network ( IN )") is added by nothing but its place.
func asAcronymed(cs []cand, a, b int, add bool) ([]cand, bool) {
	first, last := -1, -1
	for k, c := range cs {
		if c.a < b && a < c.b {
			if c.a < a || c.b > b || c.label == "" {
				return cs, false
			}
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if last < 0 || cs[last].b != b || namedIndex(cs[last].label) < 0 {
		return cs, false
	}
	cs = slices.Replace(cs, first, last+1, cand{a, b, Org})
	acr := cand{b + 1, b + 2, Org}
	k := slices.IndexFunc(cs, func(c cand) bool { return c.a < acr.b && acr.a < c.b })
	switch {
	case k < 0:
		if add {
			cs = insert(cs, acr)
		}
	case cs[k].a == acr.a && cs[k].b == acr.b && cs[k].label != "":
		cs[k].label = Org
	}
	return cs, true
}

// isAcronym reports whether w is two to six capital letters.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= maxAcronym
}

// maxAcronym is the most letters of initials the step reads.
const maxAcronym = 6

// acronymJoins are the lower-case words a name may hold that its initials
// leave out ("Confederation of British Industry ( CBI )").
var acronymJoins = set("of", "and", "the", "for", "&", "de", "on", "in")

// initialsStart returns where the capitalised words that end before
// words[end] begin, when their initials, less the joining words, spell
// acr; else -1. The name may not begin with a joining word.
func initialsStart(words []string, end int, acr string) int {
	// m counts the bytes of acr's initials matched so far, from its end.
	i := end
	for m := 0; m < len(acr); {
		if i == 0 {
			return -1
		}
		w := words[i-1]
		if acronymJoins[w] && m > 0 {
			i--
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		a, _ := utf8.DecodeLastRuneInString(acr[:len(acr)-m])
		if !unicode.IsUpper(r) || r != a {
			return -1
		}
		i--
		m += utf8.RuneLen(a)
	}
	return i
}

// spelledAfter reports whether the name c is followed by its initials in
// brackets, as nameAndAcronym reads them.
func spelledAfter(words []string, c cand) bool {
	i := c.b
	return i+2 < len(words) && words[i] == "(" && words[i+2] == ")" && isAcronym(words[i+1]) && initialsStart(words, i, words[i+1]) == c.a
}
