package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// binDir holds the margin binary that the process tests share; it is
// built on first use and removed when the tests end.
var (
	binDir   string
	buildBin = sync.OnceValues(func() (string, error) {
		bin := filepath.Join(binDir, "margin")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			return "", fmt.Errorf("go build: %w\n%s", err, out)
		}
		return bin, nil
	})
)

// marginBinary returns the margin binary built from this checkout.
func marginBinary(t *testing.T) string {
	t.Helper()
	bin, err := buildBin()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "margin-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestFlagMistakesNameFlagsAsTheUsageDoes: a wrong flag is named with
// the dashes the usage line gives it, and the line follows.
func TestFlagMistakesNameFlagsAsTheUsageDoes(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "margin: unknown flag --bogus; usage: margin [FILE|URL|-]"},
		{[]string{"--width", "abc", "a.txt"}, `margin: invalid value "abc" for --width; usage:`},
		{[]string{"export", "a.txt", "-o"}, "margin: export: a value is missing after -o; usage: margin export FILE"},
		{[]string{"analyze", "--json=maybe", "a.txt"}, `margin: analyze: invalid boolean value "maybe" for --json; usage:`},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		if code := run(tt.args, nil, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), tt.want) || strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("margin %q: exit %d, stderr %q; want 2 and one line starting %q", tt.args, code, errOut.String(), tt.want)
		}
	}
}
