package sidecar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// ErrGone is returned by Move when the sidecar to move is no longer there:
// another process moved (or removed) it first.
var ErrGone = errors.New("the notes file is no longer there")

// Move gives the sidecar at from the name to, if owns still says the
// file is the caller's once its lock is held (another process may have
// written it meanwhile): margin's notes folder once kept sidecars by
// the article's file name, and keeps them by its path now. It reports
// whether the file was moved; false with a nil error means owns said no.
//
// The move is a hard link and the removal of the old name, under the
// old file's lock, so at every moment the notes are under one name or
// both, and two processes moving the same file at once move it once (the
// second finds from gone: ErrGone). If to is there already (a crash
// between link and removal, or notes written under both names), the
// lines of from that are not its header are appended to to, which folds
// them as git's union merge does, before from is removed: no note is
// lost either way. The lines compaction set aside (RejectedPath) go
// along. record, an absolute path, is then written into the moved file's
// header if it records another (the article moved).
func Move(from, to, record string, owns func(Header) bool) (bool, error) {
	unlock, err := lockExisting(from)
	if err != nil {
		return false, err
	}
	defer unlock()
	h, ok, err := ReadHeader(from)
	if err != nil {
		return false, err
	}
	if !ok || !owns(h) {
		return false, nil
	}
	if err := linkOrMerge(from, to); err != nil {
		return false, err
	}
	if err := os.Remove(from); err != nil {
		return false, fileError("remove", from, err)
	}
	// The lines compaction set aside go with the notes; if they cannot,
	// they stay where they are, as they were.
	_ = moveRejected(from, to)
	if err := syncDir(filepath.Dir(to)); err != nil {
		return false, err
	}
	if h.Path != record {
		// The events are under the new name: a header not rewritten
		// only makes the notes warn that they were another path's.
		_ = rewritePath(to, record, func(h Header) bool { return h.Path == record })
	}
	return true, nil
}

// lockExisting takes the lock of the sidecar at path without creating
// it, and checks that the file locked is still the one at path (a
// compaction replaces it; a Move removes it: ErrGone).
func lockExisting(path string) (unlock func(), err error) {
	for range 100 {
		fi, err := checkRegular(path)
		if err != nil {
			return nil, fileError("lock", path, err)
		}
		if fi == nil {
			return nil, ErrGone
		}
		fl := flock.New(path, flock.SetFlag(os.O_RDONLY|noFollow))
		if err := fl.Lock(); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, ErrGone
			}
			return nil, fileError("lock", path, err)
		}
		held, err1 := fl.Stat()
		now, err2 := os.Lstat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return func() { _ = fl.Unlock() }, nil
		}
		_ = fl.Unlock()
		if errors.Is(err2, fs.ErrNotExist) {
			return nil, ErrGone
		}
	}
	return nil, fmt.Errorf("lock %s: the file keeps being replaced", path)
}

// linkOrMerge makes the notes of from be in to: a new name for the same
// file, or, when to is another file already, from's events appended to
// it under its lock. from's lock must be held.
func linkOrMerge(from, to string) error {
	err := os.Link(from, to)
	if err == nil || !errors.Is(err, fs.ErrExist) {
		if err != nil {
			return fileError("move notes to", to, err)
		}
		return nil
	}
	fi, err1 := os.Lstat(from)
	fj, err2 := os.Lstat(to)
	if err1 == nil && err2 == nil && os.SameFile(fi, fj) {
		return nil
	}
	return mergeInto(from, to)
}

// mergeInto appends every line of from but its header lines to the
// sidecar to, under to's lock, after a newline if to's last line is torn.
func mergeInto(from, to string) error {
	f, err := openRegular(from, os.O_RDONLY)
	if err != nil {
		return fileError("read", from, err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return fileError("read", from, err)
	}
	var buf bytes.Buffer
	for raw := range bytes.Lines(data) {
		line := bytes.TrimSuffix(raw, []byte("\n"))
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if h, _, err := parseLine(line); err == nil && h != nil {
			continue
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	s := &Store{path: to}
	unlock, err := s.lock()
	if err != nil {
		return err
	}
	defer unlock()
	_, torn, err := ending(to)
	if err != nil {
		return err
	}
	if torn {
		return appendSync(to, append([]byte("\n"), buf.Bytes()...))
	}
	return appendSync(to, buf.Bytes())
}

// moveRejected appends the lines compaction moved out of the sidecar at
// from (RejectedPath) to those of to, and removes from's file of them.
// from's lock must be held.
func moveRejected(from, to string) error {
	data, err := os.ReadFile(RejectedPath(from))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	if err := appendSync(RejectedPath(to), data); err != nil {
		return err
	}
	return os.Remove(RejectedPath(from))
}
