package main

import (
	"io"
	"strings"
)

// Words in -ly that are not adverbs: the claim rules take a lower-case word
// of more than four letters ending in "ly" for an adverb ("flatly") and
// step over it, so "lawyers for the family said" lost "family" from its
// source. A lower-case -ly word that the silver tags of PolNeAR train mark
// as something other than an adverb (RB, RBR, RBS) at least minLyCount
// times and in at least minLyShare of its occurrences is no adverb. The
// share is three quarters rather than half because CoreNLP tags a few true
// adverbs as nouns: "briefly" is NN in 13 of its 23 occurrences, while the
// nouns and adjectives sit far higher (daily 15 of 19, early 183 of 207,
// family 176 of 176).
const (
	minLyCount = 5
	minLyShare = 0.75
)

// lyWords is the list of -ly words that are not adverbs. Capitalised
// occurrences are left out: the rules never take those for adverbs.
var lyWords = tagList{
	key: func(token string) (string, bool) {
		if token[0] < 'a' || token[0] > 'z' {
			return "", false
		}
		wd := foldWord(token)
		return wd, len(wd) > 4 && strings.HasSuffix(wd, "ly")
	},
	picks:    func(tag string) bool { return !strings.HasPrefix(tag, "RB") },
	minCount: minLyCount,
	share:    minLyShare,
	header: []string{
		"# -ly words that are not adverbs, learned from PolNeAR train's silver POS tags (go run ./model/claim/polnear -lywords):",
		"# lower-case words of more than 4 letters ending in ly, tagged other than RB* at least 5 times and in at least 3/4 of their occurrences. Generated.",
	},
	what: "-ly words",
}

// learnLyWords writes the -ly words that are not adverbs from the silver
// CoNLL file at path.
func learnLyWords(w io.Writer, path string) error { return lyWords.learn(w, path) }
