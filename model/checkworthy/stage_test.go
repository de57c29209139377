package checkworthy

import "testing"

func TestStageDirectionIsABracketedNoteOfAFewWords(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		want     bool
	}{
		{"an audience's reaction in parentheses", "(APPLAUSE)", true},
		{"two notes in a row", "(LAUGHTER) (CHEERING)", true},
		{"a note in square brackets, lower-case", "[inaudible]", true},
		{"a note with its own full stop", "(Off mic.)", true},
		{"a note after an opening quotation mark", `"(CROSSTALK.)`, true},
		{"a note of three words", "(BEGIN VIDEO CLIP.)", true},
		{"a wire credit", "[Reuters]", true},
		{"a note followed by trailing dots", "(inaudible)...", true},
		{"a bracketed aside long enough to claim", "(The bill passed the Senate in 2010.)", false},
		{"a sentence that opens with a note", "(APPLAUSE) We will build the wall.", false},
		{"a sentence that ends with a note", "Thank you all. (APPLAUSE)", false},
		{"a sentence without brackets", "Unemployment fell to 4 percent.", false},
		{"brackets that never close", "(APPLAUSE", false},
		{"a bracket closed before it opens", "APPLAUSE)", false},
		{"nested brackets", "((APPLAUSE))", false},
		{"empty text", "", false},
		{"only punctuation", "--", false},
		{"a note behind a curly quotation mark, which may be a letter's byte", "\u201c(APPLAUSE)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StageDirection(tt.sentence); got != tt.want {
				t.Errorf("StageDirection(%q) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}

func TestAStageDirectionScoresNothingAndLeavesTheLeanAlone(t *testing.T) {
	m := New(3, []Feature{{Name: "w:applause", Weight: 2}, {Name: SpeakerFeature, Weight: 2}})
	if got := m.Score("(APPLAUSE)", nil, nil); got != 0 {
		t.Errorf("Score of a stage direction = %v, want 0", got)
	}
	if got := m.Explain("(APPLAUSE)", nil, nil); got != nil {
		t.Errorf("Explain of a stage direction = %v, want nothing", got)
	}
	if got := m.Score("The applause rose.", nil, nil); got <= 0.5 {
		t.Errorf("Score of a spoken sentence = %v, want its words' weight", got)
	}
	var s Speakers
	s.Add("TRUMP", sigmoid(1))
	s.Add("CLINTON", sigmoid(-1))
	before := s.Lean("TRUMP")
	if got := s.Move("TRUMP", 0, m.SpeakerWeight()); got != 0 {
		t.Errorf("Move(0) = %v, want 0", got)
	}
	if got := s.Lean("TRUMP"); got != before {
		t.Errorf("a stage direction moved the speaker's lean from %v to %v", before, got)
	}
}

// FuzzStageDirection checks, for any text, that a stage direction scores
// 0 and has no letter or digit outside its brackets, and that a word
// spoken after it makes it speech.
func FuzzStageDirection(f *testing.F) {
	m, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"(APPLAUSE)", "[inaudible] (LAUGHTER).", "(a b c d)", "((x))", "x (y)", "\u201c(z)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !StageDirection(s) {
			return
		}
		if got := m.Score(s, nil, nil); got != 0 {
			t.Fatalf("Score(%q) = %v, want 0", s, got)
		}
		depth := 0
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '(' || c == '[':
				depth++
			case c == ')' || c == ']':
				depth--
			case depth == 0 && (isLetter(c) || isDigit(c)):
				t.Fatalf("StageDirection(%q) with %q outside the brackets", s, c)
			}
		}
		if StageDirection(s + " It rose.") {
			t.Fatalf("StageDirection(%q + a spoken sentence) = true", s)
		}
	})
}
