package main

import "io"

// Nouns: the cue tagger and the learned cue counts take a word for a
// reporting verb from its neighbours and its share of PolNeAR's cues, and
// so read nouns as verbs ("swing states could decide", "racist rhetoric",
// "a panel that"). A lower-case word that the silver part-of-speech tags of
// PolNeAR train mark as a common noun (NN or NNS) at least minNounCount
// times and in at least minNounShare of its occurrences is no reporting
// verb: a cue only as a noun after a possessive ("his comments"), as the
// nouns known by their endings are. The share is high, so that words with
// a common verb reading ("plans", "claims", "view", "show") stay.
const (
	minNounCount = 10
	minNounShare = 0.9
)

// nounTags are the Penn Treebank tags of common nouns.
var nounTags = map[string]bool{"NN": true, "NNS": true}

// nounWords is the list of words that are nouns.
var nounWords = tagList{
	key: func(token string) (string, bool) {
		return foldWord(token), token[0] >= 'a' && token[0] <= 'z'
	},
	picks:    func(tag string) bool { return nounTags[tag] },
	minCount: minNounCount,
	share:    minNounShare,
	header: []string{
		"# Nouns learned from PolNeAR train's silver POS tags (go run ./model/claim/polnear -nouns):",
		"# lower-case words tagged NN or NNS at least 10 times and in at least 9/10 of their occurrences. Generated.",
	},
	what: "nouns",
}

// learnNouns writes the noun list from the silver CoNLL file at path.
func learnNouns(w io.Writer, path string) error { return nounWords.learn(w, path) }
