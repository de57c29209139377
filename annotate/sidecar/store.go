package sidecar

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"
)

// Store is one sidecar file and the folded state of the events read from
// it. It is not safe for concurrent use; other processes may write the
// same file at the same time.
type Store struct {
	path   string
	create Header // written when Commit creates the file

	header *Header
	latest map[string]Event
	sorted []Event // latest in id order, nil until asked for after a change
	bad    []BadLine

	file  os.FileInfo // the file read so far, to notice a replacement
	off   int64       // bytes of complete lines read
	lines int         // lines read
	torn  []byte      // a last line without its newline, seen under the lock
	whole bool        // whether torn is nonetheless a valid line
	ids   IDs

	cacheDir  string // where the fold is cached, "" for nowhere
	cachedOff int64  // how much of the file the cache holds
	tag       string // the cache's tag
}

// Open reads the sidecar at path, which need not exist. h is the header
// written when the first event creates the file. Open takes no lock:
// reading never blocks a writer.
func Open(path string, h Header) (*Store, error) { return OpenCached(path, h, "") }

// Path is the sidecar's file name.
func (s *Store) Path() string { return s.path }

// ReadHeader returns the header of the sidecar at path, read as Open
// would take it (the first header line) without folding the events; ok
// is false if the file has none. Like Open it opens only a regular file,
// never blocking on a named pipe put in its place.
func ReadHeader(path string) (h Header, ok bool, err error) {
	f, err := openRegular(path, os.O_RDONLY)
	if err != nil {
		return Header{}, false, fileError("read the notes' header from", path, err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		raw, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(raw)) > 0 {
			if h, _, perr := parseLine(bytes.TrimSuffix(raw, []byte("\n"))); perr == nil && h != nil {
				return *h, true, nil
			}
		}
		if errors.Is(err, io.EOF) {
			return Header{}, false, nil
		}
		if err != nil {
			return Header{}, false, fileError("read the notes' header from", path, err)
		}
	}
}

// Header returns the file's header; ok is false if the file has none yet.
func (s *Store) Header() (h Header, ok bool) {
	if s.header == nil {
		return Header{}, false
	}
	return *s.header, true
}

// Events returns the latest event of every id, deletions included, in id
// order (which is creation order).
func (s *Store) Events() []Event {
	if s.sorted == nil {
		s.sorted = make([]Event, 0, len(s.latest))
		for _, e := range s.latest {
			s.sorted = append(s.sorted, e)
		}
		slices.SortFunc(s.sorted, func(a, b Event) int { return strings.Compare(a.ID, b.ID) })
	}
	return slices.Clone(s.sorted)
}

// All yields the latest event of every id, deletions included, in no
// particular order: for callers that order the events themselves.
func (s *Store) All() iter.Seq[Event] {
	return func(yield func(Event) bool) {
		for _, e := range s.latest {
			if !yield(e) {
				return
			}
		}
	}
}

// Len is the number of ids, deletions included.
func (s *Store) Len() int { return len(s.latest) }

// Get returns the latest event for id.
func (s *Store) Get(id string) (Event, bool) {
	e, ok := s.latest[id]
	return e, ok
}

// Bad returns the lines that could not be read, in file order.
func (s *Store) Bad() []BadLine { return append([]BadLine(nil), s.bad...) }

// NewID returns a new unique id for time t.
func (s *Store) NewID(t time.Time) (string, error) { return s.ids.New(t) }

// Refresh reads what other processes appended since the last read, or the
// whole file if it was replaced. It reports whether anything changed.
func (s *Store) Refresh() (bool, error) { return s.refresh(false) }

// Commit appends events under the file lock and returns them as written.
// Each event's Rev is set to one more than the latest revision of its id
// (as the file is now, including other processes' writes); a zero Time is
// set to now. Commit returns once the events are on disk.
func (s *Store) Commit(evs ...Event) ([]Event, error) {
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	if _, err := s.refresh(true); err != nil {
		return nil, err
	}
	out, err := s.write(s.off == 0 && len(s.torn) == 0, len(s.torn) > 0, evs)
	if err != nil {
		return nil, err
	}
	if _, err := s.refresh(true); err != nil {
		return nil, err
	}
	return out, nil
}

// Append adds events for ids the file does not have yet (a new note)
// without reading it: only its size and last byte, so adding costs the
// same however many notes the file holds. Each event gets revision 1 and
// a zero Time is set to now. Append returns once the events are on disk.
func Append(path string, h Header, evs ...Event) ([]Event, error) {
	if h.Version == 0 {
		h.Version = Version
	}
	s := &Store{path: path, create: h}
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	size, torn, err := ending(path)
	if err != nil {
		return nil, err
	}
	return s.write(size == 0, torn, evs)
}

// ending reports the size of the file at path and whether its last line
// lacks a newline (a writer crashed mid-line).
func ending(path string) (size int64, torn bool, err error) {
	f, err := openRegular(path, os.O_RDONLY)
	if err != nil {
		return 0, false, fileError("read", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, false, fileError("read", path, err)
	}
	if fi.Size() == 0 {
		return 0, false, nil
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, fi.Size()-1); err != nil {
		return 0, false, fileError("read", path, err)
	}
	return fi.Size(), last[0] != '\n', nil
}

// write appends evs in one write, after the header if the file is being
// created and after a newline if its last line is torn, numbering each
// event's revision after the latest one read. The lock must be held.
func (s *Store) write(created, torn bool, evs []Event) ([]Event, error) {
	var buf bytes.Buffer
	if created {
		if err := writeJSONLine(&buf, s.create); err != nil {
			return nil, err
		}
	}
	if torn {
		// A writer crashed mid-line: end its line so ours stays whole.
		buf.WriteByte('\n')
	}
	revs := map[string]int{}
	out := make([]Event, len(evs))
	for i, e := range evs {
		rev, ok := revs[e.ID]
		if !ok {
			rev = s.latest[e.ID].Rev
		}
		e.Rev = rev + 1
		revs[e.ID] = e.Rev
		if e.Time.IsZero() {
			e.Time = time.Now()
		}
		e.Time = e.Time.UTC()
		if err := writeJSONLine(&buf, e); err != nil {
			return nil, err
		}
		out[i] = e
	}
	if err := appendSync(s.path, buf.Bytes()); err != nil {
		return nil, err
	}
	if created {
		if err := syncDir(filepath.Dir(s.path)); err != nil {
			return nil, err
		}
	} else if s.create.Path != "" && (s.header == nil || s.header.Path == "") {
		// The events are on disk: a header left as it was only keeps
		// the file harder to find, so a failure here is not the save's.
		_ = recordPath(s.path, s.create.Path, s.create.Article)
	}
	return out, nil
}

// recordPath writes article, an absolute path, into the header of the
// sidecar at path if it has none and records hash, the article's content
// hash: a notes folder's sidecar started before margin recorded whose it
// is is found again by NotesDir only through the hash, which the article
// loses at its first edit. A header of another hash may be another
// article's of the same file name, whose notes a path of this one would
// hide from it, so it is left as it is. The file is replaced atomically
// with every other line as it was; the lock must be held.
func recordPath(path, article, hash string) error {
	return rewritePath(path, article, func(h Header) bool { return h.Path != "" || h.Article != hash })
}

// RecordPath writes article, an absolute path, into the header of the
// sidecar at path unless keep says the header is right as it is, once
// the file's lock is held (another process may have written it
// meanwhile). The file is replaced atomically in place, with every other
// line as it was, as compaction replaces it: a Store open on it reads the
// new file at its next refresh and writes to the same name. Package
// annotate records so the path of an article whose sidecar it found
// under another name (kept by the file name alone, or of the path the
// article had before it moved), which is read and written where it is.
func RecordPath(path, article string, keep func(Header) bool) error {
	if fi, err := checkRegular(path); err != nil || fi == nil {
		// Nothing to record into: the lock would create the file.
		return err
	}
	s := &Store{path: path}
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	return rewritePath(path, article, keep)
}

// rewritePath writes article into the header of the sidecar at path
// unless keep says the header is right as it is (see recordPath).
func rewritePath(path, article string, keep func(Header) bool) error {
	f, err := openRegular(path, os.O_RDONLY)
	if err != nil {
		return fileError("read", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fileError("read", path, err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return fileError("read", path, err)
	}
	start, end, h := headerLine(data)
	if h == nil || keep(*h) || fi.Mode().Perm()&0o222 == 0 {
		// A read-only file is not replaced, as compaction does not.
		return nil
	}
	h.Path = article
	line, err := h.merged(h.raw)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	out := slices.Concat(data[:start], line, data[end:])
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(fi.Mode().Perm()))
	if err != nil {
		return fileError("write", path, err)
	}
	defer pf.Cleanup()
	if _, err := pf.Write(out); err != nil {
		return fileError("write", path, err)
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return fileError("write", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// headerLine finds the header Open takes in data, the first line that is
// one, and where its bytes start and end (without the newline).
func headerLine(data []byte) (start, end int, h *Header) {
	for start < len(data) {
		end = start + bytes.IndexByte(data[start:], '\n')
		if end < start {
			end = len(data)
		}
		if raw := data[start:end]; len(bytes.TrimSpace(raw)) > 0 {
			if h, _, err := parseLine(raw); err == nil && h != nil {
				return start, end, h
			}
		}
		start = end + 1
	}
	return 0, 0, nil
}

// Compact rewrites the file with header h and the latest event of every
// id (deletions kept). Unreadable lines are first appended to
// <path>.rejected. The file is replaced atomically.
func (s *Store) Compact(h Header) error {
	if h.Version == 0 {
		h.Version = Version
	}
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.refresh(true); err != nil {
		return err
	}
	if s.header != nil && s.header.Version > Version {
		return &RefusedError{Path: s.path, Reason: fmt.Sprintf("was written by a newer margin (format %d); upgrade margin to compact it", s.header.Version)}
	}
	fi, err := s.writable()
	if err != nil {
		return err
	}
	if err := s.reject(); err != nil {
		return err
	}
	buf, err := s.compacted(h)
	if err != nil {
		return err
	}
	pf, err := renameio.NewPendingFile(s.path, renameio.WithPermissions(fi.Mode().Perm()))
	if err != nil {
		return fileError("compact", s.path, err)
	}
	defer pf.Cleanup()
	if _, err := pf.Write(buf); err != nil {
		return fileError("compact", s.path, err)
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return fileError("compact", s.path, err)
	}
	if err := syncDir(filepath.Dir(s.path)); err != nil {
		return err
	}
	s.create = h
	_, err = s.refresh(true)
	return err
}

// compacted is the file's new content: header h (keeping the fields of
// the old header it does not know) and the latest event of every id, as
// read.
func (s *Store) compacted(h Header) ([]byte, error) {
	var old []byte
	if s.header != nil {
		old = s.header.raw
	}
	line, err := h.merged(old)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	buf := bytes.NewBuffer(append(line, '\n'))
	for _, e := range s.Events() {
		if e.raw != nil {
			buf.Write(e.raw)
			buf.WriteByte('\n')
		} else if err := writeJSONLine(buf, e); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

// writable refuses to replace a file that its mode says is read-only
// (the directory would allow it, but the user said no) and checks that
// the file could be written, returning its information.
func (s *Store) writable() (fs.FileInfo, error) {
	fi, err := checkRegular(s.path)
	if err != nil {
		return nil, fileError("compact", s.path, err)
	}
	if fi == nil {
		return nil, fmt.Errorf("compact %s: %w", s.path, fs.ErrNotExist)
	}
	if fi.Mode().Perm()&0o222 == 0 {
		return nil, &RefusedError{Path: s.path, Reason: "is read-only; margin will not replace it (make it writable to compact it)"}
	}
	f, err := openRegular(s.path, os.O_WRONLY|os.O_APPEND)
	if err != nil {
		return nil, fileError("compact", s.path, err)
	}
	return fi, f.Close()
}

// RejectedPath is where compaction keeps the unreadable lines of path.
func RejectedPath(path string) string { return path + ".rejected" }

// reject appends the unreadable lines to the rejected file and syncs it.
func (s *Store) reject() error {
	cut := len(s.torn) > 0 && !s.whole
	if len(s.bad) == 0 && !cut {
		return nil
	}
	var buf bytes.Buffer
	for _, b := range s.bad {
		buf.WriteString(b.Text)
		buf.WriteByte('\n')
	}
	if cut {
		buf.Write(s.torn)
		buf.WriteByte('\n')
	}
	return appendSync(RejectedPath(s.path), buf.Bytes())
}

// lock takes the exclusive lock on the sidecar itself, creating it if
// needed. Compaction replaces the file, so after waiting for the lock it
// checks that the locked file is still the one at path.
func (s *Store) lock() (unlock func(), err error) {
	for range 100 {
		if _, err := checkRegular(s.path); err != nil {
			return nil, fileError("write", s.path, err)
		}
		fl := flock.New(s.path, flock.SetPermissions(0o644), flock.SetFlag(os.O_CREATE|os.O_RDONLY|noFollow))
		if err := fl.Lock(); err != nil {
			return nil, fileError("lock", s.path, err)
		}
		held, err1 := fl.Stat()
		now, err2 := os.Lstat(s.path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() { _ = fl.Unlock() }, nil
		}
		_ = fl.Unlock()
	}
	return nil, fmt.Errorf("lock %s: the file keeps being replaced", s.path)
}

// refresh reads the complete lines appended since the last read. Without
// the lock an incomplete last line may still be being written and is left
// for later; under the lock it can only be left by a crash, and is kept in
// s.torn.
func (s *Store) refresh(locked bool) (changed bool, err error) {
	f, err := openRegular(s.path, os.O_RDONLY)
	if errors.Is(err, fs.ErrNotExist) {
		changed = s.file != nil
		s.reset()
		return changed, nil
	}
	if err != nil {
		return false, fileError("read", s.path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, fileError("read", s.path, err)
	}
	if s.file == nil || !os.SameFile(fi, s.file) || fi.Size() < s.off {
		changed = s.file != nil
		s.reset()
	}
	s.file = fi
	s.torn, s.whole = nil, false
	if fi.Size() == s.off {
		return changed, nil
	}
	if _, err := f.Seek(s.off, io.SeekStart); err != nil {
		return false, fileError("read", s.path, err)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return false, fileError("read", s.path, err)
	}
	whole := bytes.LastIndexByte(data, '\n') + 1
	s.apply(data[:whole])
	s.off += int64(whole)
	if tail := data[whole:]; len(tail) > 0 {
		// A last line without its newline is either being written or was
		// cut by a crash, unless it parses: a strict prefix of a JSON
		// object never does. A valid one is applied now and again when
		// complete, which changes nothing.
		valid := s.applyLine(tail) == nil
		if locked {
			s.torn, s.whole = tail, valid
		}
	}
	return changed || whole > 0, nil
}

func (s *Store) reset() {
	s.header, s.latest, s.sorted, s.bad = nil, map[string]Event{}, nil, nil
	s.file, s.off, s.lines, s.torn, s.whole = nil, 0, 0, nil, false
	s.cachedOff, s.tag = 0, ""
}

// apply folds complete lines into the state.
func (s *Store) apply(data []byte) {
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		raw := data[:i]
		data = data[i+1:]
		s.lines++
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		if err := s.applyLine(raw); err != nil {
			s.bad = append(s.bad, BadLine{Line: s.lines, Text: string(raw), Err: err})
		}
	}
}

// applyLine folds one line into the state, or says why it cannot.
func (s *Store) applyLine(raw []byte) error {
	h, ev, err := parseLine(raw)
	switch {
	case err != nil:
		return err
	case h != nil:
		if s.header == nil {
			s.header = h
		}
	default:
		if old, ok := s.latest[ev.ID]; !ok || newer(*ev, old) {
			s.latest[ev.ID] = *ev
			s.sorted = nil
		}
	}
	return nil
}

func writeJSONLine(buf *bytes.Buffer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	buf.Write(b)
	buf.WriteByte('\n')
	return nil
}

// appendSync appends data to the file at path in one write and syncs it.
// The lock must be held.
func appendSync(path string, data []byte) error {
	f, err := openRegular(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE)
	if err != nil {
		return fileError("write", path, err)
	}
	if err := appendWhole(f, data); err != nil {
		f.Close()
		return fileError("write", path, err)
	}
	if err := f.Close(); err != nil {
		return fileError("write", path, err)
	}
	return nil
}

// appendFile is what appendWhole needs of an open sidecar (a test gives
// it one whose disk is full).
type appendFile interface {
	io.Writer
	Sync() error
	Stat() (fs.FileInfo, error)
	Truncate(size int64) error
}

// appendWhole appends data to f and syncs it, or leaves f as it was: a
// write cut short by a full disk left half a line, read ever after as
// "line N is not a note" for a note that was reported unsaved, and a
// sync that fails may have lost part of the data. The lock keeps other
// writers off, so cutting f back to its size before is safe.
func appendWhole(f appendFile, data []byte) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		_ = f.Truncate(fi.Size())
		return err
	}
	return nil
}

// syncDir makes a new or renamed directory entry durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fileError("sync", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fileError("sync", dir, err)
	}
	return nil
}
