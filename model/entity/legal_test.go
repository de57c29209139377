package entity

import (
	"slices"
	"strings"
	"testing"
)

// TestLegalFormAndShortForm checks the steps "legal" and "shortform" on
// invented sentences: each case fails with its step switched off.
func TestLegalFormAndShortForm(t *testing.T) {
	tests := []struct {
		name, text string
		off        step
		want, not  []string
	}{
		{"the short form of a company named after a person", "Konrad Albers GmbH was founded in 1931 in Bremen. Konrad Albers is a brand of pencils.",
			stepShortForm, []string{"Konrad Albers/ORG"}, []string{"Konrad Albers/PERSON"}},
		{"a legal form after a name joins it", "Tomasetti SpA chairman Luca Ferri said sales would rise.",
			stepLegal, []string{"Tomasetti SpA/ORG"}, []string{"Tomasetti/PERSON"}},
		{"the short form is the company", "Kestrel International Inc said on Tuesday it would cut jobs. Kestrel said the plant would close. Analysts expect Kestrel to sell the unit.",
			stepShortForm, []string{"Kestrel/ORG"}, []string{"Kestrel/PERSON"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			on, off := loadTagger(t), loadTagger(t)
			off.off = tc.off
			checkStep(t, on, off, tc.text, tc.want, tc.not)
		})
	}
	// A short form that is a place's name of the lists stays the place:
	// the company is named after it.
	const place = "Texas Industries Inc said its cement plants in Texas ran at full capacity."
	if es := loadTagger(t).Tag(place, nil); !has(place, es, "Texas/PLACE") {
		t.Errorf("Tag(%q) = %s; want the state left a place", place, found(place, es))
	}
	// A short form of one word that is a person's surname in the text is
	// left to the model: the firm is named after the person.
	const named = "Ronald Vesey founded Vesey Group in 1990. Vesey said he would retire next year."
	if es := loadTagger(t).Tag(named, nil); has(named, es, "Vesey/ORG") {
		t.Errorf("Tag(%q) = %s; want the surname left a person's", named, found(named, es))
	}
}

func TestWithLegalForm(t *testing.T) {
	tests := []struct {
		words string
		cs    []cand
		want  []cand
	}{
		{"Pirot SpA said", []cand{{0, 1, Person}}, []cand{{0, 2, Org}}},
		{"Pirot SpA said", []cand{{0, 1, Person}, {1, 2, Org}}, []cand{{0, 2, Org}}},
		{"Pirot Co Ltd rose", []cand{{0, 1, Place}}, []cand{{0, 3, Org}}},
		{"Faber GmbH Werke", []cand{{0, 2, Person}}, []cand{{0, 2, Org}}},
		{"Miss Universe Inc said", []cand{{0, 3, ""}}, []cand{{0, 3, Org}}},
		// A name that goes on past the legal form is left as it is.
		{"Pirot Co Kerry Smith", []cand{{0, 1, Person}, {1, 4, Place}}, []cand{{0, 1, Person}, {1, 4, Place}}},
		// The legal form first is no sign ("Co. Kerry", a county).
		{"Co. Kerry", []cand{{0, 2, Place}}, []cand{{0, 2, Place}}},
		{"Jan Smith said", []cand{{0, 2, Person}}, []cand{{0, 2, Person}}},
		// "AG" after a place is its attorney general.
		{"Texas AG Ken Paxton", []cand{{0, 1, Place}, {2, 4, Person}}, []cand{{0, 1, Place}, {2, 4, Person}}},
		{"Bauer AG said", []cand{{0, 2, Person}}, []cand{{0, 2, Org}}},
		// After a name that is not a place's, "AG" is the company's form.
		{"Hollmann AG said", []cand{{0, 1, Person}}, []cand{{0, 2, Org}}},
		{"Nordwerk Kabel AG chairman", []cand{{0, 2, Person}}, []cand{{0, 3, Org}}},
		{"Acme Corp rose", []cand{{0, 2, Org}}, []cand{{0, 2, Org}}},
	}
	for _, tc := range tests {
		got := withLegalForm(strings.Fields(tc.words), slices.Clone(tc.cs))
		if !slices.Equal(got, tc.want) {
			t.Errorf("withLegalForm(%q, %v) = %v, want %v", tc.words, tc.cs, got, tc.want)
		}
	}
}

func TestShortForm(t *testing.T) {
	tests := []struct {
		words string
		want  int
	}{
		{"Magnor International Inc", 1},
		{"Bredd Holdings Ltd", 1},
		{"Halvard Brenning GmbH", 2},
		{"Podd Group", 1},
		{"Bank of Tokyo", 0},
		{"Group Inc", 0},
		{"the Acme Corp", 0},
	}
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		if got := shortForm(words, 0, len(words)); got != tc.want {
			t.Errorf("shortForm(%q) = %d, want %d", tc.words, got, tc.want)
		}
	}
}
