package entity

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// kindsFile is the table of the common nouns that say what kind of thing a
// name is, written by ./kinds from WordNet: "village L", "band O", one a
// line after the '#' lines of its header, sorted. It is made into a map at
// the first search (kindsTable, 0.8 million instructions), so that loading
// costs nothing (an earlier parse into a map at load took 3 million
// instructions, an eighth of a load).
//
//go:embed kinds.txt
var kindsFile string

// kindsTable is kindsFile as a map from each word to what follows it on
// its line, made at the first search rather than at load: a search by
// halves of the text in place found a line's edges at each of its dozen
// steps, about 1,800 instructions with the word's lower-case copy, and the
// tagger asks about the last word of most names of several words.
var kindsTable = sync.OnceValue(func() *wordLines { return newWordLines(kindsFile) })

// wordLines is a table of lines, each a lower-case word and what follows
// it after a space, after a header of lines that begin with '#'.
type wordLines struct {
	entries map[string]string // the words and their entries, in the table's text
}

func newWordLines(text string) *wordLines {
	t := &wordLines{entries: make(map[string]string, strings.Count(text, "\n")+1)}
	for line := range strings.Lines(text) {
		if line = strings.TrimSuffix(line, "\n"); !strings.HasPrefix(line, "#") {
			word, entry, _ := strings.Cut(line, " ")
			t.entries[word] = entry
		}
	}
	return t
}

// entry returns what follows the lower-case word w on its line, or "".
func (t *wordLines) entry(w string) string { return t.entries[w] }

// entryLower is entry(strings.ToLower(w)), without a lower-case copy on
// the heap for a short word in ASCII.
func (t *wordLines) entryLower(w string) string {
	var buf [32]byte
	if len(w) > len(buf) {
		return t.entries[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return t.entries[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return t.entries[string(buf[:len(w)])]
}

// kindOf returns the kind table gives the word w in lower case, or "".
func kindOf(table *wordLines, w string) Label { return kinds[letterOf(table.entryLower(w))] }

// headsPlaces reports whether the word w ends places' names ("Hay
// Street", "Deccan Plateau", "Nagle Place"; kinds' H and h): an
// organisation's name the model reads so ended is a place's. Measured on
// CoNLL dev 94.30 (unchanged: "Northern Cape" right, "SK Rapid" wrong) and
// WikiGold 72.39 -> 72.81; with the nouns of place alone (H), 72.49; with
// every noun of place, "Manchester City" and "Commerce Department" among
// them, 93.46 and 72.60.
func headsPlaces(w string) bool {
	l := letterOf(kindsTable().entryLower(w))
	return l == "H" || l == "h"
}

// letterOf returns the letter of a table's entry ("H of"), or "".
func letterOf(entry string) string {
	letter, _, _ := strings.Cut(entry, " ")
	return letter
}

// namedAfterOf reports whether the name c follows a noun of place and "of"
// that the table marks as naming places there, with an article at most
// maxOfModifiers words before the noun ("the town of Aisby", "the French
// Riviera city of Nice"; kinds' "of"): the name is a place's, with a
// definition's votes, so that its other mentions follow. In CoNLL's
// training split a capitalised word after one of those 11 nouns and "of"
// is a place's 127 times in 127. Measured on CoNLL dev 94.44 -> 94.48
// ("the northern city of Groningen" and its other mention) and WikiGold
// 73.83 -> 74.15 ("the island of Divar" and its four other mentions, "the
// village of Cliddesden"); on PolNeAR's development and training articles
// it changes 5 mentions, all rightly ("the city of Nice", "the state of
// New Hampshire"). Without the article it also took "parts of Michelle
// Obama 's speech" and "the home state of Sanders" for places.
func namedAfterOf(words []string, c cand) bool {
	if c.a < 3 || words[c.a-1] != "of" || namedIndex(c.label) < 0 {
		return false
	}
	if !hasFlag(kindsTable(), words[c.a-2], "of") {
		return false
	}
	for i := c.a - 3; i >= 0 && i >= c.a-2-maxOfModifiers-1; i-- {
		if definers[strings.ToLower(words[i])] {
			return true
		}
	}
	return false
}

// namedAfterPlaces reports whether the name c follows a plural noun of
// place and "like", "including" or "such as" ("countries such as
// Algeria", "states like Nevada"; Hearst's patterns): the name is one of
// those places, with a definition's votes, so that its other mentions
// follow. After a noun of place (kinds' L and H) a capitalised word so
// placed is a place's name 4 times in 4 in CoNLL's training split and 45
// times in 48 in PolNeAR's silver labels; after nouns of people or
// organisations far less often (29 in 57 and 9 in 17 in the silver:
// "candidates like Mr. Carson", "companies like Facebook", MISC there),
// so those are left to the model. A noun that only heads places' names
// (kinds' h: "river", but also "chip" of "blue chips like IDLC", a
// company on CoNLL dev) counts only before "the", as a river's or a
// range's name takes it ("rivers like the Avren").
func namedAfterPlaces(words []string, c cand) bool {
	if c.a < 2 {
		return false
	}
	i, the := c.a-1, words[c.a-1] == "the"
	if the {
		i--
	}
	switch words[i] {
	case "like", "including":
		i--
	case "as":
		if i < 2 || words[i-1] != "such" {
			return false
		}
		i -= 2
	default:
		return false
	}
	if i < 0 {
		return false
	}
	if namedIndex(c.label) < 0 || c.b < len(words) && isPossessive(words[c.b]) {
		// "sites like Jones 's Infowars": the place is what the name has.
		return false
	}
	l := pluralOfPlace(words[i])
	return l == "L" || l == "H" || l == "h" && the
}

// pluralOfPlace returns the table's letter for the singular of w when w
// is, in lower case, the plural of a noun of place ("rivers",
// "countries", "churches"), else "".
func pluralOfPlace(w string) string {
	if len(w) < 3 || w[len(w)-1] != 's' || strings.ToLower(w) != w {
		return ""
	}
	stems := []string{w[:len(w)-1]}
	if strings.HasSuffix(w, "es") {
		stems = append(stems, w[:len(w)-2])
	}
	if strings.HasSuffix(w, "ies") {
		stems = append(stems, w[:len(w)-3]+"y")
	}
	for _, stem := range stems {
		switch l := letterOf(kindsTable().entry(stem)); l {
		case "L", "H", "h":
			return l
		}
	}
	return ""
}

// maxOfModifiers is the most words between the article and the noun of
// place before "of" ("the southern French city of Nice").
const maxOfModifiers = 3

// endsPlacesNames reports whether a person's name that ends in w is a
// place's ("Hancock Brook", "Sandy Creek"): w heads places' names and ends
// no person's in CoNLL's training split or PolNeAR's silver (kinds'
// "ends"; not "stone", "bay"). Measured on CoNLL dev 94.50 (unchanged) and
// WikiGold 74.91 -> 75.05 ("Hancock Brook", "Hancock Pond", "Willett
// Brook"); on PolNeAR's 924 articles it changes 5 names, 2 rightly
// ("Gracie Mansion", "Coco Beach"), one wrongly ("Pete Seat, an Indiana
// GOP consultant") and two titles of works from one wrong label to another
// ("Fuller House"). Without the people's names of PolNeAR's silver,
// "Michael Bay" would be a place.
func endsPlacesNames(w string) bool { return flagged(kindsTable().entryLower(w), "ends") }

// hasFlag reports whether table marks the lower-case word w with flag after
// its letter ("town H of").
func hasFlag(table *wordLines, w, flag string) bool { return flagged(table.entry(w), flag) }

// flagged reports whether a table's entry ("H of") has flag after its
// letter.
func flagged(entry, flag string) bool {
	_, flags, _ := strings.Cut(entry, " ")
	for flags != "" {
		var f string
		f, flags, _ = strings.Cut(flags, " ")
		if f == flag {
			return true
		}
	}
	return false
}

// kinds are the labels of the table's letters; H is a place's noun that
// also heads places' names ("street", "plateau").
var kinds = map[string]Label{"L": Place, "H": Place, "P": Person, "O": Org}

// copulas join a name to what defines it ("Aisby is a village"), and
// definers begin the definition.
var (
	copulas  = set("is", "was", "are", "were")
	definers = set("a", "an", "the")
)

// definitionEnds end the words that define a name: its head noun comes
// before them ("a village in the English county", "a band from Los Angeles").
var definitionEnds = set("of", "in", "on", "at", "from", "for", "by", "with", "to", "that", "which", "who",
	"whose", "where", "and", "or", "but", "as", "near", "since", "between", "based", "located", "founded")

// maxDefinitionWords is the most words after the article that may hold the
// head noun ("an English punk rock band").
const maxDefinitionWords = 6

// definedAs returns the kind of the name c at the start of a sentence that
// defines it, "X is a village", "X ( 1819 -- 1890 ) was a Polish
// playwright": the kind of the head noun of the words after the article,
// the last before the first word that ends the description. It returns ""
// for any other name, and where the head noun is not in the table.
func definedAs(words []string, c cand) Label {
	if c.a > 1 || c.a == 1 && words[0] != "The" || namedIndex(c.label) < 0 {
		return ""
	}
	i := afterBrackets(words, c.b)
	if i+2 >= len(words) || !copulas[words[i]] || !definers[words[i+1]] {
		return ""
	}
	for j := i + 2; j < len(words) && j <= i+2+maxDefinitionWords; j++ {
		if !hasWordRune(words[j]) || definitionEnds[words[j]] {
			if j == i+2 {
				return ""
			}
			return kindOf(kindsTable(), words[j-1])
		}
	}
	return ""
}

// afterBrackets returns where the words from i go on after the bracketed
// words that may open there ("Aisby ( Asebi ) is"), or i.
func afterBrackets(words []string, i int) int {
	if i >= len(words) || words[i] != "(" {
		return i
	}
	for j := i + 1; j < len(words) && j <= i+maxBracketWords; j++ {
		if words[j] == ")" {
			return j + 1
		}
	}
	return i
}

// maxBracketWords is the most words a bracket after a name holds (dates,
// another spelling) for its definition to follow.
const maxBracketWords = 20

// isPossessive reports whether the token w is a possessive ending, which
// the tokeniser splits off a name ("Jones 's").
func isPossessive(w string) bool { return w == "'s" || w == "’s" }
