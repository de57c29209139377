package main

import "io"

// Finite verbs: a word whose silver part-of-speech tag in PolNeAR train
// (CoreNLP's, in ner-silver/) is a finite verb (VBD, VBZ, VBP or MD) at
// least half of minVerbCount or more times is a finite verb for the claim
// rules, which need to know where a subject stops ("Trump revised his
// plan", "McConnell met with her").
const (
	minVerbCount = 5
	minVerbShare = 0.5
)

// finiteTags are the Penn Treebank tags of finite verbs.
var finiteTags = map[string]bool{"VBD": true, "VBZ": true, "VBP": true, "MD": true}

// finiteVerbs is the list of finite verbs.
var finiteVerbs = tagList{
	key:      func(token string) (string, bool) { return foldWord(token), true },
	picks:    func(tag string) bool { return finiteTags[tag] },
	minCount: minVerbCount,
	share:    minVerbShare,
	header: []string{
		"# Finite verbs learned from PolNeAR train's silver POS tags (go run ./model/claim/polnear -verbs):",
		"# words tagged VBD, VBZ, VBP or MD at least 5 times and in at least half their occurrences. Generated.",
	},
	what: "verbs",
}

// learnVerbs writes the finite-verb list from the silver CoNLL file at path.
func learnVerbs(w io.Writer, path string) error { return finiteVerbs.learn(w, path) }
