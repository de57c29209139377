package entity

import (
	"reflect"
	"testing"
)

// TestHeadRun checks the step "headrun" on invented sentences: each case
// fails with the step switched off.
func TestHeadRun(t *testing.T) {
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepHeadRun
	checkStep(t, on, off, "She taught history at Tollard Vale High School for eleven years.",
		[]string{"Tollard Vale High School/ORG"}, []string{"Tollard Vale/PLACE"})
}

// TestWithHeadRun checks withHeadRun on candidates of its own.
func TestWithHeadRun(t *testing.T) {
	tg := loadTagger(t)
	tests := []struct {
		name  string
		words []string
		cs    []cand
		want  []cand
	}{
		{"a place's before a school", []string{"at", "Tollard", "Vale", "High", "School", "since", "May"},
			[]cand{{1, 3, Place}}, []cand{{1, 5, Org}}},
		{"a person's before a foundation", []string{"the", "Anna", "Brisk", "Foundation", "gave", "money"},
			[]cand{{1, 3, Person}}, []cand{{1, 4, Org}}},
		{"a head word of WordNet's organisations' names", []string{"the", "Tollard", "Planning", "Commission", "met"},
			[]cand{{1, 2, Place}}, []cand{{1, 4, Org}}},
		{"no head word", []string{"in", "Tollard", "Vale", "Road", "today"},
			[]cand{{1, 3, Place}}, []cand{{1, 3, Place}}},
		{"a head word four words on", []string{"the", "Tollard", "Big", "Red", "Blue", "Foundation", "said"},
			[]cand{{1, 2, Place}}, []cand{{1, 2, Place}}},
		{"a lower-case word before the head word", []string{"the", "Tollard", "trust", "Foundation", "said"},
			[]cand{{1, 2, Place}}, []cand{{1, 2, Place}}},
		{"another name in between takes the head word", []string{"the", "Tollard", "Anna", "Foundation", "said"},
			[]cand{{1, 2, Place}, {2, 3, Person}}, []cand{{1, 2, Place}, {2, 4, Org}}},
		{"a headline in title case", []string{"Teacher", "At", "Tollard", "High", "School", "Named", "By", "Police", "."},
			[]cand{{2, 3, Place}}, []cand{{2, 3, Place}}},
		{"a headline's possessive", []string{"Anna", "Brisk", "Campaign", "’s", "Plan", "Wins", "Over", "Tollard", "!"},
			[]cand{{0, 2, Person}, {7, 8, Place}}, []cand{{0, 2, Person}, {7, 8, Place}}},
		{"a date", []string{"in", "May", "Foundation", "funds", "arrived"},
			[]cand{{1, 2, Date}}, []cand{{1, 2, Date}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg.withHeadRun(tt.words, tg.gaz.Sentence(tt.words, nil, nil), tt.cs)
			if !reflect.DeepEqual(tt.cs, tt.want) {
				t.Errorf("withHeadRun(%q) = %v, want %v", tt.words, tt.cs, tt.want)
			}
		})
	}
}
