package checkworthy

import (
	"strings"
	"testing"
)

func TestSentenceEndsCountsSentencesAndQuestions(t *testing.T) {
	tests := []struct {
		name            string
		text            string
		ends, questions int
	}{
		{"one statement", "The levy rose by 3.5 percent.", 1, 0},
		{"a statement without a stop", "Thank you", 1, 0},
		{"a lead-in and a question", "Governor, the port closed in May. Will you reopen it?", 2, 1},
		{"a point inside a number ends nothing", "The fare rose 2.5 percent.", 1, 0},
		{"an abbreviation before a space counts as an end, a share's small error", "The U.S. paid.", 2, 0},
		{"a run of marks ends one sentence", "Really?! No. Why?", 3, 2},
		{"a question closed by a quote", `She asked "why?" and left.`, 2, 1},
		{"nothing", "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ends, questions := sentenceEnds(tt.text)
			if ends != tt.ends || questions != tt.questions {
				t.Errorf("sentenceEnds(%q) = %d, %d; want %d, %d", tt.text, ends, questions, tt.ends, tt.questions)
			}
		})
	}
}

func TestAsksNeedsEnoughSentencesAndQuestions(t *testing.T) {
	statements := strings.Repeat("Ferries carried 4,000 people last year. ", 9)
	tests := []struct {
		name  string
		turns []string
		want  bool
	}{
		{"a moderator who asks in one sentence of five", []string{statements, "Mayor, why did fares rise? Will they fall?"}, true},
		{"a speaker who never asks", []string{statements, statements}, false},
		{"a speaker who asks once in twenty sentences", []string{statements, statements, "Who paid?"}, false},
		{"too few sentences to tell", []string{"Why? How? When?"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a Askers
			for _, turn := range tt.turns {
				a.Add("HOST", turn)
				a.Add("GUEST", "The bridge opened in 1998.")
			}
			if got := a.Asks("HOST"); got != tt.want {
				t.Errorf("Asks = %v, want %v", got, tt.want)
			}
			if a.Asks("GUEST") || a.Asks("NOBODY") {
				t.Error("a speaker who asked nothing, or said nothing, asks")
			}
		})
	}
}

func TestAskedMovesAScoreByTheAskerWeight(t *testing.T) {
	m := New(0, []Feature{{Name: AskerFeature, Weight: -2}})
	if got, want := m.Asked(0.5), sigmoid(-2); absDiff(got, want) > 1e-9 {
		t.Errorf("Asked(0.5) = %v, want %v", got, want)
	}
	if got := New(0, nil).Asked(0.7); got != 0.7 {
		t.Errorf("a model without the asker weight moved 0.7 to %v", got)
	}
}

func absDiff(a, b float64) float64 {
	if a > b {
		return a - b
	}
	return b - a
}
