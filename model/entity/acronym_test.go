package entity

import (
	"slices"
	"strings"
	"testing"
)

// TestNameAndAcronym checks the step "acronym" on invented sentences:
// each case fails with the step switched off.
func TestNameAndAcronym(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a person's name followed by its initials is an organisation's, wherever it is named", "She joined Marlow Kessing ( MK ) in 1994. Marlow Kessing runs two clinics.",
			[]string{"Marlow Kessing/ORG", "MK/ORG"}, []string{"Marlow Kessing/PERSON"}},
		{"a team's name", "He played for Ravenna Kellis ( RK ) in the 1990s.",
			[]string{"Ravenna Kellis/ORG"}, []string{"Ravenna Kellis/PERSON"}},
		{"the initials outweigh a definition's head noun", "The Corvin Hale Foundation ( CHF ) is a provider of care. Corvin Hale Foundation staff said so.",
			[]string{"Corvin Hale Foundation/ORG"}, []string{"Corvin Hale Foundation/PERSON"}},
	}
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepAcronym
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkStep(t, on, off, tc.text, tc.want, tc.not)
		})
	}
}

func TestInitialsStart(t *testing.T) {
	tests := []struct {
		words string
		acr   string
		want  int
	}{
		{"by the Confederation of British Industry", "CBI", 2},
		{"the London and South Western Railway", "LSWR", 1},
		{"the Dhaka Stock Exchange", "DSE", 1},
		{"a Dhaka stock Exchange", "DSE", -1},      // a lower-case word the initials need
		{"of British Industry", "CBI", -1},         // too few words
		{"and Western Railway", "AWR", -1},         // a joining word does not start a name
		{"the Ostwick Fenland Railway", "FR", 2},   // the initials of the last words
		{"the Ostwick Fenland Railway", "XFR", -1}, // a word that spells no initial
		{"la Banque Épargne", "BÉ", 1},             // initials not in ASCII, each of them read
		{"la Épargne", "BÉ", -1},                   // the first initial not in ASCII is still needed
	}
	for _, tc := range tests {
		w := strings.Fields(tc.words)
		if got := initialsStart(w, len(w), tc.acr); got != tc.want {
			t.Errorf("initialsStart(%q, %q) = %d, want %d", tc.words, tc.acr, got, tc.want)
		}
	}
}

func TestNameAndAcronymCandidates(t *testing.T) {
	tests := []struct {
		name  string
		words string
		cs    []cand
		want  []cand
	}{
		{"a person's name and its initials", "the Harwell Pinder Trust ( HPT ) said", []cand{{1, 4, Person}}, []cand{{1, 4, Org}, {5, 6, Org}}},
		{"two spans joined", "the London and South Western Railway ( LSWR )", []cand{{1, 2, Place}, {3, 6, Org}}, []cand{{1, 6, Org}, {7, 8, Org}}},
		{"the acronym's own label replaced", "the Harwell Pinder Trust ( HPT ) said", []cand{{1, 4, Person}, {5, 6, Place}}, []cand{{1, 4, Org}, {5, 6, Org}}},
		{"initials that are a common word not added", "its Intelligent Network ( IN ) products", []cand{{1, 3, Org}}, []cand{{1, 3, Org}}},
		{"a MISC span left alone", "the Bovine Spongiform Encephalopathy ( BSE )", []cand{{1, 4, ""}}, []cand{{1, 4, ""}}},
		{"no span, nothing", "the Harwell Pinder Trust ( HPT ) said", nil, nil},
		{"a span reaching before the initials left alone", "Mr Harwell Pinder Trust ( PT )", []cand{{0, 4, Person}}, []cand{{0, 4, Person}}},
		{"initials that spell something else", "the Harwell Pinder Trust ( ABC )", []cand{{1, 4, Person}}, []cand{{1, 4, Person}}},
		{"a line in capitals left alone", "THE HARWELL PINDER TRUST ( HPT )", []cand{{1, 4, Person}}, []cand{{1, 4, Person}}},
	}
	tg := loadTagger(t)
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		ws := tg.gaz.Sentence(words, nil, nil)
		if got := nameAndAcronym(words, ws, slices.Clone(tc.cs)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: nameAndAcronym(%q, %v) = %v, want %v", tc.name, tc.words, tc.cs, got, tc.want)
		}
	}
}
