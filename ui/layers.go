package ui

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/help"
	"github.com/margin-reader/margin/ui/panel"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// setAnalysis takes in the analysis layers when they arrive, unless the
// article changed meanwhile.
func (m *Model) setAnalysis(msg analysisMsg) {
	if msg.gen != m.analysisGen || msg.hash != m.art.Hash {
		return
	}
	if m.cancelAnalysis != nil {
		m.cancelAnalysis()
	}
	if msg.err != nil {
		m.status.SetError("analysis: " + msg.err.Error())
		m.panel.SetEmpty(panel.Entities, "analysis failed")
		m.panel.SetEmpty(panel.Claims, "analysis failed")
		return
	}
	an := msg.an
	m.analysis = an
	m.entitySpans = spansOf(an.Entities, func(e entity.Entity) span.Span { return e.Span })
	m.claimSpans = spansOf(an.Claims, func(c claim.Claim) span.Span { return c.Span })
	marks := make([]render.Mark, 0, len(an.Entities))
	for _, e := range an.Entities {
		marks = append(marks, render.Mark{Span: e.Span, Class: theme.EntityClass(e.Label)})
	}
	m.entityLayer = render.NewLayer(marks)
	marks = make([]render.Mark, 0, len(an.Claims))
	for _, c := range an.Claims {
		if len(c.Kinds) > 0 {
			marks = append(marks, render.Mark{Span: c.Span, Class: theme.ClaimClass(c.Kinds[0])})
		}
	}
	m.claimLayer = render.NewLayer(marks)
	m.panel.SetEmpty(panel.Entities, "no entities found")
	m.panel.SetEmpty(panel.Claims, "no contested claims found")
	m.panel.SetItems(panel.Entities, entityItems(m.art.Text, an.Entities))
	m.panel.SetItems(panel.Claims, claimItems(m.art.Text, an.Claims))
}

// entityItems groups the mentions by label and by text, most mentioned
// first.
func entityItems(text string, ents []entity.Entity) []panel.Item {
	type group struct {
		name  string
		spans []span.Span
	}
	byLabel := map[entity.Label][]*group{}
	index := map[string]*group{}
	mentions := map[entity.Label]int{}
	for _, e := range ents {
		name := render.OneLine(e.In(text))
		k := string(e.Label) + "\x00" + strings.ToLower(name)
		g := index[k]
		if g == nil {
			g = &group{name: name}
			index[k] = g
			byLabel[e.Label] = append(byLabel[e.Label], g)
		}
		g.spans = append(g.spans, e.Span)
		mentions[e.Label]++
	}
	var items []panel.Item
	for _, term := range vocab.EntityLabels() {
		l := entity.Label(term.Value)
		gs := byLabel[l]
		sort.SliceStable(gs, func(i, j int) bool { return len(gs[i].spans) > len(gs[j].spans) })
		heading := fmt.Sprintf("%s · %d", term.Name, mentions[l])
		for _, g := range gs {
			items = append(items, panel.Item{
				Title: g.name, Detail: fmt.Sprintf("×%d", len(g.spans)), Group: heading,
				Class: theme.EntityClass(l), Spans: g.spans,
			})
		}
	}
	return items
}

// claimItems lists the claims, most worth checking first.
func claimItems(text string, claims []claim.Claim) []panel.Item {
	order := make([]int, len(claims))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return claims[order[a]].Checkworthiness > claims[order[b]].Checkworthiness
	})
	items := make([]panel.Item, 0, len(claims))
	for _, i := range order {
		c := claims[i]
		items = append(items, panel.Item{
			Title:  render.OneLine(c.In(text)),
			Detail: fmt.Sprintf("%.2f", c.Checkworthiness),
			Spans:  []span.Span{c.Span},
		})
	}
	return items
}

// fillStructure fills the outline and links tabs the first time the panel
// opens, so a long article does not pay for them at start.
func (m *Model) fillStructure() {
	if m.structure {
		return
	}
	m.structure = true
	d := m.art.Doc
	var outline []panel.Item
	for _, b := range d.Blocks {
		if b.Kind == doc.Heading {
			outline = append(outline, panel.Item{Title: b.In(d.Text), Indent: max(b.Level-1, 0), Spans: []span.Span{b.Span}})
		}
	}
	var links []panel.Item
	for _, in := range d.Inlines {
		if in.Kind == doc.Link {
			links = append(links, panel.Item{Title: in.In(d.Text), Detail: hostOf(in.URL), Spans: []span.Span{in.Span}, ID: in.URL})
		}
	}
	m.panel.SetEmpty(panel.Outline, "no headings")
	m.panel.SetEmpty(panel.Links, "no links")
	m.panel.SetItems(panel.Outline, outline)
	m.panel.SetItems(panel.Links, links)
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return render.OneLine(u)
	}
	return p.Host
}

func (m *Model) jumpFromPanel(msg panel.JumpMsg) {
	if msg.Mention >= len(msg.Item.Spans) {
		return
	}
	s := msg.Item.Spans[msg.Mention]
	m.goTo(s)
	if n := len(msg.Item.Spans); n > 1 {
		m.status.SetMessage(fmt.Sprintf("%s: mention %d of %d (enter: next)", render.OneLine(msg.Item.Title), msg.Mention+1, n))
	}
	if msg.Tab == panel.Links {
		m.status.SetMessage(render.OneLine(msg.Item.ID))
	}
}

// jumpEntity moves to the next (d > 0) or previous entity.
func (m *Model) jumpEntity(d int) {
	if m.analysis == nil || len(m.analysis.Entities) == 0 {
		m.status.SetMessage(m.noAnalysis("entities"))
		return
	}
	ents := m.analysis.Entities
	i := m.step(m.entitySpans, d)
	e := ents[i]
	m.goTo(e.Span)
	m.status.SetMessage(fmt.Sprintf("%s %s (%d/%d)", e.Label, render.OneLine(e.In(m.art.Text)), i+1, len(ents)))
}

// jumpClaim moves to the next (d > 0) or previous claim.
func (m *Model) jumpClaim(d int) {
	if m.analysis == nil || len(m.analysis.Claims) == 0 {
		m.status.SetMessage(m.noAnalysis("claims"))
		return
	}
	cs := m.analysis.Claims
	i := m.step(m.claimSpans, d)
	m.goTo(cs[i].Span)
	m.target = noSpan
	m.status.SetMessage(fmt.Sprintf("claim %d/%d", i+1, len(cs)))
}

func (m Model) noAnalysis(what string) string {
	switch {
	case m.opts.Analyze == nil:
		return "no analysis in this build"
	case m.analysis == nil:
		return "still analysing…"
	}
	return "no " + what + " found"
}

// step returns the index of the span after (d > 0) or before the cursor,
// wrapping around.
func (m Model) step(spans []span.Span, d int) int {
	off := m.cursorOffset()
	if d > 0 {
		onJump := m.at >= 0 && off == m.at
		i := sort.Search(len(spans), func(i int) bool {
			return spans[i].Start > off || !onJump && spans[i].Start == off
		})
		return i % len(spans)
	}
	i := sort.Search(len(spans), func(i int) bool { return spans[i].Start >= off }) - 1
	return (i + len(spans)) % len(spans)
}

// focusedClaim returns the claim in the focused sentence.
func (m Model) focusedClaim() (claim.Claim, bool) {
	s, ok := m.focusSpan()
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

// explainLines says why the focused claim is contested: its kinds, its cue
// words, who it is attributed to and how worth checking it is.
func (m Model) explainLines() []string {
	if !m.showClaims || m.showHelp {
		return nil
	}
	c, ok := m.focusedClaim()
	if !ok || !c.Overlaps(m.pager.VisibleRange()) {
		return nil
	}
	t := m.theme
	text := m.art.Text
	var kinds []string
	for _, k := range c.Kinds {
		kinds = append(kinds, t.Claim(k).Render(string(k)))
	}
	lines := []string{t.ExplainLabel.Render("claim: ") + strings.Join(kinds, ", ") +
		t.ExplainLabel.Render(fmt.Sprintf("  · check-worthiness %.2f", c.Checkworthiness))}
	if len(c.Cues) > 0 {
		var cues []string
		for _, cue := range c.Cues {
			cues = append(cues, t.Cue.Render("“"+render.OneLine(cue.In(text))+"”"))
		}
		lines = append(lines, t.ExplainLabel.Render("cues: ")+strings.Join(cues, " "))
	}
	if c.Source != nil {
		src := t.Explain.Render(render.OneLine(c.Source.In(text)))
		if !c.Source.Resolved.Empty() {
			src += t.ExplainLabel.Render(" = ") + t.Explain.Render(render.OneLine(c.Source.Resolved.In(text)))
		}
		if c.Source.Vague {
			src += t.ExplainLabel.Render(" (names no one)")
		}
		if c.Source.Via != "" {
			src += t.ExplainLabel.Render(" via ") + t.Explain.Render(render.OneLine(c.Source.Via))
		}
		lines = append(lines, t.ExplainLabel.Render("source: ")+src)
	}
	return lines
}

func (m Model) explainView() string {
	lines := make([]string, len(m.explain))
	for i, l := range m.explain {
		lines[i] = render.Fit(" "+l, m.width)
	}
	return strings.Join(lines, "\n")
}

// legend shows the colours and marks of the layers, for the help screen.
func (m Model) legend() []help.LegendRow {
	t := m.theme
	var ents, claims, verdicts []string
	for _, l := range vocab.EntityLabels() {
		ents = append(ents, t.Entity(entity.Label(l.Value)).Render(l.Name))
	}
	for _, k := range vocab.ClaimKinds() {
		claims = append(claims, t.Claim(claim.Kind(k.Value)).Render(k.Name))
	}
	for _, v := range vocab.Verdicts() {
		if v.Value != vocab.NoVerdict {
			verdicts = append(verdicts, t.Verdict(v.Value).Render(v.Name))
		}
	}
	return []help.LegendRow{{Label: "entities", Items: ents}, {Label: "claims", Items: claims}, {Label: "notes", Items: verdicts}}
}

// spansOf lists the spans of a layer's items, in order.
func spansOf[T any](items []T, at func(T) span.Span) []span.Span {
	out := make([]span.Span, len(items))
	for i, it := range items {
		out[i] = at(it)
	}
	return out
}
