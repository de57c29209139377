package annotate

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/annotate/sidecar"
	"github.com/margin-reader/margin/model/article"
)

// Suffix ends the name of a sidecar: the article's file name plus Suffix.
const Suffix = ".notes.jsonl"

// Options change where and as whom a Book writes.
type Options struct {
	// Dir keeps the sidecar in Dir instead of next to the article (the
	// user's choice, for articles in directories they cannot write).
	Dir string
	// Author is recorded with every change; empty means DefaultAuthor().
	Author string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// DefaultAuthor is $MARGIN_AUTHOR, else $USER, else "".
func DefaultAuthor() string {
	if a := os.Getenv("MARGIN_AUTHOR"); a != "" {
		return a
	}
	return os.Getenv("USER")
}

// EnvDir is $MARGIN_NOTES_DIR: where the user asked to keep every sidecar.
func EnvDir() string { return os.Getenv("MARGIN_NOTES_DIR") }

// FallbackDir is the directory margin offers for notes when an article's
// own directory is not writable: the user data directory's margin/notes
// ($XDG_DATA_HOME/margin/notes, ~/.local/share/margin/notes).
func FallbackDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "margin", "notes"), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "margin", "notes"), nil
		}
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support", "margin", "notes"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "margin", "notes"), nil
}

// SidecarPath is where the notes of the article at articlePath are kept:
// next to it, or in dir if dir is not empty.
func SidecarPath(articlePath, dir string) string {
	if dir == "" {
		dir = filepath.Dir(articlePath)
	}
	return filepath.Join(dir, filepath.Base(articlePath)+Suffix)
}

// UnwritableError reports a sidecar that cannot be written, and the
// fallback directory the user can opt in to.
type UnwritableError struct {
	Path     string
	Fallback string
	Err      error
}

func (e *UnwritableError) Error() string {
	msg := fmt.Sprintf("cannot write notes to %s (%v)", e.Path, e.Err)
	if e.Fallback == "" {
		return msg
	}
	return fmt.Sprintf("%s; to keep them in %s instead, pass --notes-dir %s or set MARGIN_NOTES_DIR", msg, e.Fallback, e.Fallback)
}

func (e *UnwritableError) Unwrap() error { return e.Err }

// Book is the notes of one article. It is not safe for concurrent use;
// other processes may change the same notes at the same time (see Refresh).
type Book struct {
	article  *article.Article
	opts     Options
	store    *sidecar.Store
	resolver *anchor.Resolver
	cache    map[string]Note // by id, live and deleted, as last resolved
	notes    []Note          // live, in article order
	warnings []string
}

// Open reads the notes of article a and finds their passages in its text.
// A missing sidecar is an empty book; the file is created by the first
// change.
func Open(a *article.Article, opts Options) (*Book, error) {
	if a.Path == "" {
		return nil, errors.New("notes need an article read from a file")
	}
	if opts.Author == "" {
		opts.Author = DefaultAuthor()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	b := &Book{article: a, opts: opts, resolver: anchor.NewResolver(a.Text), cache: map[string]Note{}}
	st, err := sidecar.Open(SidecarPath(a.Path, opts.Dir), b.header())
	if err != nil {
		return nil, err
	}
	b.store = st
	b.sync()
	return b, nil
}

func (b *Book) header() sidecar.Header {
	src := b.article.SourceURL
	if src == "" {
		src = filepath.Base(b.article.Path)
	}
	return sidecar.Header{Version: sidecar.Version, Article: b.article.Hash, Source: src}
}

// Path is the sidecar's file name.
func (b *Book) Path() string { return b.store.Path() }

// Article is the article the notes are on.
func (b *Book) Article() *article.Article { return b.article }

// Notes returns the live notes in article order (by span; orphaned notes
// where their passage used to be). The slice is the caller's.
func (b *Book) Notes() []Note { return append([]Note(nil), b.notes...) }

// Note returns the live note with the given id.
func (b *Book) Note(id string) (Note, bool) {
	n, ok := b.cache[id]
	if !ok || b.isDeleted(id) {
		return Note{}, false
	}
	return n, true
}

// Deleted returns the deleted notes, newest deletion first; each can be
// brought back with Undelete.
func (b *Book) Deleted() []Note {
	var out []Note
	for _, e := range b.store.Events() {
		if e.Op == sidecar.Delete {
			out = append(out, b.cache[e.ID])
		}
	}
	slices.SortStableFunc(out, func(x, y Note) int { return y.Updated.Compare(x.Updated) })
	return out
}

// Warnings describes what could not be read: bad lines in the sidecar and
// notes that could not be decoded. Nothing is dropped from the file.
func (b *Book) Warnings() []string { return append([]string(nil), b.warnings...) }

// Add saves a new note on the passage n.Span of the current text and
// returns it as saved, with its ID. n.ID, Target, Status and times are
// ignored.
func (b *Book) Add(n Note) (Note, error) {
	sel, err := anchor.Make(b.article.Text, n.Span)
	if err != nil {
		return Note{}, fmt.Errorf("add note: %w", err)
	}
	now := b.opts.Now()
	id, err := b.store.NewID(now)
	if err != nil {
		return Note{}, fmt.Errorf("add note: %w", err)
	}
	n.ID, n.Target, n.Created = id, sel, now
	return b.commit(sidecar.Put, n, now)
}

// Put saves a changed note (found by n.ID) and returns it as saved. Its
// passage is taken from n.Span when the note is placed (anchored or moved)
// or n.Span differs from where the note was; a note that needs review or
// is orphaned keeps its original passage until given a new span.
func (b *Book) Put(n Note) (Note, error) {
	old, ok := b.Note(n.ID)
	if !ok {
		return Note{}, fmt.Errorf("edit note: no note %s", n.ID)
	}
	detached := n.Target.Detached
	n.Target, n.Created = old.Target, old.Created
	n.Target.Detached = detached
	if old.Placed() || n.Span != old.Span {
		sel, err := anchor.Make(b.article.Text, n.Span)
		if err != nil {
			return Note{}, fmt.Errorf("edit note: %w", err)
		}
		n.Target = sel
	}
	return b.commit(sidecar.Put, n, b.opts.Now())
}

// Delete deletes the live note id. The sidecar keeps its last state, so
// Undelete can bring it back.
func (b *Book) Delete(id string) error {
	n, ok := b.Note(id)
	if !ok {
		return fmt.Errorf("delete note: no note %s", id)
	}
	_, err := b.commit(sidecar.Delete, n, b.opts.Now())
	return err
}

// Undelete brings back the deleted note id as it was when deleted.
func (b *Book) Undelete(id string) (Note, error) {
	e, ok := b.store.Get(id)
	if !ok || e.Op != sidecar.Delete {
		return Note{}, fmt.Errorf("undelete note: no deleted note %s", id)
	}
	return b.commit(sidecar.Put, b.cache[id], b.opts.Now())
}

// Refresh reads changes other processes made to the sidecar and reports
// whether the notes changed.
func (b *Book) Refresh() (bool, error) {
	changed, err := b.store.Refresh()
	if err != nil || !changed {
		return false, err
	}
	b.sync()
	return true, nil
}

// Compact rewrites the sidecar with only the latest state of each note
// (deletions kept) and the current article hash in its header. Unreadable
// lines move to the .rejected file next to it.
func (b *Book) Compact() error {
	if err := b.prepareDir(); err != nil {
		return err
	}
	if err := b.store.Compact(b.header()); err != nil {
		return b.writeError(err)
	}
	b.sync()
	return nil
}

func (b *Book) commit(op sidecar.Op, n Note, now time.Time) (Note, error) {
	n.clean()
	data, err := json.Marshal(n.stored())
	if err != nil {
		return Note{}, fmt.Errorf("save note: %w", err)
	}
	if err := b.prepareDir(); err != nil {
		return Note{}, err
	}
	evs, err := b.store.Commit(sidecar.Event{Op: op, ID: n.ID, Time: now, Author: b.opts.Author, Data: data})
	if err != nil {
		return Note{}, b.writeError(err)
	}
	b.sync()
	return b.cache[evs[0].ID], nil
}

// prepareDir creates the notes directory the user chose.
func (b *Book) prepareDir() error {
	if b.opts.Dir == "" {
		return nil
	}
	if err := os.MkdirAll(b.opts.Dir, 0o755); err != nil {
		return b.writeError(err)
	}
	return nil
}

// writeError names the fallback directory when the sidecar cannot be
// written for lack of permission or a read-only file system.
func (b *Book) writeError(err error) error { return b.writeErrorFor(b.Path(), err) }

func (b *Book) writeErrorFor(path string, err error) error {
	if !errors.Is(err, fs.ErrPermission) && !errors.Is(err, syscall.EROFS) {
		return err
	}
	fallback, ferr := FallbackDir()
	if ferr != nil || b.opts.Dir == fallback {
		fallback = ""
	}
	var pe *fs.PathError
	cause := err
	if errors.As(err, &pe) {
		cause = pe.Err
	}
	return &UnwritableError{Path: path, Fallback: fallback, Err: cause}
}

// sync rebuilds the notes from the store's folded events, re-resolving
// only the notes whose revision changed.
func (b *Book) sync() {
	b.warnings = b.warnings[:0]
	for _, bad := range b.store.Bad() {
		b.warnings = append(b.warnings, fmt.Sprintf("%s line %d is not a note (%v); it is kept, and moved to %s when the notes are compacted",
			filepath.Base(b.Path()), bad.Line, bad.Err, filepath.Base(sidecar.RejectedPath(b.Path()))))
	}
	if h, ok := b.store.Header(); ok && h.Version > sidecar.Version {
		b.warnings = append(b.warnings, fmt.Sprintf("%s was written by a newer margin (format %d); some details may be missing", filepath.Base(b.Path()), h.Version))
	}
	events := b.store.Events()
	b.notes = b.notes[:0]
	seen := make(map[string]bool, len(events))
	for _, e := range events {
		seen[e.ID] = true
		n, ok := b.cache[e.ID]
		if !ok || n.Rev != e.Rev || !n.Updated.Equal(e.Time) {
			var err error
			n, err = b.decode(e)
			if err != nil {
				b.warnings = append(b.warnings, fmt.Sprintf("note %s in %s cannot be read (%v); it is kept", e.ID, filepath.Base(b.Path()), err))
				delete(b.cache, e.ID)
				continue
			}
			b.cache[e.ID] = n
		}
		if e.Op == sidecar.Put {
			b.notes = append(b.notes, n)
		}
	}
	for id := range b.cache {
		if !seen[id] {
			delete(b.cache, id)
		}
	}
	b.settle()
	slices.SortFunc(b.notes, func(x, y Note) int {
		if c := cmp.Compare(x.Span.Start, y.Span.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Span.End, x.Span.End); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
}

func (b *Book) isDeleted(id string) bool {
	e, ok := b.store.Get(id)
	return !ok || e.Op == sidecar.Delete
}

// decode turns an event into a note resolved against the current text.
func (b *Book) decode(e sidecar.Event) (Note, error) {
	var s stored
	if len(e.Data) > 0 || e.Op == sidecar.Put {
		if err := json.Unmarshal(e.Data, &s); err != nil {
			return Note{}, err
		}
	}
	res := b.resolver.Resolve(s.Target)
	n := Note{
		ID:      e.ID,
		Span:    res.Span,
		Status:  res.Status,
		Target:  s.Target,
		Text:    s.Text,
		Verdict: s.Verdict,
		Tags:    s.Tags,
		Sources: s.Sources,
		Author:  e.Author,
		Created: s.Created,
		Updated: e.Time,
		Rev:     e.Rev,
	}
	n.Candidates = res.Candidates
	return n, nil
}
