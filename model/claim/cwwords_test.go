package claim

import (
	"testing"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/span"
)

// FuzzWordsScoreAsRead checks that the words the tokenizer hands to
// check-worthiness (appendWords) leave every score as the scorer's own
// reading of the sentence gives it, however the two split words apart.
func FuzzWordsScoreAsRead(f *testing.F) {
	m, err := checkworthy.Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"The Harbour Traders’ Association said it isn't sure, and 90's prices rose 12%.",
		"Mr. Okafor, the U.S. plan costs £5 billion — “more” than the 12-year café's budget?",
		"A naïve word€ and don’t stop at abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq or 5pm.",
		"Senator Lind, the largest rest was_here *and* NBC/MSNBC\u00a0polls\u2009say so's.",
		"o'\xe2\x80\x99x ab\xe2\x80\x99 it\xc2\xa0is \xff word",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := m.Score(s, nil, nil)
		// A unit that starts or ends inside a word gives words the scorer
		// must not take as its own.
		for _, u := range []span.Span{{Start: 0, End: len(s)}, {Start: min(1, len(s)), End: max(len(s)-1, min(1, len(s)))}} {
			words := appendWords(nil, tokenize(nil, s, u), 0)
			if got := m.ScoreWords(s, words, nil, nil); got != want {
				t.Fatalf("%q: %v with the tokenizer's %d words of %v, %v read alone", s, got, len(words), u, want)
			}
		}
	})
}
