package fileerr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestCauseDropsTheWrapperThatNamesThePath(t *testing.T) {
	dir := t.TempDir()
	_, openErr := os.Open(filepath.Join(dir, "missing.txt"))
	renameErr := os.Rename(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "other.txt"))
	tests := []struct {
		name string
		err  error
		want string
		is   error
	}{
		{"an open error", openErr, "no such file or directory", fs.ErrNotExist},
		{"an open error wrapped", fmt.Errorf("lock x: %w", openErr), "no such file or directory", fs.ErrNotExist},
		{"a rename error", renameErr, "no such file or directory", fs.ErrNotExist},
		{"an error naming no path", syscall.ENOSPC, "no space left on device", syscall.ENOSPC},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Cause(tt.err)
			if got.Error() != tt.want || strings.Contains(got.Error(), dir) {
				t.Errorf("Cause(%q) = %q, want %q", tt.err, got, tt.want)
			}
			if !errors.Is(got, tt.is) {
				t.Errorf("Cause(%q) no longer matches %v", tt.err, tt.is)
			}
		})
	}
}
