package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// tagList is a word list learned from the silver part-of-speech tags of
// PolNeAR train: the words whose tags the rule picks at least minCount
// times and in at least share of their occurrences.
type tagList struct {
	// key says whether a token counts, and under which word.
	key func(token string) (string, bool)
	// picks reports whether a tag is one the list is about.
	picks    func(tag string) bool
	minCount int
	share    float64
	// header is the generated file's comment lines; what names the list
	// in errors.
	header []string
	what   string
}

// learn writes the list from the silver CoNLL file at path.
func (l tagList) learn(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read silver tags: %w", err)
	}
	defer f.Close()
	picked, total, err := l.count(f)
	if err != nil {
		return fmt.Errorf("read silver tags: %w", err)
	}
	var words []string
	for wd, n := range picked {
		if n >= l.minCount && float64(n) >= l.share*float64(total[wd]) {
			words = append(words, wd)
		}
	}
	sort.Strings(words)
	for _, line := range append(l.header, words...) {
		if _, err := fmt.Fprintln(w, line); err != nil {
			return fmt.Errorf("write %s: %w", l.what, err)
		}
	}
	return nil
}

// count counts, for each word the list keys, its occurrences with a picked
// tag and all of them.
func (l tagList) count(r io.Reader) (picked, total map[string]int, err error) {
	picked, total = map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) != 4 || cols[0] == "-DOCSTART-" {
			continue
		}
		wd, ok := l.key(cols[0])
		if !ok {
			continue
		}
		total[wd]++
		if l.picks(cols[1]) {
			picked[wd]++
		}
	}
	return picked, total, sc.Err()
}
