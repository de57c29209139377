package entity

import "github.com/margin-reader/margin/model/entity/internal/ner"

// legalForms are the words and abbreviations of a company's legal form
// ("Inc", "GmbH", "SpA", "Plc"). After a name's first word they make it an
// organisation's: in CoNLL's training split a name holds one there 229
// times, each an organisation's (dev 41 in 41, WikiGold 9 in 9, PolNeAR's
// silver labels 28 in 28), and no name of any of the four sets ends just
// before one. Abbreviations that also name regions after a city ("SA",
// "AB", "SE": "Adelaide SA", "Calgary AB") are left out.
var legalForms = set("Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Cos", "Cos.",
	"Ltd", "Ltd.", "Limited", "Plc", "plc", "PLC", "GmbH", "AG", "SpA", "S.p.A.", "S.A.", "NV", "N.V.", "BV",
	"B.V.", "LLC", "L.L.C.", "LLP", "Pty", "Bhd", "Berhad", "Oyj", "ASA", "Ltda", "KGaA")

// officeForms are legal forms that also abbreviate an office after a
// place's name ("Texas AG Ken Paxton", its attorney general, as PolNeAR's
// articles write "Former AG"): inside a name, or after a name that is not
// a place's ("Siemens AG"), they are the company's; after a place's, no
// sign.
var officeForms = set("AG")

// withLegalForm makes a name with a legal form after its first word an
// organisation's, widened over the legal forms that follow it ("[Pirelli]
// SpA chairman", "Eberhard Faber GmbH" read as a person's). cs are sorted
// and disjoint; it returns them so.
func withLegalForm(words []string, cs []cand) []cand {
	for k := 0; k < len(cs); k++ {
		c := cs[k]
		if c.label == Group || c.label == Org && !legalForms[wordAt(words, c.b)] {
			continue
		}
		end := c.b
		for end < len(words) && legalForms[words[end]] && !(c.label == Place && officeForms[words[end]]) {
			end++
		}
		if end == c.b && !anyLegalForm(words[c.a+1:c.b]) {
			continue
		}
		// Names the widening covers (a legal form read on its own) go; one
		// that goes on past the legal forms leaves the name as it is.
		j := k + 1
		for j < len(cs) && cs[j].a < end {
			j++
		}
		if j > k+1 && cs[j-1].b > end {
			continue
		}
		cs[k].b, cs[k].label = end, Org
		cs = append(cs[:k+1], cs[j:]...)
	}
	return cs
}

// wordAt returns words[i], or "" past the end.
func wordAt(words []string, i int) string {
	if i < len(words) {
		return words[i]
	}
	return ""
}

func anyLegalForm(words []string) bool {
	for _, w := range words {
		if legalForms[w] {
			return true
		}
	}
	return false
}

// corporateWords end a company's full name after its short one ("Magna
// International Inc", "Podesta Group"): the legal forms and the words
// a company's name ends in before them.
var corporateWords = set("Group", "Holdings", "International", "Industries", "Company", "Bancorp", "Bancshares",
	"Bros", "Bros.", "Brothers")

// shortForm returns where the short form of an organisation's name over
// words [a, b) ends, the words before the legal forms and corporate words
// it ends in ("Magna" of "Magna International Inc"), or a when it has
// none or is nothing else.
func shortForm(words []string, a, b int) int {
	e := b
	for e > a && (legalForms[words[e-1]] || corporateWords[words[e-1]]) {
		e--
	}
	if e == b || !ner.IsCapitalised(words[a]) {
		return a
	}
	return e
}
