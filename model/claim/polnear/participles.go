package main

import (
	"io"
	"strings"
)

// Irregular past participles: after a form of "be" the claim rules take a
// cue word that is no participle for an adjective whose subject holds the
// view ("was optimistic about"), and a participle for a passive that hides
// who acted ("is understood to"). The rules know a participle by its
// ending (-ed, -en, -wn, -ne) or as a finite verb (lexicon/verbs.txt); a
// lower-case word without those endings that the silver tags of PolNeAR
// train mark VBN at least minParticipleCount times and in at least
// minParticipleShare of its occurrences is a participle too ("understood",
// "held", "heard").
const (
	minParticipleCount = 5
	minParticipleShare = 0.5
)

// participleWords is the list of irregular past participles. Words with
// the endings the rules already read are left out.
var participleWords = tagList{
	key: func(token string) (string, bool) {
		if token[0] < 'a' || token[0] > 'z' {
			return "", false
		}
		wd := foldWord(token)
		return wd, len(wd) >= 3 && !regularParticiple(wd)
	},
	picks:    func(tag string) bool { return tag == "VBN" },
	minCount: minParticipleCount,
	share:    minParticipleShare,
	header: []string{
		"# Irregular past participles learned from PolNeAR train's silver POS tags (go run ./model/claim/polnear -participles):",
		"# lower-case words of 3 letters or more not ending in ed, en, wn or ne, tagged VBN at least 5 times and in at least half their occurrences. Generated.",
	},
	what: "participles",
}

// regularParticiple reports a word whose ending the claim rules already
// read as a participle's (participleShaped).
func regularParticiple(wd string) bool {
	for _, end := range []string{"ed", "en", "wn", "ne"} {
		if strings.HasSuffix(wd, end) {
			return true
		}
	}
	return false
}

// learnParticiples writes the irregular participles from the silver CoNLL
// file at path.
func learnParticiples(w io.Writer, path string) error { return participleWords.learn(w, path) }
