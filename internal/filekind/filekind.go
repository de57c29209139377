// Package filekind names what a file that is not a regular file is, so
// that every place that refuses one (articles, sidecars, exports) says it
// the same way.
package filekind

import "io/fs"

// Of names the kind of file m describes ("a symbolic link", "a named
// pipe"), for an error that refuses anything but a regular file.
func Of(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}
