// Package worksheet turns an article's analysis into the claims the
// exports show. It sits between model and annotate/export so that the
// exporters need none of the analysers, and every caller (the export
// command, the reader's export key) converts the analysis the same way.
package worksheet

import (
	"slices"
	"strings"

	"github.com/margin-reader/margin/annotate/export"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// Claims returns the flagged claims of an analysis of text, in its order;
// nil for no analysis. A pronoun source is named by what it stands for.
func Claims(text string, an *model.Analysis) []export.Claim {
	if an == nil {
		return nil
	}
	out := make([]export.Claim, len(an.Claims))
	for i, c := range an.Claims {
		out[i] = export.Claim{Span: c.Span, Checkworthiness: c.Checkworthiness}
		for k := range c.Kinds.All() {
			out[i].Kinds = append(out[i].Kinds, string(k))
		}
		if src := c.Source; src != nil {
			who := src.Span
			if !src.Resolved.Empty() {
				who = src.Resolved
			}
			out[i].Source = oneLine(who.In(text))
			out[i].SourceLabel = sourceLabel(text, an.Entities, who)
			out[i].Via = oneLine(src.Via)
			out[i].Vague = src.Vague
		}
	}
	return out
}

// sourceLabel is the entity label of a claim's source, who in text, when
// the analysis knows it, else "": the label of the entity the source is,
// less a leading "the" and a trailing possessive ("The Harbour Trust",
// "Kellen’s"), or PERSON when the source ends in a person's name after
// words that give their role ("Port spokesman Ivo Brandt", "a
// spokeswoman for Maria Kellen"). Not after a comma, a conjunction or a
// preposition other than "for", which make the source something else or
// more than one ("Ivo Brandt, a writer for the Trust", "Brandt and
// Kellen", "the letter from Kellen", "advisers to Kellen"). es are the
// analysis's entities, in text order.
func sourceLabel(text string, es []entity.Entity, who span.Span) string {
	name := who.In(text)
	start := who.Start
	if len(name) > len("the ") && strings.EqualFold(name[:len("the ")], "the ") {
		start += len("the ")
	}
	for _, end := range []int{who.End, who.End - possessive(name)} {
		// Entities do not overlap: the one ending at end is the last to
		// start before it.
		i, _ := slices.BinarySearchFunc(es, end, func(e entity.Entity, at int) int { return e.Start - at })
		if i == 0 || es[i-1].End != end || es[i-1].Start < who.Start {
			continue
		}
		e := es[i-1]
		switch {
		case e.Start == who.Start || e.Start == start:
			return string(e.Label)
		case e.Label == entity.Person && isRole(text[who.Start:e.Start]):
			return string(e.Label)
		}
	}
	return ""
}

// possessive is the length of the "’s" or "'s" that name ends with, 0 if
// none.
func possessive(name string) int {
	for _, p := range []string{"’s", "'s"} {
		if strings.HasSuffix(name, p) {
			return len(p)
		}
	}
	return 0
}

// isRole reports whether words, before a person's name in a source, give
// the person's role: no comma, no conjunction and no preposition but
// "for" ("a spokeswoman for Kellen" is a person, "advisers to Kellen" are
// not).
func isRole(words string) bool {
	if strings.ContainsRune(words, ',') {
		return false
	}
	for _, w := range strings.Fields(words) {
		switch strings.ToLower(w) {
		case "and", "or", "of", "from", "against", "by", "to", "in", "on", "at", "with", "about":
			return false
		}
	}
	return true
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
