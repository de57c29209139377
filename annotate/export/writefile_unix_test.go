//go:build unix

package export

import (
	"syscall"
	"testing"
)

func TestWriteFileRefusesANamedPipe(t *testing.T) {
	runWriteFileCases(t, []writeFileCase{{"refuses a named pipe without blocking on it", func(t *testing.T, _, path string) {
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
	}, "a named pipe"}})
}
