package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

// counts is a found/total pair.
type counts struct{ hit, n int }

func (c counts) String() string {
	if c.n == 0 {
		return "-"
	}
	return fmt.Sprintf("%5.1f%% (%d/%d)", 100*float64(c.hit)/float64(c.n), c.hit, c.n)
}

// scores are the figures over one split.
type scores struct {
	recall, source, cue counts
	common, other       counts
	precision           counts
	// content counts the bytes of gold content (of attributions with a
	// source) against those covered by a claim that names that source.
	content counts
	// cues counts the attributed cues of claims with a source against
	// those that overlap a gold cue.
	cues   counts
	misses []string
	// errors, when not nil, counts the errors by kind.
	errors *errorTable
}

func (s *scores) write(w io.Writer) {
	fmt.Fprintf(w, "attribution recall        %s\n", s.recall)
	fmt.Fprintf(w, "source correct (of found) %s\n", s.source)
	fmt.Fprintf(w, "cue overlap (of found)    %s\n", s.cue)
	fmt.Fprintf(w, "recall, 20 common cues    %s\n", s.common)
	fmt.Fprintf(w, "recall, other cues        %s\n", s.other)
	fmt.Fprintf(w, "claim precision           %s\n", s.precision)
	fmt.Fprintf(w, "content, source right     %s\n", s.content)
	fmt.Fprintf(w, "cue precision             %s\n", s.cues)
	if s.errors != nil {
		s.errors.write(w)
	}
	for _, m := range s.misses {
		fmt.Fprintln(w, m)
	}
}

// score analyses every article and compares its claims with the gold.
// With cues it lists every attributed cue of a claim with a source, ON a
// gold cue or OFF, so a guard's reach can be counted right against wrong.
func score(ctx context.Context, arts []article, misses, errors, cues bool) (*scores, error) {
	z, err := model.NewAnalyzer()
	if err != nil {
		return nil, err
	}
	common := commonCues(arts, 20)
	sc := &scores{}
	if errors {
		sc.errors = newErrorTable()
	}
	for _, a := range arts {
		in := asArticle(a)
		an, err := z.Analyze(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("analyse %s: %w", a.Name, err)
		}
		for _, g := range a.Attributions {
			if g.Source != nil {
				sc.add(situation{a: a, g: g, sentences: in.Sentences}, an.Claims, common, misses)
			}
		}
		for _, c := range an.Claims {
			if c.Source != nil {
				ok := attributed(c.Span, a.Attributions)
				sc.precision.add(ok)
				for _, q := range c.Cues {
					if q.Kind != claim.Attributed {
						continue
					}
					hit := goldCue(q.Span, a.Attributions)
					sc.cues.add(hit)
					if !hit && sc.errors != nil {
						sc.errors.addOffCue(a.Text, q.Span, a.Attributions)
					}
					if (!hit && misses) || cues {
						sc.misses = append(sc.misses, fmt.Sprintf("%-4s %s cue=%q src=%q | %s", onOff(hit), a.Name, q.In(a.Text), c.Source.Span.In(a.Text), markCue(a.Text, c.Span, q.Span)))
					}
				}
				if misses && !ok {
					sc.misses = append(sc.misses, fmt.Sprintf("FP   %s src=%q cues=%q | %s", a.Name, c.Source.Span.In(a.Text), attributedCues(a.Text, c), c.Span.In(a.Text)))
				}
			}
		}
	}
	return sc, nil
}

// onOff names whether a cue overlaps a gold cue.
func onOff(hit bool) string {
	if hit {
		return "ON"
	}
	return "OFF"
}

// markCue is claim span c of text on one line, with cue q in brackets.
func markCue(text string, c, q span.Span) string {
	return strings.ReplaceAll(text[c.Start:q.Start]+"[["+text[q.Start:q.End]+"]]"+text[q.End:c.End], "\n", " ")
}

// add scores one gold attribution.
func (s *scores) add(st situation, claims []claim.Claim, common map[string]bool, misses bool) {
	a, g := st.a, st.g
	c := match(g, claims)
	st.c = c
	found := c != nil
	s.recall.add(found)
	if len(g.Cue) > 0 && common[strings.ToLower(g.Cue[0].Text)] {
		s.common.add(found)
	} else {
		s.other.add(found)
	}
	if !found {
		s.addContent(st, nil)
		if s.errors != nil {
			s.errors.add(st, common, false, false)
		}
		if misses {
			s.misses = append(s.misses, fmt.Sprintf("MISS %s cue=%q src=%q | %s", a.Name, cueText(g), g.Source.Text, around(a.Text, g)))
		}
		return
	}
	s.addContent(st, claims)
	ok := sameSource(c.Source.Span.In(a.Text), g.Source.Text)
	s.source.add(ok)
	hit := cueHit(g, c)
	s.cue.add(hit)
	if s.errors != nil {
		s.errors.add(st, common, ok, hit)
	}
	if misses && !hit {
		s.misses = append(s.misses, fmt.Sprintf("CUE  %s gold=%q claim=%q", a.Name, cueText(g), c.Span.In(a.Text)))
	}
	if misses && !ok {
		s.misses = append(s.misses, fmt.Sprintf("SRC  %s [%s] gold=%q got=%q cue=%q cues=%q | %s", a.Name, sourceKind(st), g.Source.Text, c.Source.Span.In(a.Text), cueText(g), attributedCues(a.Text, *c), c.Span.In(a.Text)))
	}
}

// addContent counts g's content bytes and those of them inside claims
// whose source is g's: how much of what a source said margin gives them,
// sentences of a quotation away from its cue included.
func (s *scores) addContent(st situation, claims []claim.Claim) {
	for _, ct := range st.g.Content {
		s.content.n += ct.Span().Len()
		for _, c := range claims {
			if c.Source != nil && sameSource(c.Source.Span.In(st.a.Text), st.g.Source.Text) {
				s.content.hit += overlap(c.Span, ct.Span())
			}
		}
	}
}

func (c *counts) add(ok bool) {
	c.n++
	if ok {
		c.hit++
	}
}

// attributedCues are the texts of c's attributed cues.
func attributedCues(text string, c claim.Claim) []string {
	var out []string
	for _, q := range c.Cues {
		if q.Kind == claim.Attributed {
			out = append(out, q.In(text))
		}
	}
	return out
}

func cueText(g gold) string {
	if len(g.Cue) == 0 {
		return ""
	}
	return g.Cue[0].Text
}

// around is the gold cue with a little text around it, on one line.
func around(text string, g gold) string {
	at := g.Source.Span()
	if len(g.Cue) > 0 {
		at = g.Cue[0].Span()
	}
	from, to := max(0, at.Start-80), min(len(text), at.End+80)
	return strings.ReplaceAll(text[from:to], "\n", " ")
}

// asArticle builds the article margin would analyse from a PolNeAR text:
// the title line a heading, every other non-empty line a paragraph.
func asArticle(a article) *model.Article {
	d := doc.Doc{Text: a.Text}
	start := 0
	for i := 0; i <= len(a.Text); i++ {
		if i < len(a.Text) && a.Text[i] != '\n' {
			continue
		}
		if i > start {
			kind := doc.Paragraph
			if len(d.Blocks) == 0 {
				kind = doc.Heading
			}
			d.Blocks = append(d.Blocks, doc.Block{Span: span.Span{Start: start, End: i}, Kind: kind, Level: 1})
		}
		start = i + 1
	}
	return &model.Article{Name: a.Name, Doc: d, Sentences: sentence.Split(d), Hash: model.HashText(a.Text)}
}

// match returns the claim with a source that finds g, or nil.
func match(g gold, claims []claim.Claim) *claim.Claim {
	var best *claim.Claim
	bestOverlap := 0
	for i := range claims {
		c := &claims[i]
		if c.Source == nil {
			continue
		}
		for _, cue := range g.Cue {
			if c.Overlaps(cue.Span()) {
				return c
			}
		}
		ov := 0
		for _, ct := range g.Content {
			ov += overlap(c.Span, ct.Span())
		}
		if ov > bestOverlap {
			best, bestOverlap = c, ov
		}
	}
	return best
}

// attributed reports whether s overlaps the cue or content of any gold
// attribution, with or without a source.
func attributed(s span.Span, golds []gold) bool {
	for _, g := range golds {
		for _, p := range append(append([]goldSpan(nil), g.Cue...), g.Content...) {
			if s.Overlaps(p.Span()) {
				return true
			}
		}
	}
	return false
}

// goldCue reports whether s overlaps the cue of a gold attribution.
func goldCue(s span.Span, golds []gold) bool {
	for _, g := range golds {
		for _, c := range g.Cue {
			if s.Overlaps(c.Span()) {
				return true
			}
		}
	}
	return false
}

func overlap(a, b span.Span) int { return max(0, min(a.End, b.End)-max(a.Start, b.Start)) }

// cueHit reports whether an attributed cue of c overlaps g's cue.
func cueHit(g gold, c *claim.Claim) bool {
	for _, cue := range c.Cues {
		if cue.Kind != claim.Attributed {
			continue
		}
		for _, gc := range g.Cue {
			if cue.Overlaps(gc.Span()) {
				return true
			}
		}
	}
	return false
}

// commonCues returns the n commonest lower-cased one-word cues of arts.
func commonCues(arts []article, n int) map[string]bool {
	freq := map[string]int{}
	for _, a := range arts {
		for _, g := range a.Attributions {
			if w := strings.ToLower(cueText(g)); w != "" && !strings.ContainsAny(w, " \t") {
				freq[w]++
			}
		}
	}
	words := byCount(freq)
	out := map[string]bool{}
	for _, w := range words[:min(n, len(words))] {
		out[w] = true
	}
	return out
}
