package entity

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

func loadTagger(tb testing.TB) *Tagger {
	tb.Helper()
	t, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// found renders entities as "text/LABEL" in order.
func found(text string, es []Entity) string {
	var b []string
	for _, e := range es {
		b = append(b, e.In(text)+"/"+string(e.Label))
	}
	return strings.Join(b, " ")
}

// has reports whether want ("text/LABEL") is among the entities.
func has(text string, es []Entity, want string) bool {
	for _, e := range es {
		if e.In(text)+"/"+string(e.Label) == want {
			return true
		}
	}
	return false
}

func TestTag(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		name, text string
		want       []string
		not        []string
	}{
		// Invented sentences, none from the samples, each for one behaviour.
		{"finds a weekday as a date", "The ferry sails again on Thursday.", []string{"Thursday/DATE"}, nil},
		{"finds an ordinal week without its article", "The strike is now in its second week.", []string{"second week/DATE"}, nil},
		{"finds a clock time with pm", "The polls close at 9.30 pm local time.", []string{"9.30 pm/DATE"}, nil},
		{"finds a full date", "The treaty was signed on October 3, 1990 in Berlin.", []string{"October 3, 1990/DATE", "Berlin/PLACE"}, nil},
		{"finds a day-first date", "She was born on 12 May 1984.", []string{"12 May 1984/DATE"}, nil},
		{"keeps the modifier of an amount", "The WHO said about 250 clinics closed.", []string{"about 250/NUMBER", "WHO/ORG"}, nil},
		{"finds a bare count", "The jury heard 14 witnesses.", []string{"14/NUMBER"}, nil},
		{"keeps a two-word modifier", "Organisers expected at least 2,000 runners.", []string{"at least 2,000/NUMBER"}, nil},
		{"keeps an as-many-as modifier", "As many as 80 flights were cancelled.", []string{"As many as 80/NUMBER"}, nil},
		{"finds thousands of", "Thousands of fans waited outside.", []string{"Thousands/NUMBER"}, nil},
		{"finds an ISO date", "The file was last changed on 2019-11-02.", []string{"2019-11-02/DATE"}, nil},
		{"finds a duration", "The repairs took two weeks and 5 days.", []string{"two weeks/DATE", "5 days/DATE"}, nil},
		{"finds a percentage", "Rents rose 12% this year.", []string{"12%/NUMBER", "this year/DATE"}, nil},
		{"finds money with a scale", "The bridge cost $450 million.", []string{"$450 million/NUMBER"}, nil},
		{"leaves the country before a dollar sign", "Exports reached US$3 billion.", []string{"$3 billion/NUMBER"}, nil},
		{"finds a spelled amount with a scale", "About four million tourists came.", []string{"About four million/NUMBER"}, nil},
		{"does not take a surname May for a month", "Theresa May spoke to reporters.", nil, []string{"May/DATE"}},
		{"finds demonyms as groups", "French and Kenyan diplomats met German engineers.", []string{"French/GROUP", "Kenyan/GROUP", "German/GROUP"}, nil},
		{"reads a group's word before a noun as a group", "Turnout among Latino voters rose in Nevada.", []string{"Latino/GROUP", "Nevada/PLACE"}, []string{"Latino/PLACE"}},
		{"finds plural demonyms", "Many Brazilians voted early.", []string{"Brazilians/GROUP"}, nil},
		{"does not split an outlet named after a place", "A New York Times story and the Los Angeles Times agreed.", []string{"New York Times/ORG", "Los Angeles Times/ORG"}, []string{"New York/PLACE", "Los Angeles/PLACE"}},
		{"names an outlet's language edition with the outlet", "Speaking to BBC Arabic, the minister denied it.", []string{"BBC Arabic/ORG"}, []string{"BBC/ORG"}},
		{"does not take an edition's language for a group", "A reporter for Al Jazeera English said so.", []string{"Al Jazeera English/ORG"}, []string{"English/GROUP"}},
		{"counts a capitalised The after a lower-case word in the name", "In 1998 the band signed with The Harwick Music Company and toured Norway.", []string{"The Harwick Music Company/ORG"}, []string{"Harwick Music Company/ORG"}},
		{"reads a name after a capitalised The as no person's", "Later that year she toured with The Harry Mellors across Ohio.", []string{"The Harry Mellors/ORG"}, []string{"Harry Mellors/PERSON"}},
		{"leaves a sentence's first The out of the name", "The Harwick Music Company signed the band in 1998.", []string{"Harwick Music Company/ORG"}, []string{"The Harwick Music Company/ORG"}},
		{"starts an organisation's name at its ordinal", "Pilots of the Ninth Air Force flew home.", []string{"Ninth Air Force/ORG"}, nil},
		{"starts an organisation's name at an ordinal in the short style", "Troops of the 3d Marine Division landed at dawn.", []string{"3d Marine Division/ORG"}, []string{"Marine Division/ORG"}},
		{"finds the West as a region", "Critics say the West waited too long.", []string{"West/PLACE"}, nil},
		{"does not take the West Bank apart", "Farmers in the West Bank lost olive trees.", []string{"West Bank/PLACE"}, []string{"West/PLACE"}},
		{"strips a curly possessive", "Nairobi’s traffic eased.", []string{"Nairobi/PLACE"}, nil},
		{"strips a straight possessive", "Canada's team arrived late.", []string{"Canada/PLACE"}, nil},
		{"ignores underscores of emphasis", "An editorial in _Wall Street Journal_ said so.", []string{"Wall Street Journal/ORG"}, nil},
		{"splits a hyphen glued to a word", "Growth in Brazil- a figure the bank disputes.", []string{"Brazil/PLACE"}, nil},
		{"reads a lower-case headline", "india rejects us tariffs on steel from china", []string{"india/PLACE", "us/PLACE", "china/PLACE"}, nil},
		{"reads a headline in capitals", "INDIA REJECTS US TARIFFS ON STEEL FROM CHINA", []string{"INDIA/PLACE", "US/PLACE", "CHINA/PLACE"}, nil},
		{"leaves the pronoun us alone in normal text", "She asked us whether Paris had agreed.", []string{"Paris/PLACE"}, []string{"us/PLACE"}},
		{"leaves the pronoun us alone in a lower-case headline", "spain tells us it will wait", []string{"spain/PLACE"}, []string{"us/PLACE"}},
		{"reads a headline in sentence case", "Kenya asks us envoy about talks in ethiopia", []string{"Kenya/PLACE", "us/PLACE", "ethiopia/PLACE"}, nil},
		{"leaves a lower-case us alone in a line with capitals", "Officials in spain told us nothing, said Ana Ruiz.", nil, []string{"us/PLACE"}},
		{"leaves a title out of a person's name", "Colonel Amadou Keita inspected the bridge.", []string{"Amadou Keita/PERSON"}, []string{"Colonel Amadou Keita/PERSON"}},
		{"takes no common word that starts a sentence for a name", "Downstream, the banks are eroding. Silt washes downstream after storms.", nil, []string{"Downstream/PERSON", "Downstream/PLACE", "Downstream/ORG"}},
		{"finds no place in a quoted title", "Her novel “The Road to Kisumu” sold well.", nil, []string{"Kisumu/PLACE", "Road/ORG"}},
		{"finds a place after a quoted remark", "He said “we will not leave” and Paris agreed.", []string{"Paris/PLACE"}, nil},
		{"keeps a numeral that ends a person's name", "The letter from Pope Clement VII reached Lyon.", []string{"Clement VII/PERSON"}, nil},
		{"leaves the pronoun I after a name alone", "Other than Jim Eastland I have met no senator.", []string{"Jim Eastland/PERSON"}, nil},
		{"finds a person with a given name", "Maria Gonzalez, a nurse at the clinic, spoke first.", []string{"Maria Gonzalez/PERSON"}, nil},
		{"names an administration an organisation", "It has ties to the Obama Administration.", []string{"Obama Administration/ORG"}, nil},
		{"reads a state before its primary as the place", "Volunteers knocked on doors before the New Hampshire primary.", []string{"New Hampshire/PLACE"}, []string{"New Hampshire/ORG"}},
		{"reads a country's lower house as an organisation", "The bill cleared the U.S. House on a party-line vote.", []string{"U.S. House/ORG"}, []string{"U.S. House/PLACE"}},
		{"reads a party's chamber as an organisation", "Republican House members met in a basement room.", []string{"Republican House/ORG"}, nil},
		{"reads a country's senate as an organisation", "She served eight years in the United States Senate.", []string{"United States Senate/ORG"}, nil},
		{"ends a chamber's name before a leader's title", "Senate Minority Leader Gail Hartwell objected to the schedule.", []string{"Senate/ORG", "Gail Hartwell/PERSON"}, []string{"Senate Minority/ORG"}},
		{"starts a name after Former", "Former House Speaker Dan Okafor endorsed the mayor.", []string{"House/ORG", "Dan Okafor/PERSON"}, []string{"Former House/PLACE"}},
		{"takes no plural title for a name", "The plan was backed by Sens. Ana Welby and Tom Brierly.", []string{"Ana Welby/PERSON"}, []string{"Sens/ORG", "Sens/PERSON"}},
		{"finds a party", "The Scottish National Party won the seat.", []string{"Scottish National Party/ORG"}, []string{"Scottish/GROUP"}},
		{"finds a seat of government as an organisation", "The Pentagon declined to comment.", []string{"Pentagon/ORG"}, nil},
		{"does not take a section number for a name", "III. Where the money went\nIV. A second look", nil, []string{"III/ORG", "IV/PERSON", "III. Where/PERSON"}},
		{"takes a bare year for a date", "A winter like 2010, and we close.", []string{"2010/DATE"}, nil},
		{"takes a year after a preposition for a date", "Since 1998 the lake has shrunk.", []string{"1998/DATE"}, nil},
		{"takes a year-like count for a number", "About 1500 workers walked out.", []string{"About 1500/NUMBER"}, []string{"1500/DATE"}},
		{"reads each cell of a tab-separated table on its own", "Option\tPrice paid by towns\tPrice paid by farmers\nPrice rose in Leeds.", []string{"Leeds/PLACE"}, []string{"Price/ORG", "Price/PERSON", "Option Price/ORG"}},
		{"keeps a currency sign with its amount", "| Option A | €0 | €0 | 0 |", []string{"€0/NUMBER"}, []string{"€/ORG"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := tg.Tag(tt.text, nil)
			for _, w := range tt.want {
				if !has(tt.text, es, w) {
					t.Errorf("want %s; got %s", w, found(tt.text, es))
				}
			}
			for _, n := range tt.not {
				if has(tt.text, es, n) {
					t.Errorf("did not want %s; got %s", n, found(tt.text, es))
				}
			}
		})
	}
}

func TestTagUsesOnlySentenceSpans(t *testing.T) {
	tg := loadTagger(t)
	text := "Moscow agreed. Kyiv refused."
	es := tg.Tag(text, []span.Span{{Start: 15, End: len(text)}})
	if got := found(text, es); got != "Kyiv/PLACE" {
		t.Errorf("got %q, want only Kyiv/PLACE", got)
	}
}

func TestTagToleratesBadSentenceSpans(t *testing.T) {
	tg := loadTagger(t)
	text := "Moscow agreed. Kyiv refused."
	spans := []span.Span{{Start: 15, End: 999}, {Start: -5, End: 3}, {Start: 20, End: 10}, {Start: 0, End: 20}}
	checkEntities(t, text, tg.Tag(text, spans))
}

func TestTagIsSafeForConcurrentUse(t *testing.T) {
	tg := loadTagger(t)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			text := fmt.Sprintf("On Sunday %d Ukrainian officials met in Kyiv with the United Nations.", i)
			want := tg.Tag(text, nil)
			for range 20 {
				if got := tg.Tag(text, nil); found(text, got) != found(text, want) {
					t.Errorf("got %s, want %s", found(text, got), found(text, want))
					return
				}
			}
		}()
	}
	wg.Wait()
}

// checkEntities fails unless es are sorted, disjoint, non-empty spans of
// text on rune boundaries with known labels.
func checkEntities(t *testing.T, text string, es []Entity) {
	t.Helper()
	end := 0
	for _, e := range es {
		if e.Start < end || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("bad span %v after %d in text of %d bytes", e.Span, end, len(text))
		}
		if !isBoundary(text, e.Start) || !isBoundary(text, e.End) {
			t.Fatalf("span %v splits a rune", e.Span)
		}
		known := false
		for _, l := range Labels {
			known = known || l == e.Label
		}
		if !known {
			t.Fatalf("unknown label %q", e.Label)
		}
		end = e.End
	}
}

// isBoundary reports whether i starts a rune of text (an invalid byte counts
// as a rune of its own, as in a range loop) or is its end.
func isBoundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	for j := range text {
		if j >= i {
			return j == i
		}
	}
	return false
}

func FuzzTag(f *testing.F) {
	tg := loadTagger(f)
	f.Add("China slams us claims on russia. On Sunday, nearly 600 died in Kyiv’s suburbs at 10.30 am.", 0, 40)
	f.Add("_Financial Times_ said U.S. Ukraine- a $2 billion 40% rise", 5, 2)
	f.Add("\xff\xfe'’s ’ - -- U. . 1,2,3 3/4/5 \n\n  ", 1, 100)
	f.Add("Stan\u00adton\u00ad met\u200bGaz\u200dprom in \xc3\u00ad\xa9Wash\u00ading\u00ad\u00adton\ufeff.", 3, 20)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		es := tg.Tag(text, []span.Span{{Start: a, End: b}, {Start: b, End: len(text)}})
		checkEntities(t, text, es)
		checkEntities(t, text, tg.Tag(text, nil))
	})
}

func TestTagFindsANameAgainElsewhereInTheText(t *testing.T) {
	tg := loadTagger(t)
	alone := "Comelf based in Bistrita makes pumps."
	if has(alone, tg.Tag(alone, nil), "Comelf/PERSON") || has(alone, tg.Tag(alone, nil), "Comelf/ORG") {
		t.Skip("the model finds the name on its own; the test needs a harder one")
	}
	text := "Romanian engineer Comelf said output doubled.\n" + alone
	es := tg.Tag(text, nil)
	var labels []Label
	for _, e := range es {
		if e.In(text) == "Comelf" {
			labels = append(labels, e.Label)
		}
	}
	if len(labels) != 2 || labels[0] != labels[1] {
		t.Errorf("got %s, want Comelf twice with one label", found(text, es))
	}
}

func TestTagReadsAVeryLongLineInPieces(t *testing.T) {
	tg := loadTagger(t)
	text := strings.Repeat("word ", 1000) + "Ukrainian officials met in Kyiv on Sunday. " + strings.Repeat("x ", 500)
	es := tg.Tag(text, nil)
	checkEntities(t, text, es)
	for _, w := range []string{"Ukrainian/GROUP", "Kyiv/PLACE", "Sunday/DATE"} {
		if !has(text, es, w) {
			t.Errorf("want %s; got %s", w, found(text, es))
		}
	}
}

// TestIsOrdinal checks the ordinals a name may start with, the older
// American "2d" and "3d" among them, and the words that only look so.
func TestIsOrdinal(t *testing.T) {
	for w, want := range map[string]bool{
		"Ninth": true, "98th": true, "21st": true, "2d": true, "3d": true, "22d": true,
		"93d": true, "102d": true, "12d": false, "113d": false, "21d": false, "4d": false,
		"d": false, "1.5d": false, "2,3d": false, "3D": false,
	} {
		if got := isOrdinal(w); got != want {
			t.Errorf("isOrdinal(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestRelabelTakesALoneSurnameForAPersonOnAMajority(t *testing.T) {
	tg := loadTagger(t)
	// votes count in named's order: a person's, an organisation's, a place's.
	org := namedIndex(Org)
	tests := []struct {
		name  string
		v     votes
		k     int
		words int
		want  Label // "" for no change
	}{
		{"a lone word a person's more often than an organisation's", votes{18, 10, 0}, org, 1, Person},
		{"a name of two words needs two to one", votes{3, 2, 0}, org, 2, ""},
		{"a lone word a place's more often needs two to one", votes{0, 2, 3}, org, 1, ""},
		{"two to one relabels any name", votes{0, 2, 4}, org, 2, Place},
		{"a tie changes nothing", votes{2, 2, 0}, org, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, ok := tg.relabel(&tt.v, tt.k, tt.words)
			got := Label("")
			if ok {
				got = named[b]
			}
			if got != tt.want {
				t.Errorf("relabel(%v, %d, %d) = %q, want %q", tt.v, tt.k, tt.words, got, tt.want)
			}
		})
	}
}
