package entity

import "testing"

// TestMonthNamesPerson checks which dates monthNamesPerson gives to a
// person.
func TestMonthNamesPerson(t *testing.T) {
	person, place := &votes{}, &votes{}
	person[namedIndex(Person)] = 2
	place[namedIndex(Place)] = 2
	tests := []struct {
		name string
		date []string
		v    *votes
		want bool
	}{
		{"a month the text names a person by", []string{"March"}, person, true},
		{"no such name", []string{"March"}, nil, false},
		{"a place's name", []string{"March"}, place, false},
		{"a month that is no common word", []string{"June"}, person, false},
		{"a month with its day", []string{"March", "4"}, person, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := monthNamesPerson(tt.date, tt.v); got != tt.want {
				t.Errorf("monthNamesPerson(%q) = %v, want %v", tt.date, got, tt.want)
			}
		})
	}
}

// TestMonthName checks the step "monthname" on invented sentences: they
// fail with the step switched off.
func TestMonthName(t *testing.T) {
	on, off := loadTagger(t), loadTagger(t)
	off.off = stepMonthName
	checkStep(t, on, off, "Ruth May, the board's chair, said it would meet. Since May took over, the board has met twice.",
		[]string{"Ruth May/PERSON", "May/PERSON"}, []string{"May/DATE"})
	checkStep(t, on, off, "Anna March, the board's chair, said it would meet. In March's first year the board met twice.",
		[]string{"Anna March/PERSON", "March/PERSON"}, []string{"March/DATE"})
	// Without the person a month after a preposition stays a date.
	text := "The water board met in March and again in May."
	if es := on.Tag(text, nil); !matches(text, es, []string{"March/DATE", "May/DATE"}, nil) {
		t.Errorf("Tag(%q) = %s; want both months as dates", text, found(text, es))
	}
}
