package entity

import "testing"

// TestWordClasses checks that the one table datesAndNumbers reads gives
// each listed word the bits of every list that holds it, and no bit to a
// word of no list, whatever the shapes' quick test lets through.
func TestWordClasses(t *testing.T) {
	st := starters()
	for _, l := range classLists {
		for w := range l.words {
			if st.classOf(w)&l.class == 0 {
				t.Errorf("classOf(%q) = %b, misses %b", w, st.classOf(w), l.class)
			}
		}
	}
	for _, w := range []string{"Mondays", "xyz", "ma", "percentage", "1996", "", "é"} {
		if c := st.classOf(w); c != 0 {
			t.Errorf("classOf(%q) = %b, want 0", w, c)
		}
	}
	for w, want := range map[string]bool{"first": true, "First": true, "final": true, "a": false, "weekend": false} {
		if got := st.classOf(w)&cOrdinal != 0; got != want {
			t.Errorf("classOf(%q) has cOrdinal %v, want %v", w, got, want)
		}
	}
}

// TestDatesAndNumbers checks the rules' spans on sentences of their own.
func TestDatesAndNumbers(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  []cand
	}{
		{"a weekday with its date and year", []string{"on", "Monday", ",", "March", "3", ",", "2014", "."}, []cand{{1, 7, Date}}},
		{"an ambiguous month needs a number", []string{"we", "may", "ask", "March", "or", "May"}, nil},
		{"an ambiguous month after a preposition of time", []string{"we", "may", "go", "in", "May"}, []cand{{4, 5, Date}}},
		{"an ambiguous month after a modifier of dates", []string{"since", "late", "March", ","}, []cand{{1, 3, Date}}},
		{"a modifier of dates before a month", []string{"until", "early", "October", "1990"}, []cand{{1, 4, Date}}},
		{"a year after a preposition", []string{"since", "2000", "people", "left"}, []cand{{1, 2, Date}}},
		{"a count is no year", []string{"2000", "people", "left"}, []cand{{0, 1, Number}}},
		{"a year after an article modifies a noun", []string{"a", "1987", "survey"}, []cand{{1, 2, Date}}},
		{"a year after a possessive", []string{"Kerrow", "’s", "1999", "defeat"}, []cand{{2, 3, Date}}},
		{"a count with a comma after an article", []string{"the", "1,987", "voters"}, []cand{{1, 2, Number}}},
		{"a clock time with am", []string{"at", "10:30", "am"}, []cand{{1, 3, Date}}},
		{"an ordinal before a period", []string{"the", "First", "week"}, []cand{{1, 3, Date}}},
		{"a modifier pair and a currency", []string{"more", "than", "$", "2", "billion"}, []cand{{0, 5, Number}}},
		{"as many as a percentage", []string{"as", "many", "as", "40", "%"}, []cand{{0, 5, Number}}},
		{"a cardinal and a scale", []string{"a", "million", "dollars"}, []cand{{0, 3, Number}}},
		{"a lone article is nothing", []string{"a", "man", "and", "an", "hour"}, nil},
		{"a plural of", []string{"thousands", "of", "people"}, []cand{{0, 1, Number}}},
		{"a plural of a plural", []string{"Tens", "of", "millions", "of", "people"}, []cand{{0, 3, Number}}},
		{"an age in one word", []string{"a", "40-year-old", "farmer"}, []cand{{1, 2, Date}}},
		{"a length of time in one word", []string{"a", "30-minute", "walk", "and", "a", "10-year", "plan"}, []cand{{1, 2, Date}, {5, 6, Date}}},
		{"people of an age are no date", []string{"18-year-olds", "and", "3-2", "wins"}, []cand{}},
		{"a period ago", []string{"three", "years", "ago"}, []cand{{0, 3, Date}}},
		{"percentage points after a number", []string{"up", "1.5", "percentage", "points", "since"}, []cand{{1, 4, Number}}},
		{"a basis point after a cardinal", []string{"by", "one", "basis", "point", "."}, []cand{{1, 4, Number}}},
		{"percentage points after a modifier", []string{"nearly", "9", "percentage", "points"}, []cand{{0, 4, Number}}},
		{"points alone stay out", []string{"led", "by", "12", "points"}, []cand{{2, 3, Number}}},
		{"a percentage of a number", []string{"12", "percentage", "of", "voters"}, []cand{{0, 1, Number}}},
		{"a cardinal before points alone", []string{"four", "points", "ahead"}, nil},
		{"a proportion of digits", []string{"6", "in", "10", "voters"}, []cand{{0, 3, Number}}},
		{"a proportion of words", []string{"Four", "out", "of", "five", "said"}, []cand{{0, 4, Number}}},
		{"a proportion after a modifier", []string{"about", "4", "in", "10", "agree"}, []cand{{0, 4, Number}}},
		{"no proportion before a period", []string{"3", "in", "10", "days"}, []cand{{0, 1, Number}, {2, 4, Date}}},
		{"no proportion before a scale", []string{"one", "in", "10", "million"}, []cand{{2, 4, Number}}},
		{"a count in a year", []string{"won", "2", "in", "2016"}, []cand{{1, 2, Number}, {3, 4, Date}}},
		{"a name's last word", []string{"Uranium", "One", "in", "three", "deals"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := datesAndNumbers(tt.words, nil)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestClassTableSize checks that the lists fill at most a quarter of the
// class table's slots, which keeps its probes short.
func TestClassTableSize(t *testing.T) {
	st, n := starters(), 0
	for _, s := range st.classes {
		if s.word != "" {
			n++
		}
	}
	if n == 0 || n > classSlots/4 {
		t.Errorf("%d words in %d slots", n, classSlots)
	}
	t.Logf("%d words in %d slots", n, classSlots)
}
