package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// minSpeakerCount is the fewest train sources a common noun must head to
// be written out as a word that can name a speaker.
const minSpeakerCount = 3

// learnSpeakers writes model/claim/lexicon/speakers.txt: the lower-case
// head words (the scorer's head rule) of the train split's gold sources,
// with how many sources each heads, for those heading at least
// minSpeakerCount. Names are left out: capitals show them already.
func learnSpeakers(w io.Writer, arts []article) error {
	heads := map[string]int{}
	for _, a := range arts {
		for _, g := range a.Attributions {
			if g.Source == nil {
				continue
			}
			h := head(words(g.Source.Text))
			if h == "" || !unicode.IsLetter([]rune(h)[0]) || !containsWord(g.Source.Text, h) || headStops[h] {
				continue // a number, a name, a head written in capitals, or a relative pronoun
			}
			heads[h]++
		}
	}
	var list []string
	for h, n := range heads {
		if n >= minSpeakerCount {
			list = append(list, h)
		}
	}
	sort.Strings(list)
	fmt.Fprintln(w, "# Lower-case heads of PolNeAR train's gold sources (go run ./model/claim/polnear -speakers):")
	fmt.Fprintf(w, "# word, sources it heads; at least %d. Generated; do not edit.\n", minSpeakerCount)
	for _, h := range list {
		if _, err := fmt.Fprintf(w, "%s %d\n", h, heads[h]); err != nil {
			return fmt.Errorf("write speakers: %w", err)
		}
	}
	return nil
}

// containsWord reports whether s holds w as written, in lower case.
func containsWord(s, w string) bool {
	return strings.Contains(strings.ReplaceAll(s, "’", "'"), w)
}
