//go:build unix

package model

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOpenRefusesFilesThatAreNotFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{"refuses a FIFO without waiting for a writer", fifo, "named pipe"},
		{"refuses a device that never ends", "/dev/zero", "is a device"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(context.Background(), tt.path, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
				t.Fatalf("Open(%s) error = %v, want one naming the path with %q", tt.path, err, tt.want)
			}
		})
	}
}
