// Package help is the reader's help screen: every key of the key map, in
// as many columns as the window has room for, and the legend of the
// layers' colours and marks. When it does not fit it scrolls.
package help

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// KeyMap is the help screen's keys, taken from the app's key map.
type KeyMap struct {
	Down, Up, PageDown, PageUp, Top, Bottom key.Binding
}

// NewKeyMap takes the help screen's keys from the app's key map.
func NewKeyMap(k keys.KeyMap) KeyMap {
	return KeyMap{Down: k.Down, Up: k.Up, PageDown: k.PageDown, PageUp: k.PageUp, Top: k.Top, Bottom: k.Bottom}
}

// LegendRow is one row of the legend: a label and its styled samples.
type LegendRow struct {
	Label string
	Items []string
}

// Model is the help screen.
type Model struct {
	keys   KeyMap
	theme  *theme.Theme
	groups []keys.Group
	// legend draws the legend in a theme. It is called only when the body
	// is laid out: built at every theme change, ui.New's included, it took
	// a third of New's time for a screen the reader may never show.
	legend func(*theme.Theme) []LegendRow
	width  int
	height int
	offset int // first line of the body shown
	// lines is the body laid out for width, nil until the screen is first
	// shown: laying out every key and the legend took a sixth of the CPU
	// before the reader's first screen, which never shows help.
	lines []string
}

// gap is the space between two columns of keys.
const gap = 3

// New returns the help screen for groups of bindings (one titled column
// each), with the legend that legend draws in a theme under them (none
// when legend is nil).
func New(km keys.KeyMap, th *theme.Theme, groups []keys.Group, legend func(*theme.Theme) []LegendRow) Model {
	return Model{keys: NewKeyMap(km), theme: th, groups: groups, legend: legend}
}

// SetTheme changes the screen's styles.
func (m *Model) SetTheme(th *theme.Theme) {
	m.theme = th
	m.relayout()
}

// SetSize sets the screen's size; View fills it exactly.
func (m *Model) SetSize(w, h int) {
	if w, h = max(w, 1), max(h, 1); w == m.width && h == m.height {
		return
	}
	if w != m.width {
		m.width = w
		m.relayout()
	}
	m.height = h
	m.offset = m.clamp(m.offset)
}

// relayout lays the body out again if it was laid out before.
func (m *Model) relayout() {
	if m.lines != nil {
		m.lines = m.body()
	}
}

// laidOut returns the body, laid out now if it was not yet.
func (m Model) laidOut() []string {
	if m.lines == nil {
		return m.body()
	}
	return m.lines
}

// Top scrolls back to the start, as when the screen opens, and lays the
// screen out if it was never shown.
func (m *Model) Top() {
	m.lines = m.laidOut()
	m.offset = 0
}

// ShowGroupOf scrolls to the group of keys that holds b, for help asked
// for over a screen of its own: from the review queue, help opened on the
// keys for moving, and the queue's own were three pages down at 40x12.
func (m *Model) ShowGroupOf(b key.Binding) {
	m.Top()
	for _, g := range m.groups {
		if !slices.ContainsFunc(g.Bindings, func(x key.Binding) bool { return x.Help() == b.Help() }) {
			continue
		}
		for i, l := range m.lines {
			if strings.Contains(ansi.Strip(l), g.Title) {
				m.offset = m.clamp(i)
				return
			}
		}
	}
}

// Update scrolls.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if w, ok := msg.(tea.MouseWheelMsg); ok {
		return m.wheel(w), nil
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	m.lines = m.laidOut()
	page := max(m.bodyHeight()-1, 1)
	k := m.keys
	switch {
	case key.Matches(kp, k.Down):
		m.offset++
	case key.Matches(kp, k.Up):
		m.offset--
	case key.Matches(kp, k.PageDown):
		m.offset += page
	case key.Matches(kp, k.PageUp):
		m.offset -= page
	case key.Matches(kp, k.Top):
		m.offset = 0
	case key.Matches(kp, k.Bottom):
		m.offset = len(m.lines)
	}
	m.offset = m.clamp(m.offset)
	return m, nil
}

// wheel scrolls the help as the wheel scrolls the text.
func (m Model) wheel(w tea.MouseWheelMsg) Model {
	m.lines = m.laidOut()
	m.offset = m.clamp(m.offset + keys.WheelStep(w))
	return m
}

// Percent is how far through the help the screen is, as the status bar
// shows it for the text: at 40x12 the keys and the legend take nine
// screens, and nothing said how many were left. It is 100 when the last
// line is on screen.
func (m Model) Percent() int {
	body := m.laidOut()
	last := len(body) - m.bodyHeight()
	if last <= 0 || m.offset >= last {
		return 100
	}
	return m.offset * 100 / len(body)
}

func (m Model) bodyHeight() int { return max(m.height-1, 0) }

func (m Model) clamp(off int) int {
	return max(min(off, len(m.lines)-m.bodyHeight()), 0)
}

// scrollHint says how to scroll the help in w columns: every key when
// they fit, else one key each, so "to scroll" is never what is cut.
func (m Model) scrollHint(w int) string {
	h := m.keys
	full := h.Down.Help().Key + " " + h.Up.Help().Key + " " + h.PageDown.Help().Key + " " + h.PageUp.Help().Key + " to scroll"
	if ansi.StringWidth(full)+2 <= w {
		return full
	}
	return first(h.Down) + " " + first(h.Up) + " " + first(h.PageDown) + " " + first(h.PageUp) + " to scroll"
}

// first is the first key of binding b, as its help would name it.
func first(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return b.Help().Key
}

// View draws the screen: a title line, then the part of the keys and the
// legend that fits, exactly the screen's size.
func (m Model) View() string {
	body := m.laidOut()
	title := m.theme.HelpTitle.Render("margin: keys")
	if len(body) > m.bodyHeight() {
		title += m.theme.PanelDim.Render("  " + m.scrollHint(m.width-1-ansi.StringWidth(title)))
	}
	lines := []string{render.Fit(" "+title, m.width)}
	for i := m.offset; i < len(body) && len(lines) < m.height; i++ {
		lines = append(lines, render.Fit(" "+body[i], m.width))
	}
	for len(lines) < m.height {
		lines = append(lines, render.Fit("", m.width))
	}
	return strings.Join(lines, "\n")
}

// body is every line under the title: the key columns, then the legend.
func (m Model) body() []string {
	w := max(m.width-1, 1)
	lines := []string{""}
	lines = append(lines, m.columns(w)...)
	if m.legend == nil {
		return lines
	}
	for _, row := range m.legend(m.theme) {
		lines = append(lines, "")
		lines = append(lines, m.legendRow(row, w)...)
	}
	return lines
}

// column is one group of bindings drawn as rows of "key  description".
type column struct {
	rows  []string
	width int
}

func (m Model) column(g keys.Group, w int) column {
	st := m.theme.Help
	kw := 0
	for _, b := range g.Bindings {
		kw = max(kw, ansi.StringWidth(b.Help().Key))
	}
	kw = min(kw, max(w/2-2, 1))
	title := ansi.Truncate(g.Title, w, "…")
	c := column{rows: []string{m.theme.HelpTitle.Render(title)}, width: ansi.StringWidth(title)}
	for _, b := range g.Bindings {
		h := b.Help()
		keyCell := st.FullKey.Render(render.Fit(h.Key, kw)) + "  "
		for _, part := range wrapWords(h.Desc, max(w-kw-2, 1)) {
			row := keyCell + st.FullDesc.Render(part)
			c.rows = append(c.rows, row)
			c.width = max(c.width, ansi.StringWidth(row))
			keyCell = strings.Repeat(" ", kw+2)
		}
	}
	return c
}

// wrapWords breaks s at spaces into lines of at most w columns; a word
// longer than w is cut.
func wrapWords(s string, w int) []string {
	var out []string
	cur := ""
	for _, word := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = word
		case ansi.StringWidth(cur)+1+ansi.StringWidth(word) <= w:
			cur += " " + word
		default:
			out = append(out, cur)
			cur = word
		}
	}
	out = append(out, cur)
	for i, l := range out {
		out[i] = ansi.Truncate(l, w, "…")
	}
	return out
}

// columns lays the groups out side by side, as many in a row as fit in w,
// starting a new row of columns when the next would not.
func (m Model) columns(w int) []string {
	var out []string
	var row []column
	used := 0
	flush := func() {
		out = append(out, joinColumns(row)...)
		row, used = nil, 0
	}
	for _, g := range m.groups {
		c := m.column(g, w)
		if len(row) > 0 && used+gap+c.width > w {
			flush()
			out = append(out, "")
		}
		if len(row) > 0 {
			used += gap
		}
		row = append(row, c)
		used += c.width
	}
	if len(row) > 0 {
		flush()
	}
	return out
}

func joinColumns(cs []column) []string {
	n := 0
	for _, c := range cs {
		n = max(n, len(c.rows))
	}
	out := make([]string, n)
	for i := range n {
		var b strings.Builder
		for j, c := range cs {
			cell := ""
			if i < len(c.rows) {
				cell = c.rows[i]
			}
			if j < len(cs)-1 {
				cell = render.Fit(cell, c.width+gap)
			}
			b.WriteString(cell)
		}
		out[i] = b.String()
	}
	return out
}

// legendRow flows a legend row's items over as many lines as w needs.
func (m Model) legendRow(r LegendRow, w int) []string {
	label := m.theme.HelpTitle.Render(r.Label)
	var out []string
	cur, cw := label, ansi.StringWidth(r.Label)
	for _, it := range r.Items {
		iw := ansi.StringWidth(it)
		if cw > ansi.StringWidth(r.Label) && cw+2+iw > w {
			out = append(out, cur)
			cur, cw = "  ", 2
		}
		cur += "  " + it
		cw += 2 + iw
	}
	return append(out, cur)
}
