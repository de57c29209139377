package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/reader"
	"github.com/margin-reader/margin/ui/render"
)

// minParagraph is the fewest lines of the paragraph worth blank lines
// around it: below it, the blank lines go first.
const minParagraph = 3

// View draws the claim shown: a heading, its paragraph with the claim
// picked out, why it was flagged, its verdict and the keys. It is exactly
// the queue's size; the paragraph gives way first, keeping the claim's
// lines in view, then the blank lines, then the keys (the help screen
// lists them too) if the claim would not be read whole without them.
func (m Model) View() string {
	c, ok := m.Current()
	if !ok {
		return m.fit([]string{m.theme.Title.Render("Review"), "", m.theme.Explain.Render("no flagged claims to review"), "",
			m.theme.ExplainLabel.Render(m.keys.Close.Help().Key + " back to the text")})
	}
	l := m.lay(c)
	return m.fit(slices.Concat(l.head, m.cut(c, l.para, l.first+m.scroll, l.room), l.about, l.keys))
}

// layout is the queue's screen for one claim: what goes above and below
// the paragraph, the paragraph's lines (styled only when shown: a
// paragraph of a megabyte is thousands of them), the first the claim is
// on, and how many of them there is room for.
type layout struct {
	head, about, keys []string
	para              []span.Span
	first, room       int
}

// lay fits the parts of the screen for claim c to the queue's height.
func (m Model) lay(c claim.Claim) layout {
	l := layout{head: []string{m.heading(), ""}}
	l.about = append([]string{""}, reader.ClaimLines(m.theme, m.art.Text, c, m.column)...)
	l.about = append(append(l.about, m.verdictLine(c)), m.noteLines(c)...)
	l.keys = append([]string{""}, m.hints()...)
	if m.height-len(l.head)-len(l.about)-len(l.keys) < minParagraph {
		l.head, l.about, l.keys = l.head[:1], slices.DeleteFunc(l.about, func(s string) bool { return s == "" }), l.keys[1:]
	}
	var last int
	l.para, l.first, last = m.paragraph(c, m.column)
	if len(l.para) > m.height-len(l.head)-len(l.about)-len(l.keys) {
		// The paragraph will be cut, and the "… " that says so takes two
		// columns of the lines it starts and ends: wrapped to the full
		// column, they lost their last words to it, "nearly 600" shown as
		// "nearly 6".
		l.para, l.first, last = m.paragraph(c, max(m.column-ellipsisWidth, 1))
	}
	if m.height-len(l.head)-len(l.about)-len(l.keys) < last-l.first {
		l.keys = nil
	}
	l.room = max(m.height-len(l.head)-len(l.about)-len(l.keys), 1)
	return l
}

// scrollBy scrolls the paragraph d lines, no further than its ends; one
// that fits does not scroll.
func (m *Model) scrollBy(c claim.Claim, d int) {
	l := m.lay(c)
	if len(l.para) <= l.room {
		m.scroll = 0
		return
	}
	m.scroll = max(min(m.scroll+d, len(l.para)-l.room-l.first), -l.first)
}

func (m Model) heading() string {
	order := "most worth checking first"
	if !m.byScore {
		order = "article order"
	}
	c, _ := m.Current()
	title := []string{"Review", fmt.Sprintf("claim %d of %d", m.pos+1, len(m.order)), fmt.Sprintf("¶%d", paragraphNumber(m.art.Doc.Blocks, c.Span))}
	about := []string{order}
	if m.seen[c.Span] {
		about = append(about, "seen")
	}
	about = append(about, m.Progress())
	// The fields that fit whole, in the width fit leaves a line.
	n := render.Fields(slices.Concat(title, about), headSep, m.width-max(m.margin-1, 0)-1)
	head := m.theme.Title.Render(strings.Join(title[:min(n, len(title))], headSep))
	if n > len(title) {
		head += m.theme.ExplainLabel.Render(headSep + strings.Join(about[:n-len(title)], headSep))
	}
	return head
}

// headSep separates the fields of the heading.
const headSep = " · "

func (m Model) verdictLine(c claim.Claim) string {
	t := m.theme
	v, ok := m.verdicts[c.Span]
	if !ok {
		return t.ExplainLabel.Render("verdict: ") + t.Explain.Render("none yet")
	}
	return t.ExplainLabel.Render("verdict: ") + t.Verdict(v).Render(vocab.Name(vocab.Verdicts(), v))
}

// noteRows is the most lines the text of a note on the claim takes: the
// start of it says which note it is, and the paragraph keeps its room.
const noteRows = 2

// noteLines is the start of the text of the note on c, so that a note
// written in the queue is seen on coming back to its claim (N); the
// queue showed its verdict alone.
func (m Model) noteLines(c claim.Claim) []string {
	text, ok := m.texts[c.Span]
	if !ok {
		return nil
	}
	t := m.theme
	const label = "note: "
	text = render.OneLine(text)
	w := max(m.column-len(label), 1)
	var lines []string
	for i, l := range render.Wrap(text, span.Span{End: len(text)}, w) {
		line := l.In(text)
		if i == noteRows-1 && l.End < len(text) {
			line = render.CutWords(line, max(w-1, 1)) + "…"
		}
		prefix := t.ExplainLabel.Render(label)
		if i > 0 {
			prefix = strings.Repeat(" ", len(label))
		}
		if lines = append(lines, prefix+t.Explain.Render(line)); len(lines) == noteRows {
			break
		}
	}
	return lines
}

// hints names the queue's keys from the key map, the verdicts by number,
// in as many lines as the width needs; j/k scroll a paragraph cut short.
func (m Model) hints() []string {
	var vs []string
	for i, v := range vocab.Verdicts()[:len(vocab.Verdicts())-1] {
		vs = append(vs, fmt.Sprintf("%d %s", i+1, v.Name))
	}
	k := m.keys
	parts := append(vs, k.Annotate.Help().Key+" note", k.Skip.Help().Key+" skip", k.Back.Help().Key+" back",
		k.Order.Help().Key+" order", k.Close.Help().Key+" close", k.Down.Keys()[0]+"/"+k.Up.Keys()[0]+" scroll")
	lines := render.Hints(parts, m.column)
	for i, l := range lines {
		lines[i] = m.theme.ExplainLabel.Render(l)
	}
	return lines
}

// ellipsisWidth is the width of the "… " (or " …") that starts (or ends)
// a paragraph's line when lines are left out before (or after) it.
const ellipsisWidth = 2

// paragraph wraps the claim's paragraph in w columns and says which
// lines the claim is on, [first, last).
func (m Model) paragraph(c claim.Claim, w int) (lines []span.Span, first, last int) {
	p := paragraphOf(m.art.Doc.Blocks, c.Span)
	if p.Empty() {
		p = c.Span
	}
	lines = render.Wrap(m.art.Text, p, w)
	first = -1
	for i, l := range lines {
		if l.Overlaps(c.Span) {
			if first < 0 {
				first = i
			}
			last = i + 1
		}
	}
	return lines, max(first, 0), max(last, first, 0)
}

// styled draws line l of the paragraph, the claim c's words in the
// target style.
func (m Model) styled(c claim.Claim, l span.Span) string {
	text := m.art.Text
	in := span.Span{Start: min(max(c.Start, l.Start), l.End), End: max(min(c.End, l.End), l.Start)}
	return m.theme.ExplainLabel.Render(render.Sanitize(text[l.Start:in.Start])) +
		m.theme.Target.Render(render.Sanitize(text[in.Start:in.End])) +
		m.theme.ExplainLabel.Render(render.Sanitize(text[in.End:l.End]))
}

// cut draws room of lines from line start on (fewer if that would leave
// rows empty) and says where lines were left out: "…" starts the first
// line shown when there are lines above it, and ends the last when there
// are lines below. Lines to be cut were wrapped ellipsisWidth narrower,
// so a mark pushes no word out; a line a row high takes both, a word
// fewer (render.Marked), where the second ran past the column and the
// screen's edge cut it to "that…".
func (m Model) cut(c claim.Claim, lines []span.Span, start, room int) []string {
	if len(lines) <= room {
		start, room = 0, len(lines)
	}
	start = max(min(start, len(lines)-room), 0)
	shown := make([]string, 0, room)
	for _, l := range lines[start : start+room] {
		shown = append(shown, m.styled(c, l))
	}
	if len(lines) == len(shown) {
		return shown
	}
	render.MarkEnds(shown, m.column, start > 0, start+room < len(lines), m.theme.ExplainLabel)
	return shown
}

// paragraphOf returns the smallest block holding s's start.
func paragraphOf(blocks []doc.Block, s span.Span) span.Span {
	best := span.Span{}
	for _, b := range blocks {
		if b.Span.Contains(s.Start) && (best.Empty() || b.Span.Len() < best.Len()) {
			best = b.Span
		}
	}
	return best
}

// paragraphNumber counts the blocks up to the one holding s's start, so
// the queue can say where in the article the claim is.
func paragraphNumber(blocks []doc.Block, s span.Span) int {
	n := 0
	for _, b := range blocks {
		if b.Start > s.Start {
			break
		}
		n++
	}
	return n
}

// fit draws lines in the text column, centred as the reader's text is,
// and fills the queue's size.
func (m Model) fit(lines []string) string {
	pad := strings.Repeat(" ", max(m.margin-1, 0))
	for i, l := range lines {
		lines[i] = pad + l
	}
	return render.Box(lines, m.width, m.height)
}
