// Package panel is the reader's side panel: tabs of lists that point into
// the text (the outline, the links, the entities, the claims, the notes).
// Choosing an item makes a Jump to the span to show (TakeJump); choosing
// it again moves to its next mention.
package panel

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// Item is one entry of a list.
type Item struct {
	// Title is the entry's text; it is sanitised when drawn.
	Title string
	// Detail is drawn dimmed after the title, such as a count or a score.
	Detail string
	// Group starts a new heading when it differs from the previous item's;
	// GroupBrief, if set, is drawn instead where Group does not fit.
	Group, GroupBrief string
	// Class styles a swatch before the title (a theme class).
	Class  string
	Indent int
	// Spans are where the item points in the text; choosing the item again
	// moves to the next one.
	Spans []span.Span
	// ID identifies what the item stands for, such as a note.
	ID string
	// Sub is a second, dimmed line under the title, such as the start of
	// a note's text under its passage.
	Sub string
	// Tags are what the item can be filtered by (a claim's kinds, a note's
	// verdict, status and tags).
	Tags []string
}

// Jump asks the reader to show a span of the text, and the status bar to
// say Say. An item with no place in the text (an orphaned note) has an
// empty Span: it only says. The parent takes it with TakeJump right after
// Update: sent as a command, two quick enters' jumps could land in either
// order, and the bar said "mention 2 of 14" over mention 3.
type Jump struct {
	Span span.Span
	Say  string
}

// KeyMap is the panel's keys, taken from the app's key map.
type KeyMap struct {
	Next, Prev, Enter, Up, Down, PageDown, HalfDown, PageUp, HalfUp, Top, Bottom, Filter key.Binding
}

// NewKeyMap takes the panel's keys from the app's key map.
func NewKeyMap(k keys.KeyMap) KeyMap {
	return KeyMap{Next: k.Panel, Prev: k.PanelPrev, Enter: k.Enter, Up: k.Up, Down: k.Down,
		PageDown: k.PageDown, HalfDown: k.HalfDown, PageUp: k.PageUp, HalfUp: k.HalfUp, Top: k.Top, Bottom: k.Bottom,
		Filter: k.Filter}
}

type row struct {
	item         int // -1 for a group heading
	group, brief string
	// sub says the row is the item's second line.
	sub bool
}

type list struct {
	// all is the tab's items; items those the filter keeps.
	all     []Item
	filter  string
	items   []Item
	rows    []row
	cursor  int // item index
	offset  int // first row shown
	mention map[int]int
	// natural is how wide the widest item is drawn whole.
	natural int
	// stale says the source changed since items were built.
	stale bool
	// want is the item to put the cursor on when the list is next built,
	// if it is in it: one that was not there yet when asked for.
	want string
}

// Model is the side panel.
type Model struct {
	theme  *theme.Theme
	keys   KeyMap
	tabs   []Tab
	lists  []list
	src    Source
	active int
	width  int
	height int
	// jump is what the last Update chose, until the parent takes it.
	jump *Jump
}

// New returns a panel of tabs, with the app's keys and theme.
func New(tabs []Tab, th *theme.Theme, km keys.KeyMap) Model {
	m := Model{theme: th, keys: NewKeyMap(km), tabs: tabs, lists: make([]list, len(tabs))}
	for i := range m.lists {
		m.lists[i].stale = true
	}
	return m
}

// SetSource says what the tabs are built from; each tab rebuilds its list
// when next shown (Prepare).
func (m *Model) SetSource(src Source) {
	m.src = src
	for i := range m.lists {
		m.lists[i].stale = true
	}
}

// Prepare builds the list of the tab shown, if its source changed.
func (m *Model) Prepare() {
	l := &m.lists[m.active]
	if l.stale && m.src.Article != nil {
		m.setItems(m.active, m.tabs[m.active].Items(m.src))
	}
}

// SetTheme changes the panel's styles.
func (m *Model) SetTheme(th *theme.Theme) { m.theme = th }

// SetSize sets the panel's size, its border included.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Width returns the panel's width.
func (m Model) Width() int { return m.width }

// setItems replaces a tab's list, keeping the cursor on the item it was
// on (by ID: a note from another window may have come in above it, and
// D must not then delete its neighbour), else where it was.
func (m *Model) setItems(t int, items []Item) {
	l := &m.lists[t]
	was := ""
	if l.cursor < len(l.items) {
		was = l.items[l.cursor].ID
	}
	if l.want != "" {
		was, l.want = l.want, ""
	}
	l.stale = false
	for i := range items {
		items[i].Title, items[i].Sub = clipped(items[i].Title), clipped(items[i].Sub)
	}
	l.all = items
	l.items = items
	if l.filter != "" {
		l.items = slices.DeleteFunc(slices.Clone(items), func(it Item) bool { return !slices.Contains(it.Tags, l.filter) })
	}
	items = l.items
	l.natural = naturalWidth(items)
	l.rows = l.rows[:0]
	group := ""
	for i, it := range items {
		if it.Group != "" && (i == 0 || it.Group != group) {
			l.rows = append(l.rows, row{item: -1, group: it.Group, brief: it.GroupBrief})
		}
		group = it.Group
		l.rows = append(l.rows, row{item: i})
		if it.Sub != "" {
			l.rows = append(l.rows, row{item: i, sub: true})
		}
	}
	l.cursor = max(min(l.cursor, len(items)-1), 0)
	if i := slices.IndexFunc(items, func(it Item) bool { return it.ID == was }); was != "" && i >= 0 {
		l.cursor = i
	}
	l.mention = map[int]int{}
}

// filters returns the tags the shown tab's items can be filtered by: by
// the place they take in an item's tags (a note's verdict, then its
// status, then the tags written on it), each place's in the order they
// first appear. F so walks every verdict before any status, where it
// went back and forth between them note by note.
func (l list) filters() []string {
	var out []string
	place := map[string]int{}
	for _, it := range l.all {
		for i, t := range it.Tags {
			if p, ok := place[t]; !ok {
				out = append(out, t)
				place[t] = i
			} else {
				place[t] = min(p, i)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(place[a], place[b]) })
	return out
}

// nextFilter shows only the items with the next tag, then all again.
func (m *Model) nextFilter() {
	l := &m.lists[m.active]
	fs := l.filters()
	i := slices.Index(fs, l.filter) + 1
	l.filter = ""
	if i < len(fs) {
		l.filter = fs[i]
	}
	m.setItems(m.active, l.all)
}

// CanFilter reports whether the shown tab has anything to filter by.
func (m Model) CanFilter() bool { return len(m.lists[m.active].filters()) > 0 }

// SelectAt puts the cursor of the shown tab on its last item that starts
// at or before byte off of the text: in the outline, the section being
// read, so that the heading under the cursor is where the reader is.
func (m *Model) SelectAt(off int) {
	m.Prepare()
	l := &m.lists[m.active]
	for i, it := range l.items {
		if len(it.Spans) > 0 && it.Spans[0].Start <= off {
			l.cursor = i
		}
	}
}

// Filter returns the tag the shown tab is filtered by, "" for none.
func (m Model) Filter() string { return m.lists[m.active].filter }

// Active returns the name of the tab shown.
func (m Model) Active() string { return m.tabs[m.active].Name }

// Show shows the tab called name.
func (m *Model) Show(name string) {
	if i := slices.IndexFunc(m.tabs, func(t Tab) bool { return t.Name == name }); i >= 0 {
		m.active = i
	}
}

// SelectNext puts the cursor of the tab called name on the item id once
// the tab's list is next built: the item comes with the next source.
func (m *Model) SelectNext(name, id string) {
	if i := slices.IndexFunc(m.tabs, func(t Tab) bool { return t.Name == name }); i >= 0 {
		m.lists[i].want = id
	}
}

func (m *Model) turn(d int) { m.active = (m.active + d + len(m.tabs)) % len(m.tabs) }

// Selected returns the item under the cursor.
func (m Model) Selected() (Item, bool) {
	l := m.lists[m.active]
	if l.cursor < 0 || l.cursor >= len(l.items) {
		return Item{}, false
	}
	return l.items[l.cursor], true
}

// Update moves the cursor and chooses items.
func (m Model) Update(msg tea.Msg) Model {
	m.jump = nil
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m
	}
	l := &m.lists[m.active]
	page := max(m.height-4, 1)
	half := max(page/2, 1)
	k := m.keys
	switch {
	case key.Matches(kp, k.Enter):
		m.choose()
		return m
	case key.Matches(kp, k.Filter):
		m.nextFilter()
	case key.Matches(kp, k.Next):
		// A turn moves no cursor: each list keeps its place, and l is
		// the list turned from.
		m.turn(1)
		return m
	case key.Matches(kp, k.Prev):
		m.turn(-1)
		return m
	case key.Matches(kp, k.Up):
		l.cursor = max(l.cursor-1, 0)
	case key.Matches(kp, k.Down):
		l.cursor = min(l.cursor+1, len(l.items)-1)
	case key.Matches(kp, k.PageDown):
		l.cursor = min(l.cursor+page, len(l.items)-1)
	case key.Matches(kp, k.HalfDown):
		l.cursor = min(l.cursor+half, len(l.items)-1)
	case key.Matches(kp, k.PageUp):
		l.cursor = max(l.cursor-page, 0)
	case key.Matches(kp, k.HalfUp):
		l.cursor = max(l.cursor-half, 0)
	case key.Matches(kp, k.Top):
		l.cursor = 0
	case key.Matches(kp, k.Bottom):
		l.cursor = len(l.items) - 1
	}
	l.cursor = max(l.cursor, 0)
	l.offset = m.scrolled(m.bodyRows())
	return m
}

// Scroll moves the shown list's cursor n items down (up for n < 0), no
// further than its ends, as the wheel over the panel does.
func (m *Model) Scroll(n int) {
	l := &m.lists[m.active]
	l.cursor = max(min(l.cursor+n, len(l.items)-1), 0)
	l.offset = m.scrolled(m.bodyRows())
}

// TakeJump returns the jump the last Update chose, if any, and forgets it.
func (m *Model) TakeJump() (Jump, bool) {
	j := m.jump
	m.jump = nil
	if j == nil {
		return Jump{}, false
	}
	return *j, true
}

// choose jumps to the selected item's next mention.
func (m *Model) choose() {
	it, ok := m.Selected()
	if !ok {
		return
	}
	if len(it.Spans) == 0 {
		if say := m.say(it, 0); say != "" {
			m.jump = &Jump{Say: say}
		}
		return
	}
	l := &m.lists[m.active]
	n := l.mention[l.cursor]
	l.mention[l.cursor] = (n + 1) % len(it.Spans)
	m.jump = &Jump{Span: it.Spans[n], Say: m.say(it, n)}
}

// say is what the status bar says when mention n of it is shown.
func (m Model) say(it Item, n int) string {
	if say := m.tabs[m.active].Say; say != nil {
		return render.OneLine(say(m.src, it, n))
	}
	if len(it.Spans) < 2 {
		return ""
	}
	return fmt.Sprintf("%s: mention %d of %d (%s: next)", render.OneLine(it.Title), n+1, len(it.Spans), m.keys.Enter.Help().Key)
}

// View draws the panel: Height lines of Width columns, with a border on
// the left.
func (m Model) View() string {
	t := m.theme
	w := max(m.width-2, 1)
	lines := make([]string, 0, m.height)
	l := &m.lists[m.active]
	lines = append(lines, ansi.Truncate(m.tabBar(w), w, "…"), t.PanelDim.Render(m.filterLine(l.filter, w)))
	if len(l.items) == 0 {
		lines = append(lines, t.PanelDim.Render(render.Ellipsis(m.tabs[m.active].Empty(m.src), w)))
	} else {
		cur := m.cursorRow()
		for r := m.scrolled(m.bodyRows()); r < len(l.rows) && len(lines) < m.height; r++ {
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

// filterLine says what the list is filtered by, and the key to the next
// filter where that fits in w columns: in the panel beside 80 columns
// the hint was cut to "only unverified (F: nex…".
func (m Model) filterLine(filter string, w int) string {
	if filter == "" {
		return ""
	}
	only := "only " + render.OneLine(filter)
	if line := fmt.Sprintf("%s (%s: next)", only, m.keys.Filter.Help().Key); ansi.StringWidth(line) <= w {
		return line
	}
	return render.Ellipsis(only, w)
}

// tabBar is the row of tab names, in w columns: every tab when they fit,
// else the one shown, its place and the key to the next, or, narrower
// still, without the key, so that the count is not what is cut.
func (m Model) tabBar(w int) string {
	t := m.theme
	var tabs []string
	for i, tab := range m.tabs {
		if i == m.active {
			tabs = append(tabs, t.PanelTabActive.Render(tab.Name))
		} else {
			tabs = append(tabs, t.PanelTab.Render(tab.Name))
		}
	}
	bar := strings.Join(tabs, " ")
	for _, more := range []string{"  " + m.keys.Next.Help().Key + " ›", " ›"} {
		if ansi.StringWidth(bar) <= w {
			break
		}
		bar = t.PanelTabActive.Render(m.tabs[m.active].Name) +
			t.PanelDim.Render(fmt.Sprintf(" %d/%d%s", m.active+1, len(m.tabs), more))
	}
	return bar
}

// scrolled is the first row the list shows in body rows: where it was,
// moved as little as shows the cursor's item whole, and never an item's
// second line without its first.
func (m Model) scrolled(body int) int {
	l := m.lists[m.active]
	cur := m.cursorRow()
	off := min(l.offset, cur)
	if last := cur + m.subRows(cur); last >= off+body {
		off = last - body + 1
	}
	if off > 0 && off < len(l.rows) && l.rows[off].sub && off < cur {
		off++
	}
	return max(off, 0)
}

// bodyRows is how many rows the list has under the tabs and the filter.
func (m Model) bodyRows() int { return max(m.height-2, 1) }

// subRows is 1 when row r's item has a second line, else 0.
func (m Model) subRows(r int) int {
	rows := m.lists[m.active].rows
	if r+1 < len(rows) && rows[r+1].sub {
		return 1
	}
	return 0
}

func (m Model) cursorRow() int {
	l := m.lists[m.active]
	for r, rw := range l.rows {
		if rw.item == l.cursor && !rw.sub {
			return r
		}
	}
	return 0
}

func (m Model) rowView(l *list, r row, selected bool, w int) string {
	t := m.theme
	if r.item < 0 {
		heading := render.OneLine(r.group)
		if r.brief != "" && ansi.StringWidth(heading) > w {
			heading = render.OneLine(r.brief)
		}
		return t.PanelGroup.Render(render.Ellipsis(heading, w))
	}
	it := l.items[r.item]
	indent := strings.Repeat(" ", min(it.Indent*2, w/2))
	if r.sub {
		return render.Fit(indent+"  "+t.PanelDim.Render(render.Ellipsis(render.OneLine(it.Sub), max(w-len(indent)-2, 1))), w)
	}
	swatch := ""
	if it.Class != "" {
		swatch = t.Class(it.Class).Render("■") + " "
	}
	// The detail sits at the end of the widest row, not the panel's: in a
	// wide panel a short name and its count stay a glance apart.
	// The title keeps minTitle columns, or its own width when shorter: a
	// lone note on "212" cut its verdict to "no…" in a row of its own width.
	rw := min(w, l.natural)
	keep := min(minTitle, ansi.StringWidth(render.OneLine(it.Title)))
	detail := shortDetail(render.OneLine(it.Detail), rw-len(indent)-ansi.StringWidth(swatch)-1-keep)
	room := max(rw-len(indent)-ansi.StringWidth(swatch)-ansi.StringWidth(detail)-1, minTitle)
	title := render.Ellipsis(render.OneLine(it.Title), room)
	gap := max(rw-len(indent)-ansi.StringWidth(swatch)-ansi.StringWidth(title)-ansi.StringWidth(detail), 1)
	st := t.PanelItem
	if selected {
		st = t.PanelCursor
	}
	return render.Fit(indent+swatch+st.Render(title+strings.Repeat(" ", gap-1))+" "+t.PanelDim.Render(detail), w)
}

// maxTitleBytes is as much of an item's title or line beneath it as the
// panel keeps: far more than its widest row shows.
const maxTitleBytes = 1024

// clipped is s cut to maxTitleBytes, at a character's start, with "…"
// for what is left out. A claim that is one sentence of a megabyte was
// made one line and measured whole for every row on every frame: 77 ms a
// key with the claims panel open.
func clipped(s string) string {
	if len(s) <= maxTitleBytes {
		return s
	}
	return render.CutBytes(s, maxTitleBytes) + "…"
}

// naturalWidth is how wide the widest of items is drawn whole: its
// indent, swatch, title, a space and detail.
func naturalWidth(items []Item) int {
	w := 0
	for _, it := range items {
		n := it.Indent*2 + ansi.StringWidth(render.OneLine(it.Title)) + 1 + ansi.StringWidth(render.OneLine(it.Detail))
		if it.Class != "" {
			n += 2
		}
		w = max(w, n)
	}
	return w
}

// minTitle is the fewest columns a row's title keeps beside its detail.
const minTitle = 4

// shortDetail fits a row's detail in w columns by dropping whole words
// from its end: details lead with what matters most (the verdict before
// the note's status, before the claim's score), so a narrow panel shows
// "unverified" rather than "unverified · nee…" cut to "unveri".
func shortDetail(detail string, w int) string {
	if ansi.StringWidth(detail) <= w {
		return detail
	}
	words := strings.Fields(detail)
	for len(words) > 1 && ansi.StringWidth(strings.Join(words, " ")) > w {
		words = words[:len(words)-1]
		for len(words) > 1 && words[len(words)-1] == "·" {
			words = words[:len(words)-1]
		}
	}
	return ansi.Truncate(strings.Join(words, " "), max(w, 1), "…")
}
