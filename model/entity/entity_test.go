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
		{"finds a weekday as a date", "On Sunday, the talks resumed.", []string{"Sunday/DATE"}, nil},
		{"finds an ordinal week without its article", "The conflict entered the third week.", []string{"third week/DATE"}, nil},
		{"finds a clock time with am", "Talks are at 10.30 am (Ukrainian time).", []string{"10.30 am/DATE", "Ukrainian/GROUP"}, nil},
		{"finds a full date", "The vote was held on March 14, 2022 in Kyiv.", []string{"March 14, 2022/DATE", "Kyiv/PLACE"}, nil},
		{"finds a day-first date", "He left on 3 June 2021.", []string{"3 June 2021/DATE"}, nil},
		{"keeps the modifier of an amount", "The UN said nearly 600 civilians died.", []string{"nearly 600/NUMBER", "UN/ORG"}, nil},
		{"finds a bare count", "They held 3 rounds of talks.", []string{"3/NUMBER"}, nil},
		{"keeps a two-word modifier", "Police detained more than 4,300 people.", []string{"more than 4,300/NUMBER"}, nil},
		{"keeps an as-many-as modifier", "As many as 300 people came.", []string{"As many as 300/NUMBER"}, nil},
		{"finds hundreds of", "Hundreds of people fled.", []string{"Hundreds/NUMBER"}, nil},
		{"finds an ISO date", "The report is dated 2026-03-14.", []string{"2026-03-14/DATE"}, nil},
		{"finds a duration", "It took three years and 10 days.", []string{"three years/DATE", "10 days/DATE"}, nil},
		{"finds a percentage", "Prices rose 40% last year.", []string{"40%/NUMBER", "last year/DATE"}, nil},
		{"finds money with a scale", "The deal is worth $2 billion.", []string{"$2 billion/NUMBER"}, nil},
		{"leaves the country before a dollar sign", "The deal is worth US$2 billion.", []string{"$2 billion/NUMBER"}, nil},
		{"finds a spelled amount with a scale", "About three million people fled.", []string{"About three million/NUMBER"}, nil},
		{"does not take May the verb for a month", "Officials May said it may rain.", nil, []string{"May/DATE"}},
		{"finds demonyms as groups", "Chinese and Ukrainian officials met Russian troops.", []string{"Chinese/GROUP", "Ukrainian/GROUP", "Russian/GROUP"}, nil},
		{"finds plural demonyms", "Many Ukrainians fled west.", []string{"Ukrainians/GROUP"}, nil},
		{"finds news outlets from the list", "A Washington Post report and the Financial Times agreed.", []string{"Washington Post/ORG", "Financial Times/ORG"}, []string{"Washington/PLACE"}},
		{"finds an outlet named with a language", "Speaking to RT Arabic, Slutsky said so.", []string{"RT Arabic/ORG", "Slutsky/PERSON"}, nil},
		{"finds the West as a region", "Meanwhile, the West has stepped up sanctions.", []string{"West/PLACE"}, nil},
		{"does not take the West Bank apart", "Settlers in the West Bank protested.", []string{"West Bank/PLACE"}, []string{"West/PLACE"}},
		{"strips a curly possessive", "Kyiv’s western alliances held.", []string{"Kyiv/PLACE"}, nil},
		{"strips a straight possessive", "Russia's negotiating team met.", []string{"Russia/PLACE"}, nil},
		{"ignores underscores of emphasis", "A report in _Financial Times_ said so.", []string{"Financial Times/ORG"}, nil},
		{"splits a hyphen glued to a word", "Peace in Ukraine- a statement the party repeats.", []string{"Ukraine/PLACE"}, nil},
		{"reads a lower-case headline", "china slams us claims on russia seeking help from beijing", []string{"china/PLACE", "us/PLACE", "russia/PLACE", "beijing/PLACE"}, nil},
		{"reads a headline in capitals", "CHINA SLAMS US CLAIMS ON RUSSIA SEEKING HELP FROM BEIJING", []string{"CHINA/PLACE", "US/PLACE", "RUSSIA/PLACE", "BEIJING/PLACE"}, nil},
		{"leaves the pronoun us alone in normal text", "He told us that Moscow agreed.", []string{"Moscow/PLACE"}, []string{"us/PLACE"}},
		{"finds a person with a given name", "Leonid Slutsky, a member of the team, spoke.", []string{"Leonid Slutsky/PERSON"}, nil},
		{"names an administration an organisation", "It has ties with the Putin Administration.", []string{"Putin Administration/ORG"}, nil},
		{"finds a party", "The Chinese Communist Party reiterated it.", []string{"Chinese Communist Party/ORG"}, []string{"Chinese/GROUP"}},
		{"finds the Kremlin", "The Kremlin has been asking for aid.", []string{"Kremlin/ORG"}, nil},
		{"does not take a section number for a name", "II. Counting fish\nV. A last chance", nil, []string{"II/ORG", "V./PERSON", "II. Counting/PERSON"}},
		{"takes a bare year for a date", "If we get another summer like 2022, we lose.", []string{"2022/DATE"}, nil},
		{"takes a year after a preposition for a date", "In 2000 prices rose.", []string{"2000/DATE"}, nil},
		{"takes a year-like count for a number", "About 2000 people marched.", []string{"About 2000/NUMBER"}, []string{"2000/DATE"}},
		{"keeps a currency sign with its amount", "| Do nothing | £0 | £0 | 0 |", []string{"£0/NUMBER"}, []string{"£/ORG"}},
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
