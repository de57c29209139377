// Package panel is the reader's side panel: tabs of lists that point into
// the text (the outline, the links, the entities, the claims, the notes).
// Choosing an item sends a JumpMsg with the span to show; choosing it again
// moves to its next mention.
package panel

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// Tab is one list of the panel.
type Tab int

const (
	Outline Tab = iota
	Links
	Entities
	Claims
	Notes
	tabCount
)

var tabNames = [...]string{"Outline", "Links", "Entities", "Claims", "Notes"}

func (t Tab) String() string { return tabNames[t] }

// Item is one entry of a list.
type Item struct {
	// Title is the entry's text; it is sanitised when drawn.
	Title string
	// Detail is drawn dimmed after the title, such as a count or a score.
	Detail string
	// Group starts a new heading when it differs from the previous item's.
	Group string
	// Class styles a swatch before the title (a theme class).
	Class  string
	Indent int
	// Spans are where the item points in the text; choosing the item again
	// moves to the next one.
	Spans []span.Span
	// ID identifies what the item stands for, such as a note.
	ID string
}

// JumpMsg asks the reader to show a span of the text.
type JumpMsg struct {
	Tab  Tab
	Item Item
	// Mention is which of the item's spans to show.
	Mention int
}

type row struct {
	item  int // -1 for a group heading
	group string
}

type list struct {
	items   []Item
	rows    []row
	cursor  int // item index
	offset  int // first row shown
	mention map[int]int
	empty   string
}

// Model is the side panel.
type Model struct {
	theme  *theme.Theme
	keys   keys.KeyMap
	lists  [tabCount]list
	active Tab
	width  int
	height int
}

// New returns an empty panel.
func New(th *theme.Theme, km keys.KeyMap) Model {
	m := Model{theme: th, keys: km}
	for i := range m.lists {
		m.lists[i].empty = "nothing here"
	}
	return m
}

// SetTheme changes the panel's styles.
func (m *Model) SetTheme(th *theme.Theme) { m.theme = th }

// SetSize sets the panel's size, its border included.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Width returns the panel's width.
func (m Model) Width() int { return m.width }

// SetItems replaces a tab's list, keeping the cursor where it can.
func (m *Model) SetItems(t Tab, items []Item) {
	l := &m.lists[t]
	l.items = items
	l.rows = l.rows[:0]
	group := ""
	for i, it := range items {
		if it.Group != "" && (i == 0 || it.Group != group) {
			l.rows = append(l.rows, row{item: -1, group: it.Group})
		}
		group = it.Group
		l.rows = append(l.rows, row{item: i})
	}
	l.cursor = max(min(l.cursor, len(items)-1), 0)
	l.mention = map[int]int{}
}

// SetEmpty sets what a tab says when its list is empty.
func (m *Model) SetEmpty(t Tab, msg string) { m.lists[t].empty = msg }

// Active returns the tab shown.
func (m Model) Active() Tab { return m.active }

// SetActive shows tab t.
func (m *Model) SetActive(t Tab) { m.active = (t + tabCount) % tabCount }

// Selected returns the item under the cursor.
func (m Model) Selected() (Item, bool) {
	l := m.lists[m.active]
	if l.cursor < 0 || l.cursor >= len(l.items) {
		return Item{}, false
	}
	return l.items[l.cursor], true
}

// Update moves the cursor and chooses items.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	l := &m.lists[m.active]
	page := max(m.height-4, 1)
	k := m.keys
	switch {
	case key.Matches(kp, k.Enter):
		return m, m.choose()
	case key.Matches(kp, k.Panel):
		m.SetActive(m.active + 1)
	case key.Matches(kp, k.PanelPrev):
		m.SetActive(m.active - 1)
	case key.Matches(kp, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(kp, k.Down):
		l.cursor = min(l.cursor+1, len(l.items)-1)
	case key.Matches(kp, k.PageDown), key.Matches(kp, k.HalfDown):
		l.cursor = min(l.cursor+page, len(l.items)-1)
	case key.Matches(kp, k.PageUp):
		l.cursor = max(l.cursor-page, 0)
	case key.Matches(kp, k.Top):
		l.cursor = 0
	case key.Matches(kp, k.Bottom):
		l.cursor = len(l.items) - 1
	}
	l.cursor = max(l.cursor, 0)
	return m, nil
}

// choose jumps to the selected item's next mention.
func (m *Model) choose() tea.Cmd {
	it, ok := m.Selected()
	if !ok || len(it.Spans) == 0 {
		return nil
	}
	l := &m.lists[m.active]
	n := l.mention[l.cursor]
	l.mention[l.cursor] = (n + 1) % len(it.Spans)
	msg := JumpMsg{Tab: m.active, Item: it, Mention: n}
	return func() tea.Msg { return msg }
}

// View draws the panel: Height lines of Width columns, with a border on
// the left.
func (m Model) View() string {
	t := m.theme
	w := max(m.width-2, 1)
	lines := make([]string, 0, m.height)
	var tabs []string
	for i := range tabCount {
		name := tabNames[i]
		if i == m.active {
			tabs = append(tabs, t.PanelTabActive.Render(name))
		} else {
			tabs = append(tabs, t.PanelTab.Render(name))
		}
	}
	bar := strings.Join(tabs, " ")
	if ansi.StringWidth(bar) > w {
		bar = t.PanelTabActive.Render(tabNames[m.active]) +
			t.PanelDim.Render(fmt.Sprintf(" %d/%d  tab ›", m.active+1, tabCount))
	}
	lines = append(lines, ansi.Truncate(bar, w, "…"), "")
	l := &m.lists[m.active]
	body := max(m.height-len(lines), 1)
	if len(l.items) == 0 {
		lines = append(lines, t.PanelDim.Render(ansi.Truncate(l.empty, w, "…")))
	} else {
		cur := m.cursorRow()
		off := l.offset
		if cur < off {
			off = cur
		}
		if cur >= off+body {
			off = cur - body + 1
		}
		for r := off; r < len(l.rows) && len(lines) < m.height; r++ {
			lines = append(lines, m.rowView(l, l.rows[r], r == cur, w))
		}
	}
	var b strings.Builder
	border := t.PanelBorder.Render("│")
	for i := range m.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		s := ""
		if i < len(lines) {
			s = lines[i]
		}
		b.WriteString(render.Fit(border+" "+s, m.width))
	}
	return b.String()
}

func (m Model) cursorRow() int {
	l := m.lists[m.active]
	for r, rw := range l.rows {
		if rw.item == l.cursor {
			return r
		}
	}
	return 0
}

func (m Model) rowView(l *list, r row, selected bool, w int) string {
	t := m.theme
	if r.item < 0 {
		return t.PanelGroup.Render(ansi.Truncate(render.OneLine(r.group), w, "…"))
	}
	it := l.items[r.item]
	indent := strings.Repeat(" ", min(it.Indent*2, w/2))
	detail := render.OneLine(it.Detail)
	swatch := ""
	if it.Class != "" {
		swatch = t.Class(it.Class).Render("■") + " "
	}
	room := max(w-len(indent)-ansi.StringWidth(swatch)-ansi.StringWidth(detail)-1, 4)
	title := ansi.Truncate(render.OneLine(it.Title), room, "…")
	gap := max(w-len(indent)-ansi.StringWidth(swatch)-ansi.StringWidth(title)-ansi.StringWidth(detail), 1)
	st := t.PanelItem
	if selected {
		st = t.PanelCursor
	}
	return render.Fit(indent+swatch+st.Render(title+strings.Repeat(" ", gap-1))+" "+t.PanelDim.Render(detail), w)
}
