package worksheet

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

func TestClaimsCarryKindsSourceAndScore(t *testing.T) {
	text := "He said\nit was 40%. Smith agreed."
	an := &model.Analysis{Claims: []claim.Claim{{
		Span:            span.Span{Start: 0, End: 19},
		Kinds:           claim.KindsOf(claim.Attributed, claim.Statistical),
		Source:          &claim.Source{Span: span.Span{Start: 0, End: 2}, Resolved: span.Span{Start: 20, End: 25}, Via: "the\nwire"},
		Checkworthiness: 0.8,
	}, {Span: span.Span{Start: 20, End: 33}}, {
		Span:   span.Span{Start: 0, End: 19},
		Source: &claim.Source{Span: span.Span{Start: 0, End: 2}, Vague: true},
	}}}
	got := Claims(text, an)
	if len(got) != 3 {
		t.Fatalf("got %d claims, want 3", len(got))
	}
	c := got[0]
	if c.Source != "Smith" || c.Via != "the wire" || c.Checkworthiness != 0.8 || len(c.Kinds) != 2 || c.Kinds[0] != "attributed" {
		t.Errorf("first claim %+v: want the resolved source on one line, its kinds and score", c)
	}
	if got[1].Source != "" || got[1].Kinds != nil {
		t.Errorf("second claim %+v: want no source and no kinds", got[1])
	}
	if !got[2].Vague || got[0].Vague {
		t.Errorf("vague: %v, %v; want only the third claim's source vague", got[0].Vague, got[2].Vague)
	}
	if Claims(text, nil) != nil {
		t.Error("no analysis gave claims")
	}
}

func TestASourcesLabelIsTheEntityItIsOrTheNameItEndsIn(t *testing.T) {
	tests := []struct {
		name, text, source string
		entities           []string // each "words LABEL"
		want               string
	}{
		{"a person's name", "Maria Kellen said so.", "Maria Kellen", []string{"Maria Kellen PERSON"}, "PERSON"},
		{"an organisation after the", "The Harbour Trust said so.", "The Harbour Trust", []string{"Harbour Trust ORG"}, "ORG"},
		{"a name with a possessive", "Maria Kellen’s said so.", "Maria Kellen’s", []string{"Maria Kellen PERSON"}, "PERSON"},
		{"a role before a person's name", "Port spokesman Ivo Brandt said so.", "Port spokesman Ivo Brandt", []string{"Ivo Brandt PERSON"}, "PERSON"},
		{"a role for a person", "A spokeswoman for Maria Kellen said so.", "A spokeswoman for Maria Kellen", []string{"Maria Kellen PERSON"}, "PERSON"},
		{"two people", "Brandt and Maria Kellen said so.", "Brandt and Maria Kellen", []string{"Brandt PERSON", "Maria Kellen PERSON"}, ""},
		{"a thing from a person", "The letter from Maria Kellen said so.", "The letter from Maria Kellen", []string{"Maria Kellen PERSON"}, ""},
		{"a name and what they are", "Ivo Brandt, a writer for the Harbour Trust, said so.", "Ivo Brandt, a writer for the Harbour Trust", []string{"Ivo Brandt PERSON", "Harbour Trust ORG"}, ""},
		{"an organisation's member", "A pilot of the Harbour Trust said so.", "A pilot of the Harbour Trust", []string{"Harbour Trust ORG"}, ""},
		{"no entity", "The pilots said so.", "The pilots", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := func(words string) span.Span {
				i := strings.Index(tt.text, words)
				if i < 0 {
					t.Fatalf("%q not in %q", words, tt.text)
				}
				return span.Span{Start: i, End: i + len(words)}
			}
			an := &model.Analysis{Claims: []claim.Claim{{Span: span.Span{End: len(tt.text)}, Source: &claim.Source{Span: at(tt.source)}}}}
			for _, e := range tt.entities {
				cut := strings.LastIndexByte(e, ' ')
				an.Entities = append(an.Entities, entity.Entity{Span: at(e[:cut]), Label: entity.Label(e[cut+1:])})
			}
			if got := Claims(tt.text, an)[0].SourceLabel; got != tt.want {
				t.Errorf("source %q is labelled %q, want %q", tt.source, got, tt.want)
			}
		})
	}
}
