package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

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

// learnVerbs writes the finite-verb list from the silver CoNLL file at path.
func learnVerbs(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read silver tags: %w", err)
	}
	defer f.Close()
	finite, total := map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) != 4 || cols[0] == "-DOCSTART-" {
			continue
		}
		wd := foldWord(cols[0])
		total[wd]++
		if finiteTags[cols[1]] {
			finite[wd]++
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read silver tags: %w", err)
	}
	var words []string
	for wd, n := range finite {
		if n >= minVerbCount && float64(n) >= minVerbShare*float64(total[wd]) {
			words = append(words, wd)
		}
	}
	sort.Strings(words)
	fmt.Fprintln(w, "# Finite verbs learned from PolNeAR train's silver POS tags (go run ./model/claim/polnear -verbs):")
	fmt.Fprintln(w, "# words tagged VBD, VBZ, VBP or MD at least 5 times and in at least half their occurrences. Generated.")
	for _, wd := range words {
		if _, err := fmt.Fprintln(w, wd); err != nil {
			return fmt.Errorf("write verbs: %w", err)
		}
	}
	return nil
}
