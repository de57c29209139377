package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/search"
)

// reload reads the article again, and reopens its notes on the new text.
func (m Model) reload() tea.Cmd {
	f, ctx, st, opts := m.opts.Reload, m.ctx, m.store, m.opts.NotesOptions
	return func() tea.Msg {
		a, err := f(ctx)
		if err != nil || st == nil {
			return reloadedMsg{a: a, err: err}
		}
		b, err := annotate.Open(a, opts)
		if err != nil {
			return reloadedMsg{a: a, notesErr: err}
		}
		st.replace(b)
		return reloadedMsg{a: a, notes: b.Notes()}
	}
}

// reloaded swaps in the article read again from disk, keeping the reading
// position: the text that was at the top of the screen is looked for near
// where it was, falling back to the same offset.
func (m Model) reloaded(msg reloadedMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.status.SetError("reload: " + msg.err.Error())
		return m, nil
	}
	old := m.art.Text
	top := m.pager.TopOffset()
	focusOff := -1
	if s, ok := m.focusSpan(); ok {
		focusOff = s.Start
	}
	a := msg.a
	m.art = a
	m.analysis, m.entityLayer, m.claimLayer = nil, nil, nil
	m.entitySpans, m.claimSpans = nil, nil
	m.inline = render.InlineLayer(a.Doc)
	m.structure = false
	m.selecting, m.selection, m.target = false, noSpan, noSpan
	newTop := relocate(old, a.Text, top)
	if m.pager.Top() == (render.Pos{}) {
		newTop = -1
	}
	m.pager.SetLayout(render.New(a.Doc, a.Sentences, Header(a)), newTop)
	m.focus = max(sentenceAt(a.Sentences, relocate(old, a.Text, max(focusOff, 0))), 0)
	if m.matches.Query != "" {
		m.matches = search.Find(a.Text, m.matches.Query)
	}
	m.status.SetTitle(a.Title)
	m.status.SetMessage("reloaded: the file changed on disk")
	if msg.notesErr != nil {
		m.status.SetError("reload notes: " + msg.notesErr.Error())
	} else if m.store != nil {
		m.setNotes(msg.notes)
	}
	if m.panelOpen {
		m.fillStructure()
	}
	cmd := m.analyze()
	return m, cmd
}

// relocate finds in text b the offset that shows what text a showed at
// off: the nearest occurrence of the words that followed off.
func relocate(a, b string, off int) int {
	off = max(min(off, len(a)), 0)
	probe := a[off:min(off+48, len(a))]
	if probe == "" {
		return min(off, len(b))
	}
	const window = 1 << 20
	lo := max(off-window, 0)
	hi := min(off+window+len(probe), len(b))
	best := -1
	if lo < hi {
		region := b[lo:hi]
		for i := 0; ; {
			j := strings.Index(region[i:], probe)
			if j < 0 {
				break
			}
			at := lo + i + j
			if best < 0 || abs(at-off) < abs(best-off) {
				best = at
			}
			i += j + 1
		}
	}
	if best >= 0 {
		return best
	}
	return min(off, len(b))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Article returns the article shown.
func (m Model) Article() *model.Article { return m.art }
