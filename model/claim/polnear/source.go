package main

import (
	"slices"
	"strings"
	"unicode"
)

var determiners = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true}

// headStops end the head of a phrase: the head word is the last word
// before the first of them.
var headStops = map[string]bool{",": true, "of": true, "who": true, "which": true, "that": true, "(": true, "—": true, "–": true}

// words splits a source into lower-case words and punctuation, without
// determiners and possessive 's.
func words(s string) []string {
	return withoutDeterminers(allWords(s))
}

// withoutDeterminers drops the determiners of ws, in place.
func withoutDeterminers(ws []string) []string {
	kept := ws[:0]
	for _, w := range ws {
		if !determiners[w] {
			kept = append(kept, w)
		}
	}
	return kept
}

// allWords splits a source into lower-case words and punctuation, without
// possessive 's.
func allWords(s string) []string {
	s = strings.ToLower(strings.NewReplacer("’s", "", "'s", "", "’", "'").Replace(s))
	var out []string
	for _, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		for f != "" {
			i := strings.IndexFunc(f, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '-' && r != '.'
			})
			if i < 0 {
				out = append(out, strings.TrimSuffix(f, "."))
				break
			}
			if i > 0 {
				out = append(out, strings.TrimSuffix(f[:i], "."))
			}
			r := []rune(f[i:])[0]
			out = append(out, string(r))
			f = f[i+len(string(r)):]
		}
	}
	kept := out[:0]
	for _, w := range out {
		if w != "" {
			kept = append(kept, w)
		}
	}
	return kept
}

// head is the last word of ws before a head stop, determiners aside: the
// "that" of a relative clause is a stop ("A study that appeared in the
// journal" is the study's), the one that opens a phrase is not.
func head(ws []string) string {
	h := ""
	for _, w := range ws {
		if headStops[w] && h != "" {
			break
		}
		if determiners[w] {
			continue
		}
		if w != "" && unicode.IsLetter([]rune(w)[0]) || unicode.IsDigit([]rune(w)[0]) {
			h = w
		}
	}
	return h
}

// sameSource applies the scorer's rule: token F1 >= 0.5, or the same head;
// the same words are the same source, even when they are all determiners
// (a relative "that", which dropping them would leave empty).
func sameSource(got, want string) bool {
	g, w := allWords(got), allWords(want)
	if slices.Equal(g, w) && len(g) > 0 {
		return true
	}
	if h := head(g); h != "" && h == head(w) {
		return true
	}
	g, w = withoutDeterminers(g), withoutDeterminers(w)
	if len(g) == 0 || len(w) == 0 {
		return false
	}
	return f1(g, w) >= 0.5
}

func f1(got, want []string) float64 {
	left := map[string]int{}
	for _, w := range want {
		left[w]++
	}
	common := 0
	for _, g := range got {
		if left[g] > 0 {
			left[g]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(got)), float64(common)/float64(len(want))
	return 2 * p * r / (p + r)
}
