package annotate

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/annotate/sidecar"
	"github.com/margin-reader/margin/internal/jsonerr"
	"github.com/margin-reader/margin/internal/shell"
	"github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/span"
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
	// CacheDir keeps the folded notes between runs (see DefaultCacheDir);
	// empty means no cache.
	CacheDir string
	// Location is where Locate found the notes, for Open and Append to
	// take rather than look in the notes folder again; it is ignored
	// unless it was found for this article and Dir.
	Location Location
}

// DefaultAuthor is $MARGIN_AUTHOR, else $USER, else the login name of
// the user running margin, else "".
func DefaultAuthor() string {
	for _, v := range []string{"MARGIN_AUTHOR", "USER"} {
		if a := strings.TrimSpace(os.Getenv(v)); a != "" {
			return a
		}
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// CheckSource says why src does not look like a link to a source: it
// needs a scheme and a host (https://example.com/page). Such a source is
// still saved as written; the caller warns.
func CheckSource(src string) error {
	u, err := url.Parse(strings.TrimSpace(src))
	if err == nil && u.Scheme != "" && u.Host != "" {
		return nil
	}
	return fmt.Errorf("source %q is not a link with a scheme and a host (like https://example.com/page); it is kept as written", src)
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
	// The folder is named as a path, then as the user would type it: on
	// macOS it is under "Library/Application Support".
	return fmt.Sprintf("%s; to keep them in %s instead, pass --notes-dir %s or set MARGIN_NOTES_DIR", msg, e.Fallback, shell.Quote(e.Fallback))
}

func (e *UnwritableError) Unwrap() error { return e.Err }

// SaveError is a change that could not be saved for another reason than
// permission (a full disk, an I/O error): the note is not on disk.
type SaveError struct {
	Path string
	Err  error
}

func (e *SaveError) Error() string { return "could not save notes: " + e.Err.Error() }

func (e *SaveError) Unwrap() error { return e.Err }

// RefusedError is a change margin will not make although it could try:
// the sidecar is not a regular file, is read-only, or was written by a
// newer margin that compaction would lose data of. Nothing was changed;
// trying again will not help. Match it with errors.Is(err, ErrRefused).
type RefusedError = sidecar.RefusedError

// ErrRefused matches every RefusedError.
var ErrRefused = sidecar.ErrRefused

// Book is the notes of one article. It is not safe for concurrent use;
// other processes may change the same notes at the same time (see Refresh).
type Book struct {
	article  *article.Article
	opts     Options
	store    *sidecar.Store
	resolver *anchor.Resolver
	cache    map[string]Note     // by id, live and deleted, as last resolved
	notes    []Note              // live, in article order
	seen     map[string]seenMark // by event id
	seenAt   map[span.Span]bool  // where the placed ones are
	tag      string              // what the fold cache's spans must be valid for
	warnings []string
	path     string // the sidecar (Locate)
	placed   string // Locate's warning, "" for none
	// file is the article's file as the book was opened on it (Stale),
	// nil if it could not be seen.
	file os.FileInfo
}

// seenMark is a passage shown for review, as last resolved.
type seenMark struct {
	rev    int
	span   span.Span
	placed bool // found with confidence in the current text
}

// Open reads the notes of article a and finds their passages in its text.
// A missing sidecar is an empty book; the file is created by the first
// change.
func Open(a *article.Article, opts Options) (*Book, error) {
	b, err := newBook(a, opts)
	if err != nil {
		return nil, err
	}
	st, err := sidecar.OpenCached(b.Path(), b.header(), opts.CacheDir)
	if err != nil {
		return nil, err
	}
	b.store = st
	if opts.CacheDir != "" {
		b.tag = cacheTag(a.Hash)
	}
	b.file, _ = os.Stat(a.Path)
	b.sync()
	b.saveCache()
	return b, nil
}

// newBook is a book with no store yet: its options filled in.
func newBook(a *article.Article, opts Options) (*Book, error) {
	if a.Path == "" {
		return nil, errors.New("notes need an article read from a file")
	}
	if opts.Author == "" {
		opts.Author = DefaultAuthor()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	b := &Book{article: a, opts: opts, resolver: anchor.NewResolver(a.Text), cache: map[string]Note{}, seen: map[string]seenMark{}}
	loc := opts.Location
	if !loc.isFor(a, opts.Dir) {
		loc = place(a, opts.Dir)
	}
	b.path, b.placed = loc.Sidecar, loc.Warning
	return b, nil
}

func (b *Book) header() sidecar.Header {
	src := b.article.SourceURL
	if src == "" {
		src = filepath.Base(b.article.Path)
	}
	h := sidecar.Header{Version: sidecar.Version, Article: b.article.Hash, Source: src}
	if b.opts.Dir != "" {
		// Kept away from the article, the sidecar says whose it is
		// (Locate): the path its key is of, links resolved, so the
		// file opened later by its own path is not taken for another.
		h.Path = keyedPath(b.article.Path)
	}
	return h
}

// Path is the sidecar's file name.
func (b *Book) Path() string { return b.path }

// Article is the article the notes are on.
func (b *Book) Article() *article.Article { return b.article }

// Notes returns the live notes in article order (by span), then the
// orphaned ones (by where their passage used to be). The slice is the
// caller's.
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
		if n, ok := b.cache[e.ID]; ok && e.Op == sidecar.Delete {
			out = append(out, n)
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
func (b *Book) Add(n Note) (Note, error) { return b.AddOn(b.article.Text, n) }

// AddOn is Add for a note whose passage n.Span is on text, the article as
// it was when the note was begun (the file changed on disk while it was
// typed): the note keeps the words it was written on, anchored where the
// current text has them word for word (onCurrent), else placed as every
// note is after a change, needing review or orphaned, never on whatever
// the old offsets now hold.
func (b *Book) AddOn(text string, n Note) (Note, error) {
	n, err := newNote(text, n, b.opts.Now(), b.store.NewID)
	if err != nil {
		return Note{}, err
	}
	n.Target = b.onCurrent(text, n.Target)
	return b.commit(sidecar.Put, n, n.Created)
}

// onCurrent is sel, made on text, made again on the book's text when that
// is another (the file changed on disk while the note was typed) and has
// the passage word for word, found with confidence: the note is saved on
// the text it is read on, anchored. Saved on the old offsets, it came
// back "moved", listed among the notes that need attention, though it
// was written after the change. A passage reworded or not found keeps
// sel, the words the note was written on, to be placed as after any
// change.
func (b *Book) onCurrent(text string, sel anchor.Selector) anchor.Selector {
	if text == b.article.Text {
		return sel
	}
	res := b.resolver.Resolve(sel)
	if !res.Status.Placed() || res.Span.In(b.article.Text) != sel.Exact {
		return sel
	}
	now, err := anchor.Make(b.article.Text, res.Span)
	if err != nil {
		return sel
	}
	return now
}

// Append saves a new note on the passage n.Span of article a without
// reading the notes already there, so it takes the same time however
// many there are (for `margin notes add`). It returns the note as saved
// and Locate's warning about where the notes are ("" for none), for the
// caller to show as Open's Warnings show it.
func Append(a *article.Article, opts Options, n Note) (saved Note, warning string, err error) {
	b, err := newBook(a, opts)
	if err != nil {
		return Note{}, "", err
	}
	saved, err = b.append(n)
	return saved, b.placed, err
}

// append is Append on the book b, which has no store.
func (b *Book) append(n Note) (Note, error) {
	a := b.article
	var ids sidecar.IDs
	n, err := newNote(a.Text, n, b.opts.Now(), ids.New)
	if err != nil {
		return Note{}, err
	}
	n.clean()
	data, err := json.Marshal(n.stored())
	if err != nil {
		return Note{}, fmt.Errorf("save note: %w", err)
	}
	if err := b.prepareWrite(); err != nil {
		return Note{}, err
	}
	evs, err := sidecar.Append(b.Path(), b.header(), sidecar.Event{Op: sidecar.Put, ID: n.ID, Time: n.Created, Author: b.opts.Author, Data: data})
	if err != nil {
		return Note{}, b.writeError(err)
	}
	n.Status, n.Author, n.Updated, n.Rev = Anchored, b.opts.Author, evs[0].Time, evs[0].Rev
	return n, nil
}

// newNote gives n, a note to add on n.Span of text, its id, passage and
// creation time.
func newNote(text string, n Note, now time.Time, newID func(time.Time) (string, error)) (Note, error) {
	sel, err := anchor.Make(text, n.Span)
	if err != nil {
		return Note{}, fmt.Errorf("add note: %w", err)
	}
	id, err := newID(now)
	if err != nil {
		return Note{}, fmt.Errorf("add note: %w", err)
	}
	n.ID, n.Target, n.Created = id, sel, now
	return n, nil
}

// Put saves a changed note (found by n.ID) and returns it as saved. Its
// passage is taken from n.Span when the note is placed (anchored or moved),
// n.Span differs from where the note was, or a person placed it there
// (Note.Accept); a note that needs review or is orphaned keeps its
// original passage until given a new span.
func (b *Book) Put(n Note) (Note, error) { return b.PutOn(b.article.Text, n) }

// PutOn is Put for a note edited on text, the article as it was when the
// edit began (the file changed on disk meanwhile): a note that was placed
// keeps the passage n.Span of text, found again in the current text
// (onCurrent); one that was not keeps its original passage.
func (b *Book) PutOn(text string, n Note) (Note, error) {
	old, ok := b.Note(n.ID)
	if !ok {
		return Note{}, fmt.Errorf("edit note: no note %s", n.ID)
	}
	detached := n.Target.Detached
	n.Target, n.Created = old.Target, old.Created
	n.Target.Detached = detached
	// On an older text only the span a placed note had there means
	// anything; old is the note as placed in the current one.
	current := text == b.article.Text
	if n.Placed() || current && (old.Placed() || n.Span != old.Span) {
		sel, err := anchor.Make(text, n.Span)
		if err != nil {
			return Note{}, fmt.Errorf("edit note: %w", err)
		}
		n.Target = b.onCurrent(text, sel)
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
	n, read := b.cache[id]
	if !ok || e.Op != sidecar.Delete || !read {
		return Note{}, fmt.Errorf("undelete note: no deleted note %s", id)
	}
	return b.commit(sidecar.Put, n, b.opts.Now())
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

// Rebase places the notes already read on a, the article read again
// after its file changed, when the sidecar could not be read again (Open
// failed): each is found by its quoted words, as after any change, and
// the notes saved from now on are saved on a's text. Kept on the old
// text, they were shown and saved at offsets that meant other words.
func (b *Book) Rebase(a *article.Article) {
	b.article, b.resolver = a, anchor.NewResolver(a.Text)
	b.file, _ = os.Stat(a.Path)
	if b.opts.CacheDir != "" {
		b.tag = cacheTag(a.Hash)
	}
	// Emptied, every note and mark is placed again on the new text.
	b.cache, b.seen = map[string]Note{}, map[string]seenMark{}
	b.sync()
}

// Stale reports whether the article's file on disk has changed since the
// book was opened on it (its identity, size or time): a note saved now
// would be saved on a text that is no longer the file's, and come back
// "moved". It costs one stat, so a save can ask before it writes. A file
// gone or never seen is not stale: there is no newer text to save on.
func (b *Book) Stale() bool {
	if b.file == nil {
		return false
	}
	fi, err := os.Stat(b.article.Path)
	if err != nil {
		return false
	}
	return !os.SameFile(fi, b.file) || fi.Size() != b.file.Size() || !fi.ModTime().Equal(b.file.ModTime())
}

// Compact rewrites the sidecar with only the latest state of each note
// (deletions kept) and the current article hash in its header. Unreadable
// lines move to the .rejected file next to it. A book with no sidecar
// yet has nothing to compact, and none is made.
func (b *Book) Compact() error {
	if !exists(b.Path()) {
		// No notes: compacting them created a sidecar, which beside the
		// article hides the notes folder's from Locate.
		return nil
	}
	if err := b.prepareWrite(); err != nil {
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
	if old, ok := b.store.Get(n.ID); ok {
		data = keepUnknown(data, old.Data)
	}
	if err := b.prepareWrite(); err != nil {
		return Note{}, err
	}
	evs, err := b.store.Commit(sidecar.Event{Op: op, ID: n.ID, Time: now, Author: b.opts.Author, Data: data})
	if err != nil {
		return Note{}, b.writeError(err)
	}
	b.sync()
	saved, ok := b.cache[evs[0].ID]
	if !ok {
		return Note{}, fmt.Errorf("save note: note %s was saved but cannot be read back", evs[0].ID)
	}
	return saved, nil
}

// keepUnknown adds to a note's new data the fields of its old data that
// this version does not know (a newer margin wrote them), so editing the
// note does not lose them.
func keepUnknown(data, old json.RawMessage) json.RawMessage {
	var was, now map[string]json.RawMessage
	if json.Unmarshal(old, &was) != nil || json.Unmarshal(data, &now) != nil {
		return data
	}
	added := false
	for k, v := range was {
		switch k {
		case "target", "text", "verdict", "tags", "sources", "created":
		default:
			now[k], added = v, true
		}
	}
	if !added {
		return data
	}
	merged, err := json.Marshal(now)
	if err != nil {
		return data
	}
	return merged
}

// prepareWrite readies a write to the sidecar: it refuses another
// article's sidecar in the fallback folder, and creates the notes folder
// the user chose.
func (b *Book) prepareWrite() error {
	if err := b.checkOwner(); err != nil {
		return err
	}
	return b.prepareDir()
}

// checkOwner refuses to write into a sidecar in the fallback folder that
// records the path of another file that is still there (one under this
// article's own name copied by hand from another's, or two paths of one
// key): a note saved there (ctrl+o, --notes-dir FALLBACK) would be kept
// with the other file's notes, and compacting it would give the other's
// notes to this one. A sidecar whose file is gone (the article moved) is
// written to, with the warning of any open; so is one this article's
// file is gone from (moved away while open here, its header since made
// to record where it went by the margin that opened it there: Locate).
func (b *Book) checkOwner() error {
	if b.opts.Dir == "" {
		return nil
	}
	fb, err := FallbackDir()
	if err != nil || filepath.Clean(b.opts.Dir) != filepath.Clean(fb) {
		return nil
	}
	var h sidecar.Header
	ok := false
	if b.store != nil {
		h, ok = b.store.Header()
	} else {
		// A write that reads nothing else (Append): its error, if any,
		// is the write's to report.
		h, ok, _ = sidecar.ReadHeader(b.Path())
	}
	if !ok || h.Path == "" || samePath(h.Path, b.article.Path) || gone(b.article.Path) {
		return nil
	}
	if _, err := os.Stat(h.Path); err != nil {
		return nil
	}
	return &RefusedError{Path: b.Path(), Reason: fmt.Sprintf("in the fallback notes folder holds the notes of %s, a file of the same name; margin will not keep this file's notes among them, where they would not be found again (keep them in another folder with --notes-dir DIR)", h.Path)}
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
	if errors.Is(err, ErrRefused) {
		return err
	}
	if !errors.Is(err, fs.ErrPermission) && !errors.Is(err, syscall.EROFS) {
		return &SaveError{Path: path, Err: err}
	}
	fallback, ferr := FallbackDir()
	if ferr != nil || b.opts.Dir != "" || exists(path) {
		// Notes written to the fallback while a sidecar is where the
		// error names would be split from its notes and never found
		// without --notes-dir (Locate prefers the sidecar): the file
		// wants its permission mended, not a second home. So would
		// notes of a notes folder given (--notes-dir, MARGIN_NOTES_DIR):
		// the next start with it looks there alone.
		fallback = ""
	}
	// The message names the path: what it needs of err is the reason,
	// the system's ("permission denied", "read-only file system").
	var cause syscall.Errno
	if !errors.As(err, &cause) {
		return &UnwritableError{Path: path, Fallback: fallback, Err: err}
	}
	return &UnwritableError{Path: path, Fallback: fallback, Err: cause}
}

// exists reports whether there is a file (of any kind) at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// sync rebuilds the notes and the passages seen from the store's folded
// events, re-resolving only those whose revision changed.
func (b *Book) sync() {
	b.warnings = b.fileWarnings()
	// The maps are rebuilt so that ids no longer in the file drop out.
	notes := make([]Note, 0, b.store.Len())
	was, wasSeen := b.cache, b.seen
	b.cache, b.seen = make(map[string]Note, b.store.Len()), map[string]seenMark{}
	unknown := 0
	for e := range b.store.All() {
		switch e.Op {
		case sidecar.Put, sidecar.Delete:
			n, ok := b.resolved(e, was)
			if !ok {
				continue
			}
			b.cache[e.ID] = n
			if e.Op == sidecar.Put {
				notes = append(notes, n)
			}
		case sidecar.Seen:
			b.resolveSeen(e, wasSeen)
		default:
			unknown++
		}
	}
	if unknown > 0 {
		b.warnings = append(b.warnings, fmt.Sprintf("%s has %s of a kind this margin does not know (from a newer margin?), kept unchanged",
			filepath.Base(b.Path()), Count(unknown, "entry", "entries")))
	}
	b.seenAt = map[span.Span]bool{}
	for _, m := range b.seen {
		if m.placed {
			b.seenAt[m.span] = true
		}
	}
	b.settle(notes)
	b.notes = inArticleOrder(notes)
}

// Count is n and the noun for n things: "1 note", "2 notes".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// fileWarnings describes the sidecar's unreadable lines and a newer format.
func (b *Book) fileWarnings() []string {
	var out []string
	if b.placed != "" {
		out = append(out, b.placed)
	}
	for _, bad := range b.store.Bad() {
		out = append(out, fmt.Sprintf("%s line %d is not a note (%v); it is kept, and moved to %s when the notes are compacted",
			filepath.Base(b.Path()), bad.Line, bad.Err, filepath.Base(sidecar.RejectedPath(b.Path()))))
	}
	h, ok := b.store.Header()
	if ok && h.Version > sidecar.Version {
		out = append(out, fmt.Sprintf("%s was written by a newer margin (format %d); some details may be missing", filepath.Base(b.Path()), h.Version))
	}
	if ok && b.opts.Dir != "" && h.Path != "" && !samePath(h.Path, b.article.Path) {
		// Under this article's name (Locate) but another file's: copied
		// by hand, read in place under its old name, or two paths of
		// one key.
		out = append(out, fmt.Sprintf("%s holds the notes of %s, not of this file; notes written here are kept with them", b.Path(), h.Path))
	}
	return out
}

// resolved is the note of event e, decoded and placed again only if it
// changed since the last sync (was) or the fold cache lacks it.
func (b *Book) resolved(e sidecar.Event, was map[string]Note) (Note, bool) {
	if n, ok := was[e.ID]; ok && n.Rev == e.Rev && n.Updated.Equal(e.Time) {
		return n, true
	}
	if n, ok := b.fromCache(e); ok {
		return n, true
	}
	n, err := b.decode(e)
	if err != nil {
		b.warnings = append(b.warnings, fmt.Sprintf("note %s in %s cannot be read (%v); it is kept", e.ID, filepath.Base(b.Path()), err))
		return Note{}, false
	}
	return n, true
}

// inArticleOrder sorts notes by passage (longer first at the same start),
// orphaned notes last, then by id. It sorts small keys, as a Note is
// large to move.
func inArticleOrder(notes []Note) []Note {
	type key struct {
		orphaned   bool
		start, end int
		id         string
		i          int
	}
	keys := make([]key, len(notes))
	for i := range notes {
		n := &notes[i]
		keys[i] = key{n.Status == Orphaned, n.Span.Start, n.Span.End, n.ID, i}
	}
	slices.SortFunc(keys, func(x, y key) int {
		switch {
		case x.orphaned != y.orphaned:
			return cmp.Compare(boolUint(x.orphaned), boolUint(y.orphaned))
		case x.start != y.start:
			return cmp.Compare(x.start, y.start)
		case x.end != y.end:
			return cmp.Compare(y.end, x.end)
		}
		return strings.Compare(x.id, y.id)
	})
	out := make([]Note, len(notes))
	for k, key := range keys {
		out[k] = notes[key.i]
	}
	return out
}

// seenData is what a seen event records: the passage shown.
type seenData struct {
	Target anchor.Selector `json:"target"`
}

// seenID is the event id of the review mark of passage sel: the same
// passage in the same context always gets the same id, so marking it
// again adds a revision, not a mark.
func seenID(sel anchor.Selector) string {
	sum := sha256.Sum256([]byte(sel.Prefix + "\x00" + sel.Exact + "\x00" + sel.Suffix))
	return "seen-" + hex.EncodeToString(sum[:12])
}

// MarkSeen records in the sidecar that the passage s (usually a claim)
// was shown for review, so a review can resume where it stopped. Marking
// a passage already seen changes nothing.
func (b *Book) MarkSeen(s span.Span) error {
	if b.Seen(s) {
		return nil
	}
	sel, err := anchor.Make(b.article.Text, s)
	if err != nil {
		return fmt.Errorf("mark seen: %w", err)
	}
	data, err := json.Marshal(seenData{Target: sel})
	if err != nil {
		return fmt.Errorf("mark seen: %w", err)
	}
	if err := b.prepareWrite(); err != nil {
		return err
	}
	ev := sidecar.Event{Op: sidecar.Seen, ID: seenID(sel), Time: b.opts.Now(), Author: b.opts.Author, Data: data}
	if _, err := b.store.Commit(ev); err != nil {
		return b.writeError(err)
	}
	b.sync()
	return nil
}

// Seen reports whether the passage s was shown for review: marked on this
// text, or on an earlier one and found again at s.
func (b *Book) Seen(s span.Span) bool { return b.seenAt[s] }

// SeenSpans returns where the passages shown for review are in the
// current text, in order. Those that cannot be placed with confidence,
// or whose passage changed, are left out: they are shown again.
func (b *Book) SeenSpans() []span.Span {
	out := make([]span.Span, 0, len(b.seenAt))
	for s := range b.seenAt {
		out = append(out, s)
	}
	slices.SortFunc(out, func(x, y span.Span) int { return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End)) })
	return out
}

// resolveSeen places the passage of seen event e again if it changed
// since the last sync (was).
func (b *Book) resolveSeen(e sidecar.Event, was map[string]seenMark) {
	if m, ok := was[e.ID]; ok && m.rev == e.Rev {
		b.seen[e.ID] = m
		return
	}
	if m, ok := b.seenFromCache(e); ok {
		b.seen[e.ID] = m
		return
	}
	var d seenData
	if err := json.Unmarshal(e.Data, &d); err != nil {
		b.warnings = append(b.warnings, fmt.Sprintf("review mark %s in %s cannot be read (%v); it is kept", e.ID, filepath.Base(b.Path()), jsonerr.Plain(err)))
		return
	}
	res := b.resolver.Resolve(d.Target)
	// A claim whose passage changed (a figure, a negation) is a new claim
	// to review, though its note is placed.
	placed := res.Status.Placed() && res.Status != Changed
	b.seen[e.ID] = seenMark{rev: e.Rev, span: res.Span, placed: placed}
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
			return Note{}, jsonerr.Plain(err)
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
