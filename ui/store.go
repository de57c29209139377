package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/export"
	"github.com/margin-reader/margin/internal/shell"
	"github.com/margin-reader/margin/internal/worksheet"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/reader"
	"github.com/margin-reader/margin/ui/render"
)

// store holds the notes book for the commands that read and write it. An
// annotate.Book is not safe for concurrent use, and every disk access runs
// as a command off the Update goroutine, so they take turns here; Update
// itself only ever sees the snapshots the commands send back.
type store struct {
	mu   sync.Mutex
	book *annotate.Book
	// readAgain reads the article's file again for a save that finds it
	// changed (newer); nil where there is no file to read.
	readAgain ReloadFunc
	ctx       context.Context
}

// notesMsg is the result of a command on the notes: the notes as they
// are now, what to tell the user, and what to show.
type notesMsg struct {
	notes []annotate.Note
	// changed is false when the command changed nothing (a refresh that
	// found the sidecar as it was), so the status keeps what it says.
	changed bool
	message string
	err     error
	// show is the span to scroll to, reader.NoSpan for none.
	show span.Span
	// deleted is the note a deletion removed, which u can bring back.
	deleted string
	// restored is the note u brought back, for the notes tab to select.
	restored string
	// seen is where the claims the review queue showed are.
	seen []span.Span
	// editor marks the result of the note editor's save: it closes the
	// editor, or shows it the error.
	editor bool
	// notesDir is the folder the notes moved to (the fallback), for the
	// book a reload opens; "" if they stayed.
	notesDir string
	// article is the article read again by a save that found its file
	// changed on disk, which the book is now on (newer); nil if it was not.
	article *model.Article
}

// run runs f on the book as a command and reports the notes after it.
func (s *store) run(f func(b *annotate.Book) (notesMsg, error)) tea.Cmd {
	return func() tea.Msg { return s.do(f) }
}

// forEditor runs f on the book as a command whose result goes to the note
// editor.
func (s *store) forEditor(f func(b *annotate.Book) (notesMsg, error)) tea.Cmd {
	return func() tea.Msg {
		msg := s.do(f)
		msg.editor = true
		return msg
	}
}

func (s *store) do(f func(b *annotate.Book) (notesMsg, error)) notesMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	msg, err := f(s.book)
	if err != nil {
		return notesMsg{err: err, show: reader.NoSpan}
	}
	msg.notes, msg.seen = s.book.Notes(), s.book.SeenSpans()
	return msg
}

// saveFromEditor adds a new note (no ID) or replaces an existing one, for
// the note editor; n.Span is on text, the article the editor opened on.
func (s *store) saveFromEditor(n annotate.Note, text string) tea.Cmd {
	return s.forEditor(s.putNote(n, text, ""))
}

// saveToFallback saves n, for the note editor, in a book of the same
// article kept in the fallback notes folder, opened with opts but for the
// folder. It is a new note there, as the fallback book has not got the one
// edited. n.Span is on text, the article the editor opened on. When the
// book it could not be saved in has no notes, the fallback book takes its
// place, so that the note saved is shown and the next ones go with it;
// the first note saved there was nowhere to be seen. A book with notes
// stays shown, and the status says how to see the fallback's.
func (s *store) saveToFallback(n annotate.Note, text string, opts annotate.Options) tea.Cmd {
	return s.forEditor(func(b *annotate.Book) (notesMsg, error) {
		dir, err := annotate.FallbackDir()
		if err != nil {
			return notesMsg{}, fmt.Errorf("note not saved: no fallback notes folder: %w", err)
		}
		opts.Dir = dir
		fallback, err := annotate.Open(b.Article(), opts)
		if err != nil {
			return notesMsg{}, fmt.Errorf("note not saved to %s: %w", dir, err)
		}
		n.ID = ""
		saved, err := fallback.AddOn(text, n)
		if err != nil {
			return notesMsg{}, fmt.Errorf("note not saved to %s: %w", dir, err)
		}
		msg := notesMsg{message: "note saved to the fallback notes folder: " + fallback.Path(), show: reader.NoSpan}
		if len(b.Notes()) > 0 {
			msg.message += "; margin --notes-dir " + shell.Quote(dir) + " shows it"
			return msg, nil
		}
		s.book = fallback
		msg.changed, msg.notesDir = true, dir
		msg.message += "; the next notes go there too"
		if saved.Placed() {
			msg.show = saved.Span
		}
		return msg, nil
	})
}

// saveSaying saves n, whose span is on text, and says say once it is on
// disk ("": where it went).
func (s *store) saveSaying(n annotate.Note, text, say string) tea.Cmd {
	return s.run(s.putNote(n, text, say))
}

// putNote adds n (no ID) or replaces the note it edits, and says say once
// it is on disk ("": where it went). n.Span is on text, which is not the
// book's when the file changed on disk since the note was begun: the book
// then finds the passage again in the new text. So it does when the file
// changed but the reader has not reloaded yet (newer).
func (s *store) putNote(n annotate.Note, text, say string) func(b *annotate.Book) (notesMsg, error) {
	return func(b *annotate.Book) (notesMsg, error) {
		newer := s.newer(b)
		put := b.AddOn
		if n.ID != "" {
			put = b.PutOn
		}
		saved, err := put(text, n)
		if err != nil {
			return notesMsg{}, fmt.Errorf("note not saved: %w", err)
		}
		if say == "" {
			say = "note saved to " + b.Path()
			if newer != nil {
				// The notes file is the one saved to before: the
				// row goes to the reload.
				say = "note saved"
			}
			if src, ok := notALink(saved.Sources); ok {
				say = fmt.Sprintf("note saved; source %q is not a link (like https://…): kept as written", src)
			}
		}
		if newer != nil {
			say += "; file reloaded"
		}
		msg := notesMsg{changed: true, message: say, show: reader.NoSpan, article: newer}
		if saved.Placed() {
			msg.show = saved.Span
		}
		return msg, nil
	}
}

// newer reads the article again when its file changed on disk since the
// book's text was read, and puts the book on it (Rebase), so that a note
// saved in the moment before the reader reloads (reloadDelay) is saved on
// the file's text, anchored, not on the old one to come back "moved". It
// returns the article read, nil if the file is as it was or could not be
// read (the note is then saved as before, on the book's text). Asking
// costs one stat (Book.Stale).
func (s *store) newer(b *annotate.Book) *model.Article {
	if s.readAgain == nil || !b.Stale() {
		return nil
	}
	a, err := s.readAgain(s.ctx)
	if err != nil {
		return nil
	}
	b.Rebase(a)
	return a
}

// notALink is the first of sources without a scheme and a host, which a
// reader of the worksheet cannot follow: the typist is told at once.
func notALink(sources []string) (string, bool) {
	for _, src := range sources {
		if annotate.CheckSource(src) != nil {
			return src, true
		}
	}
	return "", false
}

// remove deletes note id and says which, by the start of its passage:
// with two notes over one sentence, D must say which one went.
func (s *store) remove(id string) tea.Cmd {
	return s.run(func(b *annotate.Book) (notesMsg, error) {
		n, _ := b.Note(id)
		if err := b.Delete(id); err != nil {
			return notesMsg{}, fmt.Errorf("note not deleted: %w", err)
		}
		say := nameNote(n) + " deleted"
		return notesMsg{changed: true, message: say, show: reader.NoSpan, deleted: id}, nil
	})
}

// nameNote names note n by the start of its text and of its passage, for
// the status: with two notes over one sentence, D and u must say which
// one went and came back, in a line that fits the bar, and two notes on
// one passage differ only in what they say. Each is cut after a word
// where that keeps most of it ("typed at…", not "typed at for…").
func nameNote(n annotate.Note) string {
	on := "on “" + render.Ellipsis(render.OneLine(n.Quote()), 32) + "”"
	if text := render.OneLine(n.Text); text != "" {
		return "note “" + render.Ellipsis(text, 20) + "” " + on
	}
	return "note " + on
}

func (s *store) restore(id string) tea.Cmd {
	return s.run(func(b *annotate.Book) (notesMsg, error) {
		n, err := b.Undelete(id)
		if err != nil {
			return notesMsg{}, fmt.Errorf("note not restored: %w", err)
		}
		say := nameNote(n) + " restored"
		return notesMsg{changed: true, message: say, show: reader.NoSpan, restored: id}, nil
	})
}

// reread picks up what other windows or people wrote to the sidecar. The
// reader's own saves come back here too, and change nothing.
func (s *store) reread() tea.Cmd {
	return s.run(func(b *annotate.Book) (notesMsg, error) {
		changed, err := b.Refresh()
		if err != nil {
			return notesMsg{}, fmt.Errorf("notes: %w", err)
		}
		msg := notesMsg{changed: changed, show: reader.NoSpan}
		if changed {
			msg.message = "notes updated on disk"
		}
		return msg, nil
	})
}

// export writes the notes as a markdown worksheet beside the sidecar
// (<file name>.notes.md next to <file name>.notes.jsonl), atomically,
// with the analysis's claims as margin export writes them (an analysis
// not come yet: none).
func (s *store) export(an *model.Analysis) tea.Cmd {
	return s.run(func(b *annotate.Book) (notesMsg, error) {
		path := strings.TrimSuffix(b.Path(), filepath.Ext(b.Path())) + ".md"
		notes := b.Notes()
		opts := export.Options{Claims: worksheet.Claims(b.Article().Text, an)}
		if err := export.WriteFile(path, export.FormatMarkdown, b.Article(), notes, opts); err != nil {
			return notesMsg{}, err
		}
		return notesMsg{message: fmt.Sprintf("%s exported to %s", render.Plural(len(notes), "note"), path), show: reader.NoSpan}, nil
	})
}

// markSeen records that the review queue showed the claim at sp.
func (s *store) markSeen(sp span.Span) tea.Cmd {
	return s.run(func(b *annotate.Book) (notesMsg, error) {
		if err := b.MarkSeen(sp); err != nil {
			return notesMsg{}, fmt.Errorf("review mark not saved: %w", err)
		}
		return notesMsg{show: reader.NoSpan}, nil
	})
}

// replace swaps in the book of a reloaded article.
func (s *store) replace(b *annotate.Book) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.book = b
}

// rebase places the notes of the book, whose sidecar could not be read
// again after the article's file changed, on a, the article read again,
// and returns them: kept on the old text, they were shown and saved at
// offsets that now hold other words.
func (s *store) rebase(a *model.Article) ([]annotate.Note, []span.Span) {
	msg := s.do(func(b *annotate.Book) (notesMsg, error) {
		b.Rebase(a)
		return notesMsg{}, nil
	})
	return msg.notes, msg.seen
}
