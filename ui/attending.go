package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/ui/attention"
)

// attentionNotice is what the status bar says of the notes that were not
// found where they were written, with the key that lists them; "" when
// every note is where it was.
func (m Model) attentionNotice() string {
	s := attention.Summary(m.notes)
	if s == "" {
		return ""
	}
	return s + ": " + m.keys.Attention.Help().Key + " lists them"
}

// sayAttention puts the attention notice after what the status says
// (before, "" for nothing).
func (m *Model) sayAttention(before string) {
	if a := m.attentionNotice(); a != "" {
		if before != "" {
			a = before + "; " + a
		}
		m.status.SetMessage(a)
	}
}

// openAttention opens the list of the notes that need attention.
func (m *Model) openAttention() {
	if m.notesUnavailable() {
		return
	}
	switch {
	case len(m.notes) == 0:
		m.status.SetMessage("no notes yet: none needs attention (" + m.keys.Annotate.Help().Key + " writes one)")
		return
	case !slices.ContainsFunc(m.notes, attention.Needs):
		m.status.SetMessage("every note is where it was written: none needs attention")
		return
	}
	l := attention.New(m.reader.Article().Text, m.notes, m.keys, m.theme)
	m.attention = &l
}

// attentionUpdate acts on what the list asks for: every decision is a
// note saved through the book.
func (m Model) attentionUpdate(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case attention.AcceptMsg:
		return m, m.place(msg.Note.Accept(msg.Span), "note placed"), true
	case attention.ReattachMsg:
		sel, ok := m.reader.Selecting()
		if !ok {
			m.status.SetMessage("select the passage first: " + m.keys.Select.Help().Key + ", then " +
				m.keys.Attention.Help().Key + " and " + m.keys.Reattach.Help().Key)
			return m, nil, true
		}
		m.reader.EndSelection()
		return m, m.place(msg.Note.Accept(sel), "note re-attached"), true
	case attention.OrphanMsg:
		return m, m.place(msg.Note.Detach(), "note marked orphaned"), true
	case attention.JumpMsg:
		m.attention = nil
		m.reader.GoTo(msg.Span)
		return m, nil, true
	case attention.ClosedMsg:
		m.attention = nil
		return m, nil, true
	}
	return m, nil, false
}

// place saves a decision on a note and says what it was.
func (m *Model) place(n annotate.Note, say string) tea.Cmd {
	m.status.SetMessage("saving…")
	return m.store.saveSaying(n, m.reader.Article().Text, say)
}

// attentionKey hands a key to the open list.
func (m Model) attentionKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	l, cmd := m.attention.Update(msg)
	m.attention = &l
	return m, cmd
}
