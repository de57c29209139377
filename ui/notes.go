package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/noteeditor"
	"github.com/margin-reader/margin/ui/panel"
	"github.com/margin-reader/margin/ui/render"
)

// setNotes takes in a snapshot of the notes, for the text view's marks
// and the notes tab.
func (m *Model) setNotes(notes []annotate.Note) {
	m.notes = notes
	m.reader.SetNotes(notes)
	if m.review != nil {
		m.review.SetNotes(notes)
	}
	if m.attention != nil {
		m.attention.SetNotes(notes)
	}
	m.setSource()
}

// takeBook makes b the reader's notes: their marks, the review's marks,
// what the status says of the notes that need attention and of lines of
// the sidecar that could not be read (unless a notice is shown).
func (m *Model) takeBook(b *annotate.Book) {
	m.store = &store{book: b, readAgain: m.opts.Reload, ctx: m.ctx}
	m.setNotes(b.Notes())
	m.setSeen(b.SeenSpans())
	m.sayAttention(m.opts.Notice)
	if w := b.Warnings(); len(w) > 0 && m.opts.Notice == "" {
		m.status.SetError(firstOf(w))
	}
}

// firstOf is the first of the book's warnings, said to be one of several
// when it is: the status has room for one, and the others (margin notes
// list prints them all) went unmentioned.
func firstOf(warnings []string) string {
	if len(warnings) == 1 {
		return warnings[0]
	}
	return fmt.Sprintf("%d warnings on the notes, the first: %s", len(warnings), warnings[0])
}

// notesOpened takes in the notes the reader opened after its first
// screen, and rereads the sidecar: a change made while they were opening
// came before there was a book to tell. Notes opened on a text since
// replaced by a reload are opened again on the new one.
func (m *Model) notesOpened(msg notesOpenedMsg) tea.Cmd {
	if msg.err != nil {
		m.opts.NotesError = msg.err.Error()
		m.status.SetError("notes: " + msg.err.Error())
		return nil
	}
	if msg.book.Article() != m.reader.Article() {
		m.load.notesWait = true
		return m.openWaitingNotes()
	}
	m.takeBook(msg.book)
	if m.reviewPending && m.analysis != nil {
		m.startReview()
	}
	return m.store.reread()
}

// notesComing says the notes are being opened, or will be.
func (m *Model) notesComing() bool {
	return m.store == nil && m.opts.NotesError == "" && m.reader.Article().Path != ""
}

// notesDone shows the result of a command on the notes.
func (m *Model) notesDone(msg notesMsg) {
	if msg.err != nil {
		m.status.SetError(msg.err.Error())
		return
	}
	if msg.restored != "" {
		m.panel.SelectNext(panel.Notes, msg.restored)
	}
	if msg.changed {
		m.setNotes(msg.notes)
	}
	m.setSeen(msg.seen)
	if msg.message != "" {
		m.status.SetMessage(msg.message)
	}
	if msg.deleted != "" {
		// Clipped, so that appending never writes into an array a copy
		// of the model (Bubble Tea keeps values) still holds.
		m.undoIDs = append(slices.Clip(m.undoIDs), msg.deleted)
		m.status.SetMessage(msg.message + ": " + m.keys.Undo.Help().Key + " undoes")
	}
	if msg.restored != "" && len(m.undoIDs) > 0 {
		m.status.SetMessage(msg.message + ": " + m.keys.Undo.Help().Key + " brings back the one deleted before")
	}
	if msg.show.Start >= 0 {
		m.reader.Show(msg.show)
	}
}

// notesUnavailable says why notes cannot be taken, if they cannot.
func (m *Model) notesUnavailable() bool {
	if m.store != nil {
		return false
	}
	msg := "notes are not available"
	switch {
	case m.load.active() && m.load.notesWait:
		msg = "notes open once the article has loaded"
	case m.notesComing():
		msg = "notes are opening…"
	case m.opts.NotesError != "":
		// The reader cannot choose another folder once open: the
		// command line can, and the user is told how.
		msg += ": " + m.opts.NotesError + "; margin --notes-dir DIR keeps them elsewhere"
	case m.reader.Article().Path == "":
		// Read from standard input: there is no file to keep notes beside.
		msg = "notes need a file: save the article to one and open that"
	}
	m.status.SetError(msg)
	return true
}

// annotate opens the editor on the selection, else the item chosen in
// the side panel (a claim, an entity's mention, a link), else the focused
// sentence.
func (m *Model) annotate() tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	if m.waitForSave() {
		return nil
	}
	s, selecting := m.reader.Selecting()
	if !selecting {
		s, selecting = m.panelPassage()
	}
	if !selecting {
		f, ok := m.reader.Focus()
		if !ok {
			m.status.SetMessage("nothing to write a note on: the text has no words")
			return nil
		}
		s = f
	}
	m.reader.EndSelection()
	return m.openEditor(annotate.Note{Span: s}, s.In(m.reader.Article().Text))
}

// panelPassage is the passage of the item chosen in the open panel: the
// mention last jumped to, else its first. The notes tab has none: a is a
// new note there too, not a note on a note.
func (m Model) panelPassage() (span.Span, bool) {
	if !m.panelOpen || m.panel.Active() == panel.Notes {
		return span.Span{}, false
	}
	it, ok := m.panel.Selected()
	if !ok || len(it.Spans) == 0 {
		return span.Span{}, false
	}
	if t := m.reader.Target(); slices.Contains(it.Spans, t) {
		return t, true
	}
	return it.Spans[0], true
}

func (m *Model) openEditor(n annotate.Note, passage string) tea.Cmd {
	if m.waitForSave() {
		return nil
	}
	ed := noteeditor.New(n, render.OneLine(passage), m.keys, m.theme)
	ed.SetSize(m.width, max(m.height-1, 1))
	m.editor, m.editorText = &ed, m.reader.Article().Text
	return ed.Focus()
}

// noteAtFocus returns the note the reader means: the one chosen in the
// notes panel when it is shown, else the one over the focus.
func (m Model) noteAtFocus() (annotate.Note, bool) {
	if m.panelOpen && m.panel.Active() == panel.Notes {
		if it, ok := m.panel.Selected(); ok {
			for _, n := range m.notes {
				if n.ID == it.ID {
					return n, true
				}
			}
		}
	}
	return m.reader.NoteAtFocus()
}

func (m *Model) editNote() tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	n, ok := m.noteAtFocus()
	if !ok {
		m.status.SetMessage("no note here: " + m.keys.Annotate.Help().Key + " adds one")
		return nil
	}
	passage := n.Quote()
	if n.Placed() {
		passage = n.Span.In(m.reader.Article().Text)
	}
	m.sayWhichOfSeveral(n)
	return m.openEditor(n, passage)
}

// sayWhichOfSeveral names the note A or D takes when more than one is
// over the focus: with two notes on overlapping passages, A opened one
// of them without a word that the other was there, or how to reach it.
func (m *Model) sayWhichOfSeveral(n annotate.Note) {
	if m.panelOpen && m.panel.Active() == panel.Notes {
		return
	}
	if k := m.reader.NotesHere(); k > 1 {
		m.status.SetMessage(fmt.Sprintf("%s: one of %d notes here; the notes panel (%s) chooses another", nameNote(n), k, m.keys.Panel.Help().Key))
	}
}

func (m *Model) deleteNote() tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	n, ok := m.noteAtFocus()
	if !ok {
		m.status.SetMessage("no note here")
		return nil
	}
	return m.store.remove(n.ID)
}

// undo brings back the last deleted note not yet brought back.
func (m *Model) undo() tea.Cmd {
	last := len(m.undoIDs) - 1
	id := m.undoIDs[last]
	m.undoIDs = m.undoIDs[:last]
	return m.store.restore(id)
}

// undoes reports whether u means undo now: right after a deletion, or in
// the notes panel while a deletion can be undone. Otherwise u is half a
// page up, as in less.
func (m Model) undoes(afterDelete bool) bool {
	return m.store != nil && len(m.undoIDs) > 0 && (afterDelete || m.panelOpen && m.panel.Active() == panel.Notes)
}

// editorUpdate routes a message to the open editor and does at once what
// a key asks of it: the next key must find the editor closed.
func (m Model) editorUpdate(msg tea.Msg) (Model, tea.Cmd) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		// ctrl+c quits from the editor too, but an unsaved note is asked
		// about first: bad input must never cost a note.
		if key.Matches(kp, m.keys.ForceQuit) && !m.editor.Asking() {
			m.quitting = true
			m.editor.Close()
			return m.editorRequest(nil)
		}
		if m.editor.Asking() && key.Matches(kp, m.keys.Keep) {
			m.quitting = false
		}
	}
	ed, cmd := m.editor.Update(msg)
	m.editor = &ed
	return m.editorRequest(cmd)
}

// editorRequest does what the editor's last key asked: it closes the
// editor, or saves its note and closes it (shown again should the save
// fail, by editorSaved).
func (m Model) editorRequest(cmd tea.Cmd) (Model, tea.Cmd) {
	r := m.editor.TakeRequest()
	switch {
	case r.Close:
		m.status.SetMessage(closedSay(*m.editor))
		m.editor, m.editorText = nil, ""
		if m.quitting {
			return m, tea.Quit
		}
		return m, nil
	case r.Empty:
		m.status.SetMessage(emptySay(m.editor.Note().ID != "", m.keys.Delete.Help().Key))
		return m, cmd
	case r.Save:
		m.status.SetMessage("saving note…")
		return m.closeSaving(cmd, m.store.saveFromEditor(r.Note, m.editorText))
	case r.Fallback:
		m.status.SetMessage("saving note to the fallback notes folder…")
		return m.closeSaving(cmd, m.store.saveToFallback(r.Note, m.editorText, m.opts.NotesOptions))
	}
	return m, cmd
}

// emptySay is what the status says when ctrl+s finds the note empty:
// what would make it a note, and, for a note emptied in the editor, that
// deleting it is another key.
func emptySay(edit bool, deleteKey string) string {
	say := "empty note not saved: write something or pick a verdict"
	if edit {
		return say + "; " + deleteKey + " deletes a note"
	}
	return say
}

// closeSaving closes the editor whose note save is saving, and keeps it
// until the result comes.
func (m Model) closeSaving(cmd, save tea.Cmd) (Model, tea.Cmd) {
	m.saving = &savingNote{editor: *m.editor, text: m.editorText}
	m.editor, m.editorText = nil, ""
	return m, tea.Batch(cmd, save)
}

// closedSay is what the status says of an editor closed without saving:
// "discarded" only when something typed was thrown away, so that esc on
// a note opened by mistake does not read as if the note were gone.
func closedSay(ed noteeditor.Model) string {
	edit := ed.Note().ID != ""
	switch {
	case ed.Dirty() && edit:
		return "changes discarded: the note is as it was"
	case ed.Dirty():
		return "note discarded"
	case edit:
		return "note unchanged"
	}
	return "no note written"
}

// editorSaved shows the result of the editor's save: on success the
// program quits if a quit waited for it; on failure the editor opens again
// with the note as typed and the error.
func (m Model) editorSaved(msg notesMsg) (Model, tea.Cmd) {
	m.notesDone(msg)
	if msg.notesDir != "" {
		m.opts.NotesOptions.Dir = msg.notesDir
	}
	s := m.saving
	m.saving = nil
	if s == nil {
		return m, nil
	}
	if msg.err != nil {
		m.quitting = false
		m.editor, m.editorText = &s.editor, s.text
		m.editor.SaveFailed(msg.err)
		m.editor.SetStyles(noteeditor.StylesFrom(m.theme))
		return m, nil
	}
	if m.quitting {
		return m, tea.Quit
	}
	return m, nil
}

// savingNote is the editor whose note is being saved, closed at once on
// ctrl+s and kept to be shown again should the save fail; text is the
// article's text the note's span is on.
type savingNote struct {
	editor noteeditor.Model
	text   string
}

// waitForSave says so when a note's save is under way: no other editor
// opens meanwhile, since a failed save shows its editor again.
func (m *Model) waitForSave() bool {
	if m.saving == nil {
		return false
	}
	m.status.SetMessage("saving the note…")
	return true
}

// exportNotes writes the notes as a markdown worksheet.
func (m *Model) exportNotes() tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	m.status.SetMessage("exporting…")
	return m.store.export(m.analysis)
}
