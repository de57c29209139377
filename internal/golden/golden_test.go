package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder stands in for a test, to see whether Check fails it.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true }
func (r *recorder) Logf(string, ...any)   {}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.golden")
	if err := os.WriteFile(path, []byte("same"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		path     string
		got      string
		wantFail bool
	}{
		{"passes output equal to the file", path, "same", false},
		{"fails output that differs", path, "other", true},
		{"fails when the file is missing", path + ".missing", "same", true},
	}
	for _, tt := range tests {
		r := &recorder{TB: t}
		Check(r, tt.path, tt.got)
		if r.failed != tt.wantFail {
			t.Errorf("%s: failed = %v, want %v", tt.name, r.failed, tt.wantFail)
		}
	}
}
