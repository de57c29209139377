package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/span"
)

// errorTable counts the scorer's errors by kind, for error analysis: the
// missed attributions by the shape of their cue, the wrong sources and the
// missed cues by what the gold has there. Each error takes the first kind
// that fits, in the order of the kinds' lists below.
type errorTable struct {
	miss, source, cue map[string]int
	// wrongByCue counts the wrong sources per cue kind, against found.
	wrongByCue, found map[string]int
	// total counts the gold attributions with a source per cue kind, so a
	// miss count reads against its base.
	total map[string]int
	// offCue counts the attributed cues that overlap no gold cue by where
	// they stand, and offWord by their lower-cased words.
	offCue, offWord map[string]int
}

func newErrorTable() *errorTable {
	return &errorTable{miss: map[string]int{}, source: map[string]int{}, cue: map[string]int{}, total: map[string]int{},
		wrongByCue: map[string]int{}, found: map[string]int{}, offCue: map[string]int{}, offWord: map[string]int{}}
}

// addOffCue counts cue q of a claim with a source, which overlaps no gold
// cue: inside a gold content (an inner verb of what someone said), inside
// another part of an attribution (its source), or outside every one.
func (t *errorTable) addOffCue(text string, q span.Span, golds []gold) {
	where := "outside every gold attribution"
	for _, g := range golds {
		for _, c := range g.Content {
			if q.Overlaps(c.Span()) {
				where = "inside a gold content"
			}
		}
		if where == "outside every gold attribution" && g.Source != nil && q.Overlaps(g.Source.Span()) {
			where = "inside a gold source"
		}
	}
	t.offCue[where]++
	t.offWord[strings.ToLower(q.In(text))]++
}

// situation is what the error kinds look at: one gold attribution in its
// article, the sentences of the article and the claim that found it.
type situation struct {
	a         article
	g         gold
	sentences []span.Span
	c         *claim.Claim
}

// sentenceAt returns the sentence holding offset at, or an empty span.
func (s situation) sentenceAt(at int) span.Span {
	if i := span.Index(s.sentences, at); i >= 0 {
		return s.sentences[i]
	}
	return span.Span{}
}

// anchor is the gold cue's span, else its source's.
func (s situation) anchor() span.Span {
	if len(s.g.Cue) > 0 {
		return s.g.Cue[0].Span()
	}
	return s.g.Source.Span()
}

// nounCues are reporting nouns: a cue that is one of them, or follows a
// determiner or a possessive, is a noun ("the claim", "Trump's plan").
var nounCues = map[string]bool{"claim": true, "claims": true, "statement": true, "statements": true,
	"report": true, "reports": true, "plan": true, "plans": true, "view": true, "views": true,
	"argument": true, "comments": true, "comment": true, "remarks": true, "poll": true, "polls": true,
	"survey": true, "letter": true, "tweet": true, "speech": true, "interview": true, "message": true}

var nounLeads = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "your": true, "this": true, "that": true}

// cueKind is the shape of a gold attribution's cue.
func cueKind(s situation, common map[string]bool) string {
	text, g := s.a.Text, s.g
	if strings.IndexByte(text, '\n') > s.anchor().Start {
		return "title line (a heading: never a claim)"
	}
	if len(g.Cue) == 0 {
		return "no cue"
	}
	cue := strings.ToLower(g.Cue[0].Text)
	sent := s.sentenceAt(g.Cue[0].Start)
	switch {
	case strings.TrimSpace(cue) == ":":
		return "colon"
	case strings.HasPrefix(cue, "according to"):
		return "according to"
	case nounCue(text, g.Cue[0]):
		return "noun cue (claim, statement, plan)"
	case splitQuote(g):
		return "quote split around its cue"
	case !sent.Empty() && outside(g.Content, sent):
		return "content beyond the cue's sentence"
	case common[cue]:
		return "one of the 20 commonest cues"
	case strings.ContainsAny(cue, " \t"):
		return "other cue of several words"
	}
	return "other one-word cue"
}

// nounCue reports a cue that is a reporting noun or follows a determiner
// or a possessive.
func nounCue(text string, c goldSpan) bool {
	ws := strings.Fields(strings.ToLower(c.Text))
	if len(ws) == 0 {
		return false
	}
	if nounCues[ws[len(ws)-1]] && len(ws) <= 2 {
		return true
	}
	before := strings.Fields(strings.ToLower(text[max(0, c.Start-30):c.Start]))
	if len(before) == 0 {
		return false
	}
	prev := before[len(before)-1]
	return nounLeads[prev] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s")
}

// splitQuote reports content in pieces on both sides of the cue.
func splitQuote(g gold) bool {
	if len(g.Content) < 2 {
		return false
	}
	at := g.Cue[0].Start
	return g.Content[0].Start < at && g.Content[len(g.Content)-1].End > at
}

// outside reports content that runs past sentence s.
func outside(content []goldSpan, s span.Span) bool {
	for _, c := range content {
		if c.Start < s.Start || c.End > s.End {
			return true
		}
	}
	return false
}

// pronounSources and the words for bodies name a source by reference.
var (
	pronounSources = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true}
	relativeWords  = map[string]bool{"who": true, "which": true, "that": true, "whom": true}
	bodyWords      = map[string]bool{"company": true, "campaign": true, "ministry": true, "department": true,
		"committee": true, "agency": true, "administration": true, "party": true, "group": true, "organization": true,
		"government": true, "firm": true, "office": true, "network": true, "newspaper": true, "council": true}
	vagueWords = map[string]bool{"officials": true, "critics": true, "experts": true, "sources": true,
		"some": true, "many": true, "others": true, "people": true, "analysts": true, "observers": true, "aides": true,
		"supporters": true, "voters": true, "republicans": true, "democrats": true, "polls": true, "reports": true}
)

// sourceKind says why the claim that found g names another source.
func sourceKind(s situation) string {
	text, g := s.a.Text, s.g
	want := strings.ToLower(strings.TrimSpace(g.Source.Text))
	got := strings.ToLower(s.c.Source.Span.In(text))
	ws := words(want)
	switch {
	case otherInClaim(s, got):
		return "the source of another attribution in the claim"
	case sharedSentence(s):
		return "sentence with several attributions"
	case relativeWords[want]:
		return "gold is a relative pronoun"
	case pronounSources[want] || len(ws) == 1 && pronounSources[ws[0]]:
		return "gold is a pronoun"
	case len(ws) == 2 && bodyWords[ws[1]]:
		return `gold is "the company" and the like`
	case strings.Contains(want, got) || strings.Contains(got, want):
		return "one source holds the other (titles, asides)"
	case len(ws) > 0 && vagueWords[ws[len(ws)-1]]:
		return "gold is vague (officials, critics)"
	case g.Source.Start > s.anchor().Start:
		return "gold source after the cue"
	}
	return "other"
}

// otherInClaim reports that got, the claim's source, is that of another
// gold attribution whose cue lies in the claim: one claim holds two
// attributions and names the other's source.
func otherInClaim(s situation, got string) bool {
	for _, o := range s.a.Attributions {
		if o.ID == s.g.ID || o.Source == nil || len(o.Cue) == 0 {
			continue
		}
		if s.c.Overlaps(o.Cue[0].Span()) && sameSource(got, o.Source.Text) {
			return true
		}
	}
	return false
}

// sharedSentence reports another gold attribution with another source in
// the sentence of g's cue.
func sharedSentence(s situation) bool {
	sent := s.sentenceAt(s.anchor().Start)
	if sent.Empty() {
		return false
	}
	for _, o := range s.a.Attributions {
		if o.ID == s.g.ID || o.Source == nil || len(o.Cue) == 0 || o.Source.Start == s.g.Source.Start {
			continue
		}
		if sent.Covers(o.Cue[0].Span()) {
			return true
		}
	}
	return false
}

// missedCueKind says why no attributed cue of the claim meets the gold cue.
func missedCueKind(s situation) string {
	if len(s.g.Cue) == 0 {
		return "no gold cue"
	}
	var attributed []claim.Cue
	for _, q := range s.c.Cues {
		if q.Kind == claim.Attributed {
			attributed = append(attributed, q)
		}
	}
	gc := s.g.Cue[0]
	switch {
	case len(attributed) == 0:
		return "claim has no attributed cue"
	case !s.c.Overlaps(gc.Span()):
		return "gold cue outside the claim"
	case strings.TrimSpace(gc.Text) == ":":
		return "gold cue is a colon"
	case nounCue(s.a.Text, gc):
		return "gold cue is a noun"
	case strings.ContainsAny(strings.TrimSpace(gc.Text), " \t"):
		return "gold cue of several words"
	}
	return "gold cue another word of the claim"
}

// add counts one gold attribution's outcome.
func (t *errorTable) add(s situation, common map[string]bool, sourceOK, cueOK bool) {
	k := cueKind(s, common)
	t.total[k]++
	if s.c == nil {
		t.miss[k]++
		return
	}
	t.found[k]++
	if !sourceOK {
		t.source[sourceKind(s)]++
		t.wrongByCue[k]++
	}
	if !cueOK {
		t.cue[missedCueKind(s)]++
	}
}

func (t *errorTable) write(w io.Writer) {
	fmt.Fprintln(w, "missed attributions by cue kind (missed / gold with a source):")
	for _, k := range byCount(t.total) {
		fmt.Fprintf(w, "  %-45s %5d / %5d\n", k, t.miss[k], t.total[k])
	}
	fmt.Fprintln(w, "wrong sources by cue kind (wrong / found):")
	for _, k := range byCount(t.found) {
		fmt.Fprintf(w, "  %-45s %5d / %5d\n", k, t.wrongByCue[k], t.found[k])
	}
	fmt.Fprintln(w, "wrong sources of found attributions:")
	for _, k := range byCount(t.source) {
		fmt.Fprintf(w, "  %-45s %5d\n", k, t.source[k])
	}
	fmt.Fprintln(w, "found attributions whose gold cue no claim cue meets:")
	for _, k := range byCount(t.cue) {
		fmt.Fprintf(w, "  %-45s %5d\n", k, t.cue[k])
	}
	fmt.Fprintln(w, "attributed cues on no gold cue, by where they stand:")
	for _, k := range byCount(t.offCue) {
		fmt.Fprintf(w, "  %-45s %5d\n", k, t.offCue[k])
	}
	fmt.Fprintln(w, "attributed cues on no gold cue, the 25 commonest words:")
	for i, k := range byCount(t.offWord) {
		if i == 25 {
			break
		}
		fmt.Fprintf(w, "  %-45s %5d\n", k, t.offWord[k])
	}
}

// byCount lists the keys of m, the largest counts first.
func byCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
