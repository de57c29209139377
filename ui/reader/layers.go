package reader

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/search"
	"github.com/margin-reader/margin/ui/theme"
)

func itoa(n int) string { return strconv.Itoa(n) }

// SetAnalysis takes in the analysis layers; nil says the analysis failed.
func (m *Model) SetAnalysis(an *model.Analysis) {
	m.analysisDone = true
	m.analysis = an
	if an == nil {
		return
	}
}

// SetPartialAnalysis shows the part of an analysis in flight that is
// known so far (model.Progress): its highlights and jumps, while the
// analysis is still said to be coming.
func (m *Model) SetPartialAnalysis(an *model.Analysis) {
	m.analysis, m.analysisDone = an, false
}

// SetNotes takes in the notes, for their marks and the explain box.
func (m *Model) SetNotes(notes []annotate.Note) {
	m.notes = notes
	marks := make([]render.Mark, 0, len(notes))
	for _, n := range notes {
		if n.Placed() {
			marks = append(marks, render.Mark{Span: n.Span, Class: theme.NoteClass(string(n.Verdict))})
		}
	}
	m.noteLayer = render.NewLayer(marks)
}

// NoteAtFocus returns the note over the focused sentence: of two or
// more, the one under the target, so that after a jump to a note (from
// the notes panel, or a search match inside it) A and D act on that note
// and not on another that happens to come first in the sentence.
func (m Model) NoteAtFocus() (annotate.Note, bool) {
	ns := m.notesAtFocus()
	if len(ns) == 0 {
		return annotate.Note{}, false
	}
	for _, n := range ns {
		if n.Span == m.target {
			return n, true
		}
	}
	for _, n := range ns {
		if n.Span.Overlaps(m.target) {
			return n, true
		}
	}
	return ns[0], true
}

// NotesHere is how many notes are over the focused sentence, of which
// NoteAtFocus is the one A and D act on.
func (m Model) NotesHere() int { return len(m.notesAtFocus()) }

// SetArticle swaps in the article read again from disk, keeping the
// reading position: the text that was at the top of the screen, and the
// focus, are looked for near where they were. The analysis and the
// search's matches are of the old text and go; the search is run again.
func (m *Model) SetArticle(a *model.Article) {
	old := m.art.Text
	top := m.pager.TopOffset()
	focusOff := 0
	if s, ok := m.Focus(); ok {
		focusOff = s.Start
	}
	m.art = a
	m.analysis, m.analysisDone = nil, false
	m.inline = render.InlineLayer(a.Doc)
	m.selecting, m.selection, m.target, m.at = false, NoSpan, NoSpan, -1
	newTop := relocate(old, a.Text, top)
	if m.pager.Top() == (render.Pos{}) {
		newTop = -1
	}
	m.pager.SetLayout(render.New(a.Doc, a.Sentences, Header(a)), newTop)
	m.focus = max(sentenceAt(a.Sentences, relocate(old, a.Text, focusOff)), 0)
	if m.matches.Query != "" {
		m.matches = search.Find(a.Text, m.matches.Query)
	}
}

// RefreshLayers gives the pane the layers to draw, lowest first.
func (m *Model) RefreshLayers() {
	vis := m.pager.VisibleRange()
	layers := []*render.Layer{m.inline}
	if s, ok := m.Focus(); ok {
		layers = append(layers, render.NewLayer([]render.Mark{{Span: s, Class: theme.ClassFocus}}))
		m.pager.SetGutter(s)
	}
	if m.showNotes && m.noteLayer != nil {
		layers = append(layers, m.noteLayer)
	}
	if m.showEntities && m.analysis != nil {
		layers = append(layers, nearScreen(vis, m.analysis.Entities, func(e entity.Entity) (span.Span, string) {
			return e.Span, theme.EntityClass(string(e.Label))
		}))
	}
	if m.showClaims && m.analysis != nil {
		layers = append(layers, nearScreen(vis, m.analysis.Claims, claimMark))
		if c, ok := m.focusedClaim(); ok {
			cues := make([]render.Mark, 0, len(c.Cues))
			for _, cue := range c.Cues {
				cues = append(cues, render.Mark{Span: cue.Span, Class: theme.ClassCue})
			}
			layers = append(layers, render.NewLayer(cues))
		}
	}
	if m.selecting {
		layers = append(layers, render.NewLayer([]render.Mark{{Span: m.selection, Class: theme.ClassSelection}}))
	}
	if m.matches.Len() > 0 {
		layers = append(layers, nearScreen(vis, m.matches.Spans, func(s span.Span) (span.Span, string) { return s, theme.ClassMatch }))
	}
	if m.target.Start >= 0 {
		layers = append(layers, render.NewLayer([]render.Mark{{Span: m.target, Class: theme.ClassTarget}}))
	}
	m.pager.SetLayers(layers...)
}

// nearScreen makes a layer of the items near vis, the visible text, only:
// a search with a hundred thousand matches, or the analysis of a 20 MB
// article with 400,000 entities, then costs nothing per frame, and the
// reader keeps no mark per item beside the analysis's own spans (19 MB at
// 20 MB of text, which held an idle reader at its soft memory limit). The
// items are in the order of their spans, which do not overlap; mark gives
// an item's span and its class, "" for none.
func nearScreen[T any](vis span.Span, items []T, mark func(T) (span.Span, string)) *render.Layer {
	spanAt := func(i int) span.Span { s, _ := mark(items[i]); return s }
	lo := sort.Search(len(items), func(i int) bool { return spanAt(i).End > vis.Start-4096 })
	hi := max(lo, sort.Search(len(items), func(i int) bool { return spanAt(i).Start >= vis.End+4096 }))
	marks := make([]render.Mark, 0, hi-lo)
	for _, it := range items[lo:hi] {
		if s, class := mark(it); class != "" {
			marks = append(marks, render.Mark{Span: s, Class: class})
		}
	}
	return render.NewLayer(marks)
}

// claimMark is a claim's mark, in the colour of its first kind.
func claimMark(c claim.Claim) (span.Span, string) {
	if c.Kinds == 0 {
		return c.Span, ""
	}
	return c.Span, theme.ClaimClass(string(c.Kinds.First()))
}

// jumpEntity moves to the next (d > 0) or previous entity.
func (m *Model) jumpEntity(d int) {
	if m.analysis == nil || len(m.analysis.Entities) == 0 {
		m.say(m.noAnalysis("entities"))
		return
	}
	ents := m.analysis.Entities
	i, round := m.step(len(ents), func(i int) int { return ents[i].Start }, d)
	e := ents[i]
	m.GoTo(e.Span)
	// The count first: a narrow status bar cuts the end, and the explain
	// box shows the entity in full.
	m.say(fmt.Sprintf("entity %d/%d%s · %s", i+1, len(ents), roundSay(round, d), m.describeEntity(i)))
}

// describeEntity names entity i: its label, the thing it mentions by its
// fullest name, and which of the thing's mentions it is.
func (m Model) describeEntity(i int) string {
	e := m.analysis.Entities[i]
	label := vocab.Name(vocab.EntityLabels(), string(e.Label))
	idx := m.analysis.EntityIndex
	if i >= len(idx.ThingOf) {
		return label + ": " + render.OneLine(e.In(m.art.Text))
	}
	th := idx.Things[idx.ThingOf[i]]
	return fmt.Sprintf("%s: %s, mention %d of %d", label, render.OneLine(th.Name), slices.Index(th.Mentions, int32(i))+1, len(th.Mentions))
}

// targetEntity returns the entity the target is, if it is one.
func (m Model) targetEntity() (int, bool) {
	if m.analysis == nil || m.target.Start < 0 {
		return 0, false
	}
	ents := m.analysis.Entities
	i := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= m.target.Start })
	return i, i < len(ents) && ents[i].Span == m.target
}

// jumpClaim moves to the next (d > 0) or previous claim.
func (m *Model) jumpClaim(d int) {
	if m.analysis == nil || len(m.analysis.Claims) == 0 {
		m.say(m.noAnalysis("claims"))
		return
	}
	cs := m.analysis.Claims
	i, round := m.step(len(cs), func(i int) int { return cs[i].Start }, d)
	m.GoTo(cs[i].Span)
	m.target = NoSpan
	m.say("claim " + m.claimCount(i+1, len(cs)) + roundSay(round, d))
}

// claimCount is "n/of", or, while the claims are still arriving, "n of
// of so far": a partial total read as final would tell the reader the
// article has fewer contested claims than it has. The entities need no
// such word: they all come at once, with the first partial analysis.
func (m Model) claimCount(n, of int) string {
	if !m.analysisDone {
		return fmt.Sprintf("%d of %d so far", n, of)
	}
	return fmt.Sprintf("%d/%d", n, of)
}

// NoAnalysis says why there is no analysis to use.
func (m Model) NoAnalysis() string { return m.noAnalysis("claims") }

func (m Model) noAnalysis(what string) string {
	switch {
	case !m.opts.Analysing:
		return "no analysis in this build"
	case !m.analysisDone:
		return "still analysing…"
	case m.analysis == nil:
		return "analysis failed"
	}
	return "no " + what + " found"
}

// step returns the index of the span after (d > 0) or before the cursor
// among n spans in order of their starts, wrapping around, and whether it
// went round the text's end to get there.
func (m Model) step(n int, start func(i int) int, d int) (int, bool) {
	off := m.cursorOffset()
	if d > 0 {
		onJump := m.at >= 0 && off == m.at
		i := sort.Search(n, func(i int) bool {
			return start(i) > off || !onJump && start(i) == off
		})
		return i % n, i == n && n > 1
	}
	i := sort.Search(n, func(i int) bool { return start(i) >= off }) - 1
	return (i + n) % n, i < 0 && n > 1
}

// roundSay tells, after the count, that a jump went round the text's
// end: from the first sentence C went to the last claim, the bar saying
// only "claim 32/32" of a jump from the top to the bottom, as n and N
// say when they go round.
func roundSay(round bool, d int) string {
	switch {
	case !round:
		return ""
	case d > 0:
		return " · round to the first"
	}
	return " · round to the last"
}

// focusedClaim returns the claim in the focused sentence.
func (m Model) focusedClaim() (claim.Claim, bool) {
	s, ok := m.Focus()
	if m.analysis == nil || !ok {
		return claim.Claim{}, false
	}
	cs := m.analysis.Claims
	i := sort.Search(len(cs), func(i int) bool { return cs[i].End > s.Start })
	if i < len(cs) && cs[i].Overlaps(s) {
		return cs[i], true
	}
	return claim.Claim{}, false
}

// explainLines says what is known of the focus while it is on screen: the
// entity jumped to, why its claim is contested (kinds, cue words, who it
// is attributed to, how worth checking it is), and what the note on it
// says.
func (m Model) explainLines() []string {
	f, ok := m.Focus()
	if !ok || !f.Overlaps(m.pager.VisibleRange()) {
		return nil
	}
	_, w := m.explainColumn()
	var lines []string
	if i, ok := m.targetEntity(); ok && m.showEntities {
		lines = append(lines, fieldLines(w, run{"entity: ", m.theme.ExplainLabel}, run{m.describeEntity(i), m.theme.Explain})...)
	}
	if c, ok := m.focusedClaim(); ok && m.showClaims {
		lines = append(lines, ClaimLines(m.theme, m.art.Text, c, w)...)
	}
	if m.showNotes {
		for _, n := range m.notesAtFocus() {
			lines = append(lines, NoteLines(m.theme, m.art.Text, n, w)...)
		}
	}
	return lines
}

// ClaimLines say why claim c of text was flagged, in lines of at most w
// columns: its kinds and check-worthiness, its cue words and who it is
// attributed to, each field wrapped. The explain box and the review
// queue both show them.
func ClaimLines(t *theme.Theme, text string, c claim.Claim, w int) []string {
	lines := claimHead(t, c, w)
	if len(c.Cues) > 0 {
		runs := []run{{"cues:", t.ExplainLabel}}
		for _, cue := range c.Cues {
			runs = append(runs, run{" ", t.Explain}, run{"“" + render.OneLine(cue.In(text)) + "”", t.Cue})
		}
		lines = append(lines, fieldLines(w, runs...)...)
	}
	if c.Source != nil {
		runs := []run{{"said by: ", t.ExplainLabel}, {render.OneLine(c.Source.In(text)), t.Explain}}
		if !c.Source.Resolved.Empty() {
			runs = append(runs, run{" = ", t.ExplainLabel}, run{render.OneLine(c.Source.Resolved.In(text)), t.Explain})
		}
		if c.Source.Vague {
			runs = append(runs, run{" (names no one)", t.ExplainLabel})
		}
		if c.Source.Via != "" {
			runs = append(runs, run{" via ", t.ExplainLabel}, run{render.OneLine(c.Source.Via), t.Explain})
		}
		lines = append(lines, fieldLines(w, runs...)...)
	}
	return lines
}

// claimHead is the claim's kinds and check-worthiness. When they do not
// fit in w columns the score comes first, so that it is read first, and
// the kinds are wrapped after it.
func claimHead(t *theme.Theme, c claim.Claim, w int) []string {
	var kinds []run
	for k := range c.Kinds.All() {
		if len(kinds) > 0 {
			kinds = append(kinds, run{", ", t.Explain})
		}
		kinds = append(kinds, run{vocab.Name(vocab.ClaimKinds(), string(k)), t.Claim(string(k))})
	}
	long := slices.Concat([]run{{"claim: ", t.ExplainLabel}}, kinds,
		[]run{{fmt.Sprintf("  · check-worthiness %.2f", c.Checkworthiness), t.ExplainLabel}})
	if head := fieldLines(w, long...); len(head) == 1 {
		return head
	}
	return fieldLines(w, append([]run{{fmt.Sprintf("claim %.2f: ", c.Checkworthiness), t.ExplainLabel}}, kinds...)...)
}
