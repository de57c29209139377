package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
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

// learnLyWords writes the -ly words that are not adverbs from the silver
// CoNLL file at path.
func learnLyWords(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read silver tags: %w", err)
	}
	defer f.Close()
	other, total, err := countLyTags(f)
	if err != nil {
		return fmt.Errorf("read silver tags: %w", err)
	}
	var words []string
	for wd, n := range other {
		if n >= minLyCount && float64(n) >= minLyShare*float64(total[wd]) {
			words = append(words, wd)
		}
	}
	sort.Strings(words)
	fmt.Fprintln(w, "# -ly words that are not adverbs, learned from PolNeAR train's silver POS tags (go run ./model/claim/polnear -lywords):")
	fmt.Fprintln(w, "# lower-case words of more than 4 letters ending in ly, tagged other than RB* at least 5 times and in at least 3/4 of their occurrences. Generated.")
	for _, wd := range words {
		if _, err := fmt.Fprintln(w, wd); err != nil {
			return fmt.Errorf("write -ly words: %w", err)
		}
	}
	return nil
}

// countLyTags counts, for each lower-case -ly word of more than four
// letters, its occurrences that are not tagged adverbs and all of them.
// Capitalised occurrences are left out: the rules never take those for
// adverbs.
func countLyTags(r io.Reader) (other, total map[string]int, err error) {
	other, total = map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) != 4 || cols[0] == "-DOCSTART-" || cols[0][0] < 'a' || cols[0][0] > 'z' {
			continue
		}
		wd := foldWord(cols[0])
		if len(wd) <= 4 || !strings.HasSuffix(wd, "ly") {
			continue
		}
		total[wd]++
		if !strings.HasPrefix(cols[1], "RB") {
			other[wd]++
		}
	}
	return other, total, sc.Err()
}
