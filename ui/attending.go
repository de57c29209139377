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
	l.SetMaxWidth(m.opts.Width)
	m.attention = &l
}

// attentionRequest does at once what the list asks: every decision is a
// note saved through the book; a jump and esc close the list before the
// next key.
func (m Model) attentionRequest(r attention.Request) (Model, tea.Cmd) {
	if r.Say != "" {
		m.status.SetMessage(r.Say)
	}
	switch r.Action {
	case attention.Accept:
		return m, m.place(r.Note.Accept(r.Span), "note placed")
	case attention.Reattach:
		sel, ok := m.reader.Selecting()
		if !ok {
			m.status.SetMessage("select the passage first: " + m.keys.Select.Help().Key + ", then " +
				m.keys.Attention.Help().Key + " and " + m.keys.Reattach.Help().Key)
			return m, nil
		}
		m.reader.EndSelection()
		return m, m.place(r.Note.Accept(sel), "note re-attached")
	case attention.Orphan:
		return m, m.place(r.Note.Detach(), "note marked orphaned")
	case attention.Jump:
		m.attention = nil
		m.reader.GoTo(r.Span)
	case attention.Settle:
		m.attention = nil
		m.reader.GoTo(r.Span)
		return m, m.place(r.Note.Accept(r.Span), "note placed where it is now")
	case attention.Close:
		m.attention = nil
	}
	return m, nil
}

// place saves a decision on a note and says what it was.
func (m *Model) place(n annotate.Note, say string) tea.Cmd {
	m.status.SetMessage("saving…")
	return m.store.saveSaying(n, m.reader.Article().Text, say)
}

// attentionKey hands a key to the open list and does what it asks.
func (m Model) attentionKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	l := m.attention.Update(msg)
	m.attention = &l
	return m.attentionRequest(m.attention.TakeRequest())
}
