package model

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// mention is an entity of a test text, found by its words.
type mention struct {
	words string
	label entity.Label
}

// analysisOf tags the mentions in text, in order, and indexes them.
func analysisOf(t *testing.T, text string, ms []mention) *Analysis {
	t.Helper()
	var ents []entity.Entity
	from := 0
	for _, m := range ms {
		i := strings.Index(text[from:], m.words)
		if i < 0 {
			t.Fatalf("%q not in %q", m.words, text)
		}
		s := span.Span{Start: from + i, End: from + i + len(m.words)}
		ents = append(ents, entity.Entity{Span: s, Label: m.label})
		from = s.End
	}
	return &Analysis{Entities: ents, EntityIndex: entity.NewIndex(text, ents)}
}

// wordsAt is the first span of text holding words.
func wordsAt(t *testing.T, text, words string) span.Span {
	t.Helper()
	i := strings.Index(text, words)
	if i < 0 {
		t.Fatalf("%q not in %q", words, text)
	}
	return span.Span{Start: i, End: i + len(words)}
}

func TestClaimReportGivesTheSourceTheIDOfTheEntityItNames(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		ents     []mention
		source   string
		resolved string // "" for none
		want     string // name of the thing in the index; "" for no id
	}{
		{"names the person in a titled source",
			"Harbour master Ines Varga said the pier was closed.",
			[]mention{{"Ines Varga", entity.Person}}, "Harbour master Ines Varga", "", "Ines Varga"},
		{"names the organisation a source is, after an article",
			"The Tidewater Trust said the weir would go.",
			[]mention{{"Tidewater Trust", entity.Org}}, "The Tidewater Trust", "", "Tidewater Trust"},
		{"names an organisation before one noun",
			"A Coastline Gazette survey found that rents rose.",
			[]mention{{"Coastline Gazette", entity.Org}}, "A Coastline Gazette survey", "", "Coastline Gazette"},
		{"does not name a nationality before a noun",
			"A Danish official said the ferry would run.",
			[]mention{{"Danish", entity.Group}}, "A Danish official", "", ""},
		{"does not name the organisation a spokesperson speaks for",
			"A spokesperson for the Tidewater Trust denied it.",
			[]mention{{"Tidewater Trust", entity.Org}}, "A spokesperson for the Tidewater Trust", "", ""},
		{"names what a pronoun resolves to, with the full name's id",
			"Varga said talks failed. She added that Ines Varga, the chair, had signed nothing.",
			[]mention{{"Varga", entity.Person}, {"Ines Varga", entity.Person}}, "She", "Varga", "Ines Varga"},
		{"names the noun a relative pronoun attaches to",
			"Norway, which says its quota is fair, left the talks.",
			[]mention{{"Norway", entity.Place}}, "which", "Norway", "Norway"},
		{"gives no id to a source that names no entity",
			"Several reports suggest the dam leaked.",
			nil, "Several reports", "", ""},
		{"does not take a date inside a source for its name",
			"A May 2019 report found the dam leaked.",
			[]mention{{"May 2019", entity.Date}}, "A May 2019 report", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := analysisOf(t, tt.text, tt.ents)
			src := &claim.Source{Span: wordsAt(t, tt.text, tt.source)}
			if tt.resolved != "" {
				src.Resolved = wordsAt(t, tt.text, tt.resolved)
			}
			cr := claimReport(tt.text, an, claim.Claim{Span: span.Span{Start: 0, End: len(tt.text)}, Source: src})
			got := ""
			for _, th := range an.EntityIndex.Things {
				if th.ID == cr.Source.ID {
					got = th.Name
				}
			}
			if cr.Source.ID != 0 && got == "" {
				t.Fatalf("id %d is in no thing of the index", cr.Source.ID)
			}
			if got != tt.want {
				t.Errorf("source %q names %q (id %d), want %q", tt.source, got, cr.Source.ID, tt.want)
			}
		})
	}
}
