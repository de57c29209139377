package search

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

func TestAll(t *testing.T) {
	tests := []struct {
		name, text, query string
		want              []string
	}{
		{"ignores case", "Speaking to RT Arabic, rt arabic said", "rt arabic", []string{"RT Arabic", "rt arabic"}},
		{"finds nothing for an empty query", "abc", "", nil},
		{"does not overlap", "aaaa", "aa", []string{"aa", "aa"}},
		{"folds non-ASCII letters", "Kyiv’s ÉTAT and état", "état", []string{"ÉTAT", "état"}},
		{"finds a query at the very end", "to the West", "west", []string{"West"}},
		{"a straight apostrophe finds a curly one", "Beijing’s priority, Beijing's", "beijing's", []string{"Beijing’s", "Beijing's"}},
		{"straight double quotes find curly ones", "were “disinformation”, a", `"disinformation"`, []string{"“disinformation”"}},
		{"a curly quote typed finds a straight one", `said "no"`, "“no”", []string{`"no"`}},
		{"an apostrophe does not find a double quote", `the “word” and ’word’`, "'word'", []string{"’word’"}},
		{"a quote still needs the letters around it", "Kyiv’s", "kyiv's", []string{"Kyiv’s"}},
		{"a first letter still folds from a character outside ASCII", "\u212Aelvin’s scale", "kelvin's", []string{"\u212Aelvin’s"}},
		{"a space finds a run of spaces, drawn as one", "the harbour  board met", "harbour board", []string{"harbour  board"}},
		{"a run of spaces typed is one space", "a b and a  b", "a  b", []string{"a b", "a  b"}},
		{"passes over a soft hyphen inside a word", "the east\u00adern pier", "eastern", []string{"east\u00adern"}},
		{"passes over a soft hyphen when folding case", "Öst\u00adlich und östlich", "ÖSTLICH", []string{"Öst\u00adlich", "östlich"}},
		{"a space still needs a space in the text", "east\u00adern", "east ern", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range All(tt.text, tt.query) {
				got = append(got, s.In(tt.text))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("All(%q, %q) = %q, want %q", tt.text, tt.query, got, tt.want)
			}
		})
	}
}

func TestMatchesWrapAround(t *testing.T) {
	m := Matches{Spans: []span.Span{{Start: 10, End: 12}, {Start: 20, End: 22}, {Start: 30, End: 32}}}
	if !m.At(15) || m.Current != 1 {
		t.Fatalf("At(15) chose %d, want 1", m.Current)
	}
	m.Next()
	m.Next()
	if m.Current != 0 {
		t.Errorf("Next past the last match chose %d, want 0", m.Current)
	}
	m.Prev()
	if m.Current != 2 {
		t.Errorf("Prev before the first match chose %d, want 2", m.Current)
	}
	if !m.At(99) || m.Current != 0 {
		t.Errorf("At past the last match chose %d, want 0", m.Current)
	}
}

func BenchmarkAll5MB(b *testing.B) {
	text := strings.Repeat("The Russian invasion of the erstwhile Soviet state has entered its third week. ", 5<<20/80)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		All(text, "RT Arabic")
	}
}
