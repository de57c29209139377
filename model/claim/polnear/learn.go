package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minLearnedCount is the fewest times a word must be part of a cue in the
// training split to be written out; rarer words say nothing reliable.
const minLearnedCount = 3

// cueCounts holds, per lower-cased word, how often it occurs in the texts,
// how often outside every gold content span ("free", where it could be a
// cue) and how often inside a gold cue.
type cueCounts struct{ cue, total, free map[string]int }

// learn counts cue words over arts and writes the cue lexicon: one line
// "word cue total free" for every word seen in a cue at least minLearnedCount
// times, in word order, so the same split always gives the same file.
func learn(w io.Writer, arts []article) error {
	c := cueCounts{cue: map[string]int{}, total: map[string]int{}, free: map[string]int{}}
	for _, a := range arts {
		c.add(a)
	}
	var words []string
	for wd, n := range c.cue {
		if n >= minLearnedCount {
			words = append(words, wd)
		}
	}
	sort.Strings(words)
	fmt.Fprintln(w, "# Cue words learned from PolNeAR train (go run ./model/claim/polnear -learn):")
	fmt.Fprintln(w, "# word, times inside a gold cue, times in the texts, times outside gold content. Generated; do not edit.")
	for _, wd := range words {
		if _, err := fmt.Fprintf(w, "%s %d %d %d\n", wd, c.cue[wd], c.total[wd], c.free[wd]); err != nil {
			return fmt.Errorf("write cue lexicon: %w", err)
		}
	}
	return nil
}

// add counts the words of one article.
func (c cueCounts) add(a article) {
	var cues []goldSpan
	for _, g := range a.Attributions {
		cues = append(cues, g.Cue...)
	}
	sort.Slice(cues, func(i, j int) bool { return cues[i].Start < cues[j].Start })
	contents := contentSpans(a)
	k := 0
	eachWord(a.Text, func(start, end int) {
		wd := foldWord(a.Text[start:end])
		c.total[wd]++
		if !inside(contents, start, end) {
			c.free[wd]++
		}
		for k < len(cues) && cues[k].End <= start {
			k++
		}
		if k < len(cues) && cues[k].Start <= start && end <= cues[k].End {
			c.cue[wd]++
		}
	})
}

// contentSpans are the content spans of a's attributions, by start. The
// corpus gives a token one role at most, so a word inside content is never
// a cue, whatever it says there ("I think" inside a quote): those words
// tell nothing of how often the word is a cue where it could be one.
func contentSpans(a article) []goldSpan {
	var out []goldSpan
	for _, g := range a.Attributions {
		out = append(out, g.Content...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// inside reports whether [start, end) lies inside one of spans.
func inside(spans []goldSpan, start, end int) bool {
	for _, s := range spans {
		if s.Start > start {
			return false
		}
		if end <= s.End {
			return true
		}
	}
	return false
}

// eachWord calls f with the byte span of every word of text: a run of
// letters and digits, with inner apostrophes and hyphens.
func eachWord(text string, f func(start, end int)) {
	start := -1
	for i, r := range text {
		inner := (r == '\'' || r == '’' || r == '-') && start >= 0 && i+utf8.RuneLen(r) < len(text)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || inner {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(start, i)
			start = -1
		}
	}
	if start >= 0 {
		f(start, len(text))
	}
}

func foldWord(w string) string {
	return strings.ToLower(strings.ReplaceAll(strings.Trim(w, "'’-"), "’", "'"))
}
