package entity

import (
	"reflect"
	"testing"
)

// TestCityOfPlace checks cityOfPlace on candidates of its own.
func TestCityOfPlace(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		name  string
		words []string
		cs    []cand
		want  []cand
	}{
		{"an organisation's", []string{"the", "Town", "of", "Port", "Ellery", "voted"},
			[]cand{{1, 5, Org}}, []cand{{1, 5, Place}}},
		{"a person's, in title case", []string{"The", "Village", "Of", "Marrow"},
			[]cand{{1, 4, Person}}, []cand{{1, 4, Place}}},
		{"an organisation's head word at its end", []string{"the", "City", "of", "Marrow", "Council"},
			[]cand{{1, 5, Org}}, []cand{{1, 5, Org}}},
		{"a police force's", []string{"the", "City", "of", "Marrow", "Police", "said"},
			[]cand{{1, 5, Org}}, []cand{{1, 5, Org}}},
		{"a public body's", []string{"Town", "of", "Ellery", "Harbour", "Authority"},
			[]cand{{0, 5, Org}}, []cand{{0, 5, Org}}},
		{"a head word of WordNet's organisations' names", []string{"the", "City", "of", "Westbury", "Planning", "Commission"},
			[]cand{{1, 6, Org}}, []cand{{1, 6, Org}}},
		{"a lower-case word after of", []string{"the", "City", "of", "the", "Dead"},
			[]cand{{1, 5, Org}}, []cand{{1, 5, Org}}},
		{"no of", []string{"Town", "Hall", "Marrow"},
			[]cand{{0, 3, Org}}, []cand{{0, 3, Org}}},
		{"a group's", []string{"City", "of", "Marrow"},
			[]cand{{0, 3, Group}}, []cand{{0, 3, Group}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg.cityOfPlace(tt.words, tg.gaz.Sentence(tt.words, nil, nil), tt.cs)
			if !reflect.DeepEqual(tt.cs, tt.want) {
				t.Errorf("cityOfPlace(%q) = %v, want %v", tt.words, tt.cs, tt.want)
			}
		})
	}
}

// TestCityOf checks the step "cityof" on an invented sentence: it fails
// with the step switched off.
func TestCityOf(t *testing.T) {
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepCityOf
	checkStep(t, on, off, "In 1994 the City of Harrowgate bought the old mill from the Tallis family.",
		[]string{"City of Harrowgate/PLACE"}, []string{"City of Harrowgate/ORG"})
}
