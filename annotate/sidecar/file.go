package sidecar

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

	"github.com/margin-reader/margin/internal/fileerr"
	"github.com/margin-reader/margin/internal/filekind"
)

// RefusedError is a sidecar margin will not write (or compact) as asked,
// though it could: the file is not what it claims to be, or writing would
// lose something. Nothing was changed. It differs from a failed write,
// which is worth trying again or elsewhere.
type RefusedError struct {
	Path   string
	Reason string
}

func (e *RefusedError) Error() string { return e.Path + " " + e.Reason }

// ErrRefused matches every *RefusedError with errors.Is.
var ErrRefused = errors.New("refused")

// Is makes errors.Is(err, ErrRefused) true for a RefusedError.
func (e *RefusedError) Is(target error) bool { return target == ErrRefused }

// checkRegular refuses anything at path but a regular file (or nothing):
// margin never writes through a symbolic link, and never opens a named
// pipe or a device, which could block or never end. It returns the
// file's information, or nil if there is no file. Its errors, and
// openRegular's, are for fileError to put in words.
func checkRegular(path string) (fs.FileInfo, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	return fi, nil
}

// regular refuses fi unless it is a regular file.
func regular(path string, fi fs.FileInfo) error {
	if fi.Mode().IsRegular() {
		return nil
	}
	return &RefusedError{Path: path, Reason: "is " + filekind.Of(fi.Mode()) + ", not a notes file; margin reads and writes notes only in regular files"}
}

// fileError is err, met trying to what ("read", "write") the sidecar at
// path, as one line that names the path once: the os package's errors
// name it too ("read a.notes.jsonl: open a.notes.jsonl: permission
// denied"), and a RefusedError says it all already.
func fileError(what, path string, err error) error {
	var refused *RefusedError
	if errors.As(err, &refused) {
		return err
	}
	return fmt.Errorf("%s %s: %w", what, path, fileerr.Cause(err))
}

// openRegular opens path, which must be a regular file, never following a
// symbolic link in its last element and never blocking on a pipe (the
// check before opening and the flags cover a file swapped in between).
func openRegular(path string, flag int) (*os.File, error) {
	if _, err := checkRegular(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, flag|noFollow, 0o644)
	if errors.Is(err, syscall.ELOOP) {
		return nil, &RefusedError{Path: path, Reason: "is a symbolic link, not a notes file; margin reads and writes notes only in regular files"}
	}
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = regular(path, fi)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
