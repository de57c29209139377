package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/export"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/noteeditor"
	"github.com/margin-reader/margin/ui/panel"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// refreshNotes rebuilds the note marks and the notes tab from the book.
func (m *Model) refreshNotes() {
	if m.book == nil {
		m.noteLayer = nil
		return
	}
	notes := m.book.Notes()
	marks := make([]render.Mark, 0, len(notes))
	items := make([]panel.Item, 0, len(notes))
	for _, n := range notes {
		if n.Placed() {
			marks = append(marks, render.Mark{Span: n.Span, Class: theme.NoteClass(string(n.Verdict))})
		}
		title := n.Text
		if title == "" {
			title = n.Quote()
		}
		var spans []span.Span
		if !n.Span.Empty() {
			spans = []span.Span{n.Span}
		}
		detail := n.Verdict.String()
		if !n.Placed() {
			detail = string(n.Status)
		}
		items = append(items, panel.Item{Title: title, Detail: detail, Class: theme.NoteClass(string(n.Verdict)), Spans: spans, ID: n.ID})
	}
	m.noteLayer = render.NewLayer(marks)
	m.panel.SetItems(panel.Notes, items)
}

// notesUnavailable says why notes cannot be taken, if they cannot.
func (m *Model) notesUnavailable() bool {
	if m.book != nil {
		return false
	}
	msg := "notes are not available"
	if m.opts.NotesError != "" {
		msg += ": " + m.opts.NotesError
	}
	m.status.SetError(msg)
	return true
}

// annotate opens the editor on the selection, or else the focused sentence.
func (m *Model) annotate() tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	s := m.selection
	if !m.selecting {
		f, ok := m.focusSpan()
		if !ok {
			return nil
		}
		s = f
	}
	m.selecting, m.selection = false, noSpan
	return m.openEditor(annotate.Note{Span: s}, s.In(m.art.Text))
}

func (m *Model) openEditor(n annotate.Note, passage string) tea.Cmd {
	ed := noteeditor.New(n, render.OneLine(passage), m.keys, m.theme)
	ed.SetSize(m.width, max(m.height-1, 1))
	m.editor = &ed
	return ed.Focus()
}

// noteAtFocus returns the note the reader means: the one chosen in the
// notes panel when it is shown, else the one over the focus.
func (m Model) noteAtFocus() (annotate.Note, bool) {
	if m.book == nil {
		return annotate.Note{}, false
	}
	if m.panelOpen && m.panel.Active() == panel.Notes {
		if it, ok := m.panel.Selected(); ok {
			return m.book.Note(it.ID)
		}
	}
	f, ok := m.focusSpan()
	if !ok {
		return annotate.Note{}, false
	}
	for _, n := range m.book.Notes() {
		if n.Placed() && n.Span.Overlaps(f) {
			return n, true
		}
	}
	return annotate.Note{}, false
}

func (m *Model) editNote() tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	n, ok := m.noteAtFocus()
	if !ok {
		m.status.SetMessage("no note here: a adds one")
		return nil
	}
	passage := n.Quote()
	if n.Placed() {
		passage = n.Span.In(m.art.Text)
	}
	return m.openEditor(n, passage)
}

func (m *Model) deleteNote() {
	if m.notesUnavailable() {
		return
	}
	n, ok := m.noteAtFocus()
	if !ok {
		m.status.SetMessage("no note here")
		return
	}
	if err := m.book.Delete(n.ID); err != nil {
		m.status.SetError(err.Error())
		return
	}
	m.undoID = n.ID
	m.refreshNotes()
	m.status.SetMessage("note deleted: u undoes")
}

// undo brings back the last deleted note.
func (m *Model) undo() {
	n, err := m.book.Undelete(m.undoID)
	m.undoID = ""
	if err != nil {
		m.status.SetError(err.Error())
		return
	}
	m.refreshNotes()
	m.status.SetMessage("note restored: " + render.OneLine(n.Quote()))
}

// undoes reports whether u means undo now: right after a deletion, or in
// the notes panel while a deletion can be undone. Otherwise u is half a
// page up, as in less.
func (m Model) undoes(afterDelete bool) bool {
	return m.undoID != "" && (afterDelete || m.panelOpen && m.panel.Active() == panel.Notes)
}

// editorUpdate routes a message to the open editor and handles what it
// sends back.
func (m Model) editorUpdate(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case noteeditor.SavedMsg:
		m.editor = nil
		var saved annotate.Note
		var err error
		if msg.Note.ID == "" {
			saved, err = m.book.Add(msg.Note)
		} else {
			saved, err = m.book.Put(msg.Note)
		}
		if err != nil {
			m.status.SetError("note not saved: " + err.Error())
			return m, nil
		}
		m.refreshNotes()
		m.status.SetMessage(fmt.Sprintf("note saved to %s", m.book.Path()))
		if saved.Placed() {
			m.pager.Show(saved.Span)
		}
		return m, nil
	case noteeditor.ClosedMsg:
		m.editor = nil
		m.status.SetMessage("note discarded")
		return m, nil
	}
	ed, cmd := m.editor.Update(msg)
	m.editor = &ed
	return m, cmd
}

// exportNotes writes the notes as markdown next to the article.
func (m *Model) exportNotes() {
	if m.notesUnavailable() {
		return
	}
	if m.art.Path == "" {
		m.status.SetError("export: the article has no file to write next to")
		return
	}
	out := strings.TrimSuffix(m.art.Path, filepath.Ext(m.art.Path)) + ".notes.md"
	var b strings.Builder
	notes := m.book.Notes()
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Span.Start < notes[j].Span.Start })
	if err := export.Markdown(&b, m.art, notes, export.Options{}); err != nil {
		m.status.SetError("export: " + err.Error())
		return
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		m.status.SetError("export: " + err.Error())
		return
	}
	m.status.SetMessage(fmt.Sprintf("%d notes exported to %s", len(notes), out))
}

// notesChanged reads what other windows or people wrote to the sidecar.
// The reader's own saves come back here too, and change nothing.
func (m *Model) notesChanged() {
	if m.book == nil {
		return
	}
	changed, err := m.book.Refresh()
	switch {
	case err != nil:
		m.status.SetError("notes: " + err.Error())
	case changed:
		m.refreshNotes()
		m.status.SetMessage("notes updated on disk")
	}
}
