// Package pager is the reading pane: it shows the lines of a render.Layout
// from a scroll position, with the focus marked in the margin, and scrolls
// the way less does.
//
// The scroll position is a render.Pos (a unit and a line within it), so
// scrolling, jumping and drawing wrap only what is on screen. A resize
// keeps the text offset at the top of the pane in view.
package pager

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/render"
)

// KeyMap is the pane's scrolling keys, taken from the app's key map.
type KeyMap struct {
	Down, Up, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding
}

// NewKeyMap takes the pane's keys from the app's key map.
func NewKeyMap(k keys.KeyMap) KeyMap {
	return KeyMap{Down: k.Down, Up: k.Up, PageDown: k.PageDown, PageUp: k.PageUp,
		HalfDown: k.HalfDown, HalfUp: k.HalfUp, Top: k.Top, Bottom: k.Bottom}
}

// Margins is the least blank space beside the text column, both sides
// together: the focus bar and a gap on the left, a gap on the right.
const Margins = 4

// DefaultMaxWidth is the widest the text column gets unless told otherwise.
const DefaultMaxWidth = 80

// NarrowColumn centres a text column in w columns as the reader does, at
// most maxWidth wide (0: DefaultMaxWidth), for the views that stand with
// the text (the review queue, the notes that need attention). A narrow
// window keeps a margin of one, not the reader's two: there a claim or a
// passage must be read whole.
func NarrowColumn(maxWidth, w int) (margin, width int) {
	if maxWidth <= 0 {
		maxWidth = DefaultMaxWidth
	}
	width = max(min(maxWidth, w-2), 1)
	return max((w-width)/2, 1), width
}

// Model is the reading pane.
type Model struct {
	lay     *render.Layout
	painter render.Painter
	keys    KeyMap
	layers  []*render.Layer
	gutter  span.Span

	width, height int
	// MaxWidth bounds the text column.
	maxWidth int
	top      render.Pos
	maxTop   render.Pos
}

// New returns a pane showing lay.
func New(lay *render.Layout, painter render.Painter, km KeyMap) Model {
	return Model{lay: lay, painter: painter, keys: km, maxWidth: DefaultMaxWidth, gutter: span.Span{Start: -1, End: -1}}
}

// SetMaxWidth bounds the text column to w columns (0: the default).
func (m *Model) SetMaxWidth(w int) {
	if w <= 0 {
		w = DefaultMaxWidth
	}
	if m.width == 0 {
		m.maxWidth = w
		return
	}
	off := m.TopOffset()
	m.maxWidth = w
	m.relayout(off)
}

// SetSize sets the pane's size; the line at the top stays at the top.
func (m *Model) SetSize(w, h int) {
	if w == m.width && h == m.height {
		return
	}
	off := m.TopOffset()
	atTop := m.top == render.Pos{} || m.width == 0
	m.width, m.height = max(w, 1), max(h, 1)
	if atTop {
		m.relayout(-1)
		return
	}
	m.relayout(off)
}

// SetLayout replaces the layout, as after a reload, and shows byte off of
// its text at the top (-1: the start).
func (m *Model) SetLayout(lay *render.Layout, off int) {
	m.lay = lay
	m.relayout(off)
}

func (m *Model) relayout(off int) {
	w := m.TextWidth()
	m.maxTop, _ = m.lay.Up(m.lay.Last(w), m.height-1, w)
	if off < 0 {
		m.top = render.Pos{}
		return
	}
	m.setTop(m.lay.PosOf(off, w))
}

func (m *Model) setTop(p render.Pos) {
	if m.maxTop.Less(p) {
		p = m.maxTop
	}
	m.top = m.lay.Clamp(p, m.TextWidth())
}

// SetPainter changes how lines are drawn, as when the theme changes.
func (m *Model) SetPainter(p render.Painter) { m.painter = p }

// SetLayers sets the span layers drawn over the text, lowest first.
func (m *Model) SetLayers(layers ...*render.Layer) { m.layers = layers }

// SetGutter marks the lines showing s in the margin (the focus).
func (m *Model) SetGutter(s span.Span) { m.gutter = s }

// Layout returns the layout shown.
func (m Model) Layout() *render.Layout { return m.lay }

// Width and Height return the pane's size.
func (m Model) Width() int  { return m.width }
func (m Model) Height() int { return m.height }

// TextWidth is the width of the text column.
func (m Model) TextWidth() int {
	_, tw := m.TextColumn(m.width)
	return tw
}

// margin is the blank space left of the text column; the text is centred.
func (m Model) margin() int {
	mg, _ := m.TextColumn(m.width)
	return mg
}

// TextColumn is where the text column starts (the blank margin before it)
// and how wide it is in a pane w columns wide, for what is drawn in line
// with the text.
func (m Model) TextColumn(w int) (margin, width int) {
	width = max(min(m.maxWidth, w-Margins), 8)
	return max((w-width)/2, 2), width
}

// Top returns the scroll position.
func (m Model) Top() render.Pos { return m.top }

// TopOffset returns the text offset of the line at the top.
func (m Model) TopOffset() int {
	if m.lay == nil || m.width == 0 {
		return 0
	}
	return m.lay.Offset(m.top, m.TextWidth())
}

// AtBottom reports whether the last line is on screen.
func (m Model) AtBottom() bool { return !m.top.Less(m.maxTop) }

// Percent is how far through the text the top line is.
func (m Model) Percent() int {
	n := len(m.lay.Text())
	if m.AtBottom() || n == 0 {
		return 100
	}
	return m.TopOffset() * 100 / n
}

// ScrollDown moves n lines down.
func (m *Model) ScrollDown(n int) {
	p, _ := m.lay.Down(m.top, n, m.TextWidth())
	m.setTop(p)
}

// ScrollUp moves n lines up.
func (m *Model) ScrollUp(n int) {
	m.top, _ = m.lay.Up(m.top, n, m.TextWidth())
}

// GotoTop shows the start.
func (m *Model) GotoTop() { m.top = render.Pos{} }

// GotoBottom shows the end.
func (m *Model) GotoBottom() { m.top = m.maxTop }

// VisibleRange returns the text bytes of the lines on screen.
func (m Model) VisibleRange() span.Span {
	w := m.TextWidth()
	first := m.lay.Offset(m.top, w)
	p := m.top
	end := first
	for range m.height {
		end = max(end, m.lay.Line(p, w).End)
		next, moved := m.lay.Down(p, 1, w)
		if moved == 0 {
			end = len(m.lay.Text())
			break
		}
		p = next
	}
	return span.Span{Start: first, End: end}
}

// Visible reports whether byte off is on screen.
func (m Model) Visible(off int) bool {
	r := m.VisibleRange()
	return off >= r.Start && off < r.End || off == r.End && r.End == len(m.lay.Text())
}

// Show scrolls so that s is on screen: if its start is not, the line
// holding it goes a third of the way down the pane.
func (m *Model) Show(s span.Span) {
	if m.Visible(s.Start) {
		return
	}
	w := m.TextWidth()
	p, _ := m.lay.Up(m.lay.PosOf(s.Start, w), m.height/3, w)
	m.setTop(p)
}

// Reveal scrolls as Show does and then, while the last line of s is
// below the pane, down a line at a time until it is in view or the first
// line of s is at the top: a passage that fits is seen whole.
func (m *Model) Reveal(s span.Span) {
	m.Show(s)
	w := m.TextWidth()
	first := m.lay.Clamp(m.lay.PosOf(s.Start, w), w)
	for s.End > s.Start && m.top.Less(first) && !m.Visible(s.End-1) {
		before := m.top
		m.ScrollDown(1)
		if m.top == before {
			return
		}
	}
}

// Rows counts the pane's rows that hold text: fewer than its height when
// the text ends on screen.
func (m Model) Rows() int {
	w, p := m.TextWidth(), m.top
	for row := range m.height {
		next, moved := m.lay.Down(p, 1, w)
		if moved == 0 {
			return row + 1
		}
		p = next
	}
	return m.height
}

// Handles reports whether msg is one of the pane's scrolling keys.
func (m Model) Handles(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom)
}

// Update scrolls on the pane's keys and the mouse wheel.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.Down):
			m.ScrollDown(1)
		case key.Matches(msg, k.Up):
			m.ScrollUp(1)
		case key.Matches(msg, k.PageDown):
			m.ScrollDown(max(m.height-1, 1))
		case key.Matches(msg, k.PageUp):
			m.ScrollUp(max(m.height-1, 1))
		case key.Matches(msg, k.HalfDown):
			m.ScrollDown(max(m.height/2, 1))
		case key.Matches(msg, k.HalfUp):
			m.ScrollUp(max(m.height/2, 1))
		case key.Matches(msg, k.Top):
			m.GotoTop()
		case key.Matches(msg, k.Bottom):
			m.GotoBottom()
		}
	case tea.MouseWheelMsg:
		if n := keys.WheelStep(msg); n > 0 {
			m.ScrollDown(n)
		} else if n < 0 {
			m.ScrollUp(-n)
		}
	}
	return m, nil
}

// OffsetAt is the text offset drawn at column x of row y of the pane,
// for a click there; -1 where no text is drawn.
func (m Model) OffsetAt(x, y int) int {
	if m.lay == nil || y < 0 || y >= m.height {
		return -1
	}
	w := m.TextWidth()
	p, moved := m.lay.Down(m.top, y, w)
	if moved < y {
		return -1
	}
	return m.lay.Line(p, w).OffsetAt(m.lay.Text(), x-m.margin())
}

// View draws the pane: exactly Height lines, each Width columns wide.
func (m Model) View() string {
	if m.lay == nil || m.width == 0 {
		return ""
	}
	var b strings.Builder
	w := m.TextWidth()
	margin := m.margin()
	text := m.lay.Text()
	gutter := m.painter.Theme.FocusGutter.Render("▌")
	p, done := m.top, false
	for row := range m.height {
		if row > 0 {
			b.WriteByte('\n')
		}
		if done {
			b.WriteString(strings.Repeat(" ", m.width))
			continue
		}
		ln := m.lay.Line(p, w)
		if ln.End > ln.Start && ln.Start < m.gutter.End && m.gutter.Start < ln.End {
			b.WriteString(strings.Repeat(" ", margin-2))
			b.WriteString(gutter)
			b.WriteByte(' ')
		} else {
			b.WriteString(strings.Repeat(" ", margin))
		}
		lw := ln.Width(text)
		if lw > m.width-margin {
			var lb strings.Builder
			m.painter.Draw(&lb, text, ln, m.layers)
			b.WriteString(ansi.Truncate(lb.String(), m.width-margin, "…"))
			lw = m.width - margin
		} else {
			m.painter.Draw(&b, text, ln, m.layers)
		}
		b.WriteString(strings.Repeat(" ", max(m.width-margin-lw, 0)))
		next, moved := m.lay.Down(p, 1, w)
		done = moved == 0
		p = next
	}
	return b.String()
}
