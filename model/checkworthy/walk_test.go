package checkworthy

import "testing"

// wordedSentences are invented sentences whose runs of letters
// (letterRuns) the scorer meets after every kind of gap: none at the start, one space, two, a
// comma, quotes, a dash, a no-break space, a number, a word the scorer
// reads further ("isn't", "naïve", "B2B"), one longer than maxWord.
var wordedSentences = []string{
	"Taxes rose by a third last year.",
	"Mr Harlow, the mayor, said that  spending fell.",
	"\"We will not,\" she said; (the ferry) was late again.",
	"Rents isn't higher than the naïve B2B forecast—or the rest?",
	"The largest harbour\u00a0on the coast cost $4 billion in 1999, about 12% more.",
	"Antidisestablishmentarianismantidisestablishmentarianism is long, and so is it.",
	"Why should anyone believe them now?",
	"x",
	"",
}

// TestWordsScoreAsReadAlone checks that the caller's words leave every
// score as the scorer's own reading gives it, whichever gap stands before
// them and whichever words it must read itself.
func TestWordsScoreAsReadAlone(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range wordedSentences {
		words := letterRuns(s)
		want := m.Score(s, []string{"statistical"}, nil)
		if got := m.ScoreWords(s, words, []string{"statistical"}, nil); got != want {
			t.Errorf("%q: %v with its %d letter runs as words, %v read alone", s, got, len(words), want)
		}
	}
}

// TestWordsThatAreNotTheSentencesChangeNoScore gives words the scorer
// cannot take where they stand (empty, past the sentence's end, starting
// at a space): it reads those bytes itself.
func TestWordsThatAreNotTheSentencesChangeNoScore(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s := "In 2011 prices rose 7 percent."
	want := m.Score(s, nil, nil)
	for _, words := range [][]Word{
		{{Start: 0, End: 0, Hash: wordHash("")}},
		{{Start: 2, End: 7, Hash: wordHash(" 2011")}},
		{{Start: 25, End: 40, Hash: wordHash("percent")}},
	} {
		if got := m.ScoreWords(s, words, nil, nil); got != want {
			t.Errorf("words %v: %v, %v read alone", words, got, want)
		}
	}
}

// TestSoftHyphensInsideWordsChangeNoScore: a soft hyphen where a word may
// break is read past, as the tokenizers of claims read it.
func TestSoftHyphensInsideWordsChangeNoScore(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{
		{"The council voted to close the east\u00adern pier in 2019.", "The council voted to close the eastern pier in 2019."},
		{"Un\u00adem\u00adploy\u00adment rose by a third.", "Unemployment rose by a third."},
	} {
		if got, want := m.Score(c[0], nil, nil), m.Score(c[1], nil, nil); got != want {
			t.Errorf("%q scores %v, %q %v", c[0], got, c[1], want)
		}
	}
}
