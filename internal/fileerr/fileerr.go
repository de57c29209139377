// Package fileerr keeps margin's messages about a file to one clear line
// that names the file once: the os package's errors name the path
// themselves ("open a.txt: permission denied"), so a caller that says
// which file it was reading ("read a.txt: ...") named it twice.
package fileerr

import (
	"errors"
	"io/fs"
	"os"
)

// Cause is err without the *fs.PathError (or *os.LinkError) in it, whose
// message repeats a path the caller names itself: the error that one
// wraps ("permission denied"), or err if it has none. errors.Is still
// matches what it matched (fs.ErrPermission, syscall.ENOSPC).
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
