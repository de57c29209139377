package entity

import (
	"strings"
	"testing"
)

// TestDefinedAndOpeners checks the steps "defined", "opener", "address",
// "placehead", "placeof", "city", "office", "brook", "suchas" and
// "headlinewords" on invented sentences: each case fails with its step
// switched off, which the test checks too, so that a case that passes
// without the step is caught.
func TestDefinedAndOpeners(t *testing.T) {
	tests := []struct {
		name, text string
		step       step
		want, not  []string
	}{
		{"a band a sentence defines is an organisation wherever it is named", "Harlow Pike is an English rock band from Leeds. Harlow Pike toured Europe in 2019.",
			stepDefined, []string{"Harlow Pike/ORG"}, []string{"Harlow Pike/PERSON"}},
		{"a manufacturer is an organisation", "Tarnby Ferris was a bicycle manufacturer based in Ghent. In 1960 Tarnby Ferris sold 4,000 bicycles.",
			stepDefined, []string{"Tarnby Ferris/ORG"}, []string{"Tarnby Ferris/PERSON"}},
		{"a village is a place, its head noun read before the preposition", "Kellsby is a village in the county of Durham. Kellsby has a church.",
			stepDefined, []string{"Kellsby/PLACE"}, []string{"Kellsby/PERSON"}},
		{"a small town is a place", "Olvera Marsh is a small town in Idaho. Residents of Olvera Marsh voted on Tuesday.",
			stepDefined, []string{"Olvera Marsh/PLACE"}, []string{"Olvera Marsh/PERSON"}},
		{"a common adverb opening a sentence before a comma is no name", "Downstream, the river widens.",
			stepOpener, nil, []string{"Downstream/PERSON", "Downstream/PLACE", "Downstream/ORG"}},
		{"a participle opening a sentence before a preposition is no name", "Born on April 16, 1819 in Kellow, she wrote plays.",
			stepOpener, []string{"Kellow/PLACE"}, []string{"Born/PLACE", "Born/PERSON", "Born/ORG"}},
		{"a name a comma joins to a place that ends there is a place", "The factory moved to Brenton, Ohio, in 1931.",
			stepAddress, []string{"Brenton/PLACE", "Ohio/PLACE"}, []string{"Brenton/PERSON"}},
		{"a name a comma joins after a place, ending the phrase, is a place", "He was born in Aringay, Pangasinan (now part of Caba).",
			stepAddress, []string{"Aringay/PLACE", "Pangasinan/PLACE"}, []string{"Pangasinan/PERSON"}},
		{"a region of two words after a place", "They moved to Toulouse, Haute Garonne.",
			stepAddress, []string{"Haute Garonne/PLACE"}, []string{"Haute Garonne/PERSON"}},
		{"an organisation's name ending in a street is a place", "The studio moved from Barrack Street to 340 Harwell Street in 1963.",
			stepPlaceHead, []string{"Barrack Street/PLACE", "Harwell Street/PLACE"}, []string{"Harwell Street/ORG"}},
		{"an organisation's name ending in a natural object is a place", "The rebels fled into the Ardan Cave and hid there.",
			stepPlaceHead, []string{"Ardan Cave/PLACE"}, []string{"Ardan Cave/ORG"}},
		{"a name after the town of is a place wherever it is named", "The band toured the town of Harlan Vey. Harlan Vey has two schools and Harlan Vey has a mill.",
			stepPlaceOf, []string{"Harlan Vey/PLACE"}, []string{"Harlan Vey/PERSON"}},
		{"a city after in is a place, not its team", "The senator spoke at a rally in Cleveland on Monday.",
			stepCity, []string{"Cleveland/PLACE"}, []string{"Cleveland/ORG"}},
		{"a city after near is a place", "The factory near Bolton closed in 2010.",
			stepCity, []string{"Bolton/PLACE"}, []string{"Bolton/ORG"}},
		{"an office's title and of are no part of the place's name after them", "The council consists of the Mayor of Brampton and five councillors.",
			stepOffice, []string{"Brampton/PLACE"}, []string{"Mayor of Brampton/ORG"}},
		{"titles of several words before of", "The cup came from the Governor General of Canada.",
			stepOffice, []string{"Canada/PLACE"}, []string{"Governor General of Canada/ORG"}},
		{"a person's name ending in a noun of place is a place", "The mill stood beside Harlow Pond until 1901.",
			stepPersonPlace, []string{"Harlow Pond/PLACE"}, []string{"Harlow Pond/PERSON"}},
		{"a name after the island of is a place, not an organisation", "She was born on the island of Mervale. Mervale exports wool, and Mervale imports oil.",
			stepPlaceOf, []string{"Mervale/PLACE"}, []string{"Mervale/ORG"}},
		{"a name after places like is a place", "The charity works in places like Cindervale and Morrow Bay.",
			stepSuchAs, []string{"Cindervale/PLACE"}, []string{"Cindervale/ORG"}},
		{"a name after rivers like the is a river's, there and where else it is named", "The Tessary rose overnight. Officials watch rivers like the Tessary closely.",
			stepSuchAs, []string{"Tessary/PLACE"}, []string{"Tessary/ORG"}},
		{"a headline's common words are no organisation", "The Cost Of Cheap Promises",
			stepHeadlineWords, nil, []string{"Cost Of Cheap Promises/ORG"}},
		{"nor are they when the headline is a sentence", "Voters Weigh Trust Over Experience",
			stepHeadlineWords, nil, []string{"Voters Weigh Trust Over Experience/ORG"}},
	}
	on, off := loadTagger(t), loadTagger(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			off.off = tc.step
			checkStep(t, on, off, tc.text, tc.want, tc.not)
		})
	}
}

// checkStep checks that on tags text with every one of want and none of
// not, and that off, a tagger with the step switched off, does not: a case
// that passes without the step does not test it.
func checkStep(t *testing.T, on, off *Tagger, text string, want, not []string) {
	t.Helper()
	if es := on.Tag(text, nil); !matches(text, es, want, not) {
		t.Errorf("Tag(%q) = %s; want %v and none of %v", text, found(text, es), want, not)
	}
	if es := off.Tag(text, nil); matches(text, es, want, not) {
		t.Errorf("without the step Tag(%q) = %s, as with it: the case does not test the step", text, found(text, es))
	}
}

// matches reports whether the entities es of text have every one of want
// and none of not ("text/LABEL").
func matches(text string, es []Entity, want, not []string) bool {
	for _, w := range want {
		if !has(text, es, w) {
			return false
		}
	}
	for _, n := range not {
		if has(text, es, n) {
			return false
		}
	}
	return true
}

func TestHeadlineWordsKeepTeamsInATablesRow(t *testing.T) {
	text := "Lugarno 2 Young Boys 1"
	if es := loadTagger(t).Tag(text, nil); !matches(text, es, []string{"Young Boys/ORG"}, nil) {
		t.Errorf("Tag(%q) = %s; want Young Boys/ORG", text, found(text, es))
	}
}

func TestDefinedAsReadsOnlyDefinitions(t *testing.T) {
	tests := []struct {
		name  string
		words string
		c     cand
		want  Label
	}{
		{"a definition after a bracket", "Carrick Dunmore ( 1871 -- 1930 ) was an Irish politician .", cand{0, 2, Org}, Person},
		{"a name after a capitalised The", "The Vellers are a band .", cand{1, 2, Person}, Org},
		{"no article, no definition", "Harlow Pike is famous .", cand{0, 2, Person}, ""},
		{"a head noun not in the table", "Harlow Pike is a mystery .", cand{0, 2, Person}, ""},
		{"a head noun past the words a description holds", "Harlow Pike is a very very very loud old English rock band .", cand{0, 2, Person}, ""},
		{"not the sentence's subject", "Fans say Harlow Pike is a band .", cand{2, 4, Person}, ""},
		{"no name of a kind", "Harlow Pike is a band .", cand{0, 2, ""}, ""},
	}
	for _, tc := range tests {
		if got := definedAs(strings.Fields(tc.words), tc.c); got != tc.want {
			t.Errorf("%s: definedAs(%q) = %q, want %q", tc.name, tc.words, got, tc.want)
		}
	}
}

// TestKindsTableIsSortedAndWellFormed checks the table ./kinds writes:
// after the header, one lower-case word and a kind a line, sorted.
func TestKindsTableIsSortedAndWellFormed(t *testing.T) {
	prev := ""
	for i, line := range strings.Split(strings.TrimSuffix(kindsFile, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			if prev != "" {
				t.Fatalf("line %d: a header line after the words", i+1)
			}
			continue
		}
		w, entry, ok := strings.Cut(line, " ")
		k, flags, _ := strings.Cut(entry, " ")
		if !ok || kinds[k] == "" && k != "h" || w == "" || w != strings.ToLower(w) || w <= prev {
			t.Fatalf("line %d: %q after %q: want a new lower-case word, sorted, and L, H, h, P or O", i+1, line, prev)
		}
		place := k == "L" || k == "H" || k == "h"
		for _, f := range strings.Fields(flags) {
			if f == "of" && !place || f == "ends" && k != "H" && k != "h" || f != "of" && f != "ends" {
				t.Errorf("line %d: %q: flag %q with letter %s", i+1, line, f, k)
			}
		}
		if got := hasFlag(kindsTable(), w, "ends"); got != strings.Contains(flags, "ends") {
			t.Errorf("hasFlag(%q, ends) = %v on %q", w, got, line)
		}
		if got := kindOf(kindsTable(), w); got != kinds[k] {
			t.Errorf("kindOf(%q) = %q, want %q", w, got, kinds[k])
		}
		if got := headsPlaces(w); got != (k == "H" || k == "h") {
			t.Errorf("headsPlaces(%q) = %v with letter %s", w, got, k)
		}
		prev = w
	}
}

func TestKindOf(t *testing.T) {
	table := newWordLines("# header\n# more\nband O\nsinger P\nvillage L")
	for w, want := range map[string]Label{"band": Org, "singer": Person, "village": Place, "aardvark": "", "zebra": "", "sing": "", "# header": "", "": ""} {
		if got := kindOf(table, w); got != want {
			t.Errorf("kindOf(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestListLabel checks the step "label" on invented texts: a word that
// opens three lines before a number is no name (the case fails with the
// step off), while teams that open two lines of a table stay names.
func TestListLabel(t *testing.T) {
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepListLabel
	const list = "Renamed 12 Signal Wing on 3 May.\nRenamed 14 Signal Group on 9 June.\nRenamed 15 Signal Corps on 1 July.\n"
	if es, offEs := on.Tag(list, lineSpans(list)), off.Tag(list, lineSpans(list)); !matches(list, es, []string{"Signal Wing/ORG"}, []string{"Renamed/ORG"}) || matches(list, offEs, nil, []string{"Renamed/ORG"}) {
		t.Errorf("Tag(%q) = %s (without the step %s); want no Renamed/ORG", list, found(list, es), found(list, offEs))
	}
	const table = "Barnsley 2 Stoke 1\nStoke 3 Barnsley 0\n"
	if es := on.Tag(table, lineSpans(table)); !matches(table, es, []string{"Barnsley/ORG", "Stoke/ORG"}, nil) {
		t.Errorf("Tag(%q) = %s; want the teams", table, found(table, es))
	}
}

// TestPeopleNamedAfterPlaces checks that the step "brook" leaves people
// whose surnames are nouns of place that end people's names in the
// training data ("stone", "bay").
func TestPeopleNamedAfterPlaces(t *testing.T) {
	const text = "The film was directed by Oliver Stone and Michael Bay."
	if es := loadTagger(t).Tag(text, nil); !matches(text, es, []string{"Oliver Stone/PERSON", "Michael Bay/PERSON"}, nil) {
		t.Errorf("Tag(%q) = %s; want both people", text, found(text, es))
	}
}

// TestEntryLower checks that the search that reads capitals as lower case
// finds what a search for the word in lower case finds.
func TestEntryLower(t *testing.T) {
	table := kindsTable()
	words := []string{"", "Zzz", "İstanbul", "ÇA", "Street", "STREET", "Hay"}
	for w := range table.entries {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"S", w[:len(w)-1], strings.Repeat(w, 9))
	}
	for _, w := range words {
		if got, want := table.entryLower(w), table.entry(strings.ToLower(w)); got != want {
			t.Errorf("entryLower(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestMiscDefinedLabelsEveryMention checks the step "miscdefined": where
// the model reads a mention as a name of another kind (MISC), a name the
// text says is a place ("rivers such as the Esken") is a place there too.
func TestMiscDefinedLabelsEveryMention(t *testing.T) {
	text := "He fished rivers such as the Esken. The Esken salmon run ended, and the Esken is now empty."
	places := func(tg *Tagger) int {
		n := 0
		for _, e := range tg.Tag(text, nil) {
			if e.In(text) == "Esken" && e.Label == Place {
				n++
			}
		}
		return n
	}
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepMiscDefined
	if got := places(on); got != 3 {
		t.Errorf("Tag(%q) = %s; want Esken/PLACE three times", text, found(text, on.Tag(text, nil)))
	}
	if places(off) == 3 {
		t.Errorf("without the step Tag(%q) has Esken/PLACE three times too: the case does not test the step", text)
	}
}
