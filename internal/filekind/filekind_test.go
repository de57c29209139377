package filekind

import (
	"io/fs"
	"testing"
)

func TestOfNamesEveryKindMarginRefuses(t *testing.T) {
	tests := []struct {
		name string
		mode fs.FileMode
		want string
	}{
		{"a link, whatever it points at", fs.ModeSymlink | fs.ModeDir, "a symbolic link"},
		{"a directory", fs.ModeDir | 0o755, "a directory"},
		{"a FIFO", fs.ModeNamedPipe, "a named pipe"},
		{"a socket", fs.ModeSocket, "a socket"},
		{"a block device", fs.ModeDevice, "a device"},
		{"a character device", fs.ModeDevice | fs.ModeCharDevice, "a device"},
		{"anything else irregular", fs.ModeIrregular, "not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Of(tt.mode); got != tt.want {
				t.Errorf("Of(%v) = %q, want %q", tt.mode, got, tt.want)
			}
		})
	}
}
