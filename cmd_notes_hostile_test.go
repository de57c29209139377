package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// hostileNote is text that would drive a terminal if printed raw: ESC (CSI,
// OSC title, reset), BEL, a C1 CSI, a bidi override, a CR.
const hostileNote = "a\x1b[2J\x1b]0;PWNED\x07b\u009b31mc\u202ed\re\x1bc"

// rawControl finds the first byte sequence in out that a terminal would
// act on or that reorders text: C0 controls but newline, DEL, C1
// controls and bidi overrides and isolates.
func rawControl(out []byte) (string, bool) {
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return string(out[max(0, i-10):min(len(out), i+10)]), true
		}
		i += size
	}
	return "", false
}

// runNotesCLI runs margin with args and returns its exit code and output.
func runNotesCLI(args ...string) (code int, stdout, stderr string) {
	var out, errs bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errs)
	return code, out.String(), errs.String()
}

func TestNotesListNeverPrintsARawControl(t *testing.T) {
	path := notesTestArticle(t)
	if code, _, errs := runNotesCLI("notes", "add", path, "--quote", "pulling all stops", "--note", hostileNote, "--tag", hostileNote, "--source", "https://s.example/"+hostileNote, "--author", hostileNote); code != 0 {
		t.Fatal(errs)
	}
	// A hand-edited or merged sidecar: a bad line and an edited note.
	sidecar := path + ".notes.jsonl"
	f, err := os.OpenFile(sidecar, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("not json " + hostileNote + "\n")
	f.WriteString(`{"op":"put","id":"\u001b]0;X\u0007","rev":1,"time":"2025-03-14T09:26:53Z","author":"\u009b2J","note":{"target":{"exact":"third week now"},"text":"\u202eevil\u001b[31m","tags":["\u001bc"]}}` + "\n")
	f.Close()
	for _, args := range [][]string{
		{"notes", "list", path},
		{"notes", "list", "--json", path},
	} {
		t.Run(strings.Join(args[:len(args)-1], " "), func(t *testing.T) {
			code, out, errs := runNotesCLI(args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if !strings.Contains(out, "evil") {
				t.Fatalf("the hand-edited note is missing:\n%s", out)
			}
			for name, s := range map[string]string{"stdout": out, "stderr": errs} {
				if ctx, found := rawControl([]byte(s)); found {
					t.Errorf("raw control in %s near %q", name, ctx)
				}
			}
		})
	}
}

// sidecarOutside is a file in another folder and a link to it where the
// article's sidecar would be.
func sidecarOutside(t *testing.T, article string) (target string, content []byte) {
	t.Helper()
	target = filepath.Join(t.TempDir(), "elsewhere.jsonl")
	content = []byte(`{"margin_notes":1}` + "\n")
	if err := os.WriteFile(target, content, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, article+".notes.jsonl"); err != nil {
		t.Fatal(err)
	}
	return target, content
}

func TestNotesCommandsRefuseSidecarsThatAreNotFiles(t *testing.T) {
	add := func(path string) []string {
		return []string{"notes", "add", path, "--quote", "pulling all stops", "--note", "x"}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
		args  func(path string) []string
	}{
		{"refuses to add through a symlink", func(t *testing.T, p string) { sidecarOutside(t, p) }, add},
		{"refuses to compact a symlink", func(t *testing.T, p string) { sidecarOutside(t, p) }, func(p string) []string { return []string{"notes", "compact", p} }},
		{"refuses to list a named pipe at once", func(t *testing.T, p string) {
			if err := syscall.Mkfifo(p+".notes.jsonl", 0o644); err != nil {
				t.Skip(err)
			}
		}, func(p string) []string { return []string{"notes", "list", p} }},
		{"refuses to compact a read-only sidecar", func(t *testing.T, p string) {
			if code, _, errs := runNotesCLI(add(p)...); code != 0 {
				t.Fatal(errs)
			}
			os.Chmod(p+".notes.jsonl", 0o444)
		}, func(p string) []string { return []string{"notes", "compact", p} }},
		{"refuses to compact a newer format", func(t *testing.T, p string) {
			os.WriteFile(p+".notes.jsonl", []byte(`{"margin_notes":2,"extra":true}`+"\n"), 0o644)
		}, func(p string) []string { return []string{"notes", "compact", p} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := notesTestArticle(t)
			tt.setup(t, path)
			before := snapshot(t, filepath.Dir(path))
			start := time.Now()
			code, _, errs := runNotesCLI(tt.args(path)...)
			if code == 0 || errorLines(errs) != 1 || time.Since(start) > 5*time.Second {
				t.Fatalf("exit %d after %v, stderr %q: want one error line and a failure", code, time.Since(start), errs)
			}
			if after := snapshot(t, filepath.Dir(path)); after != before {
				t.Fatalf("the folder changed:\n%s\nto\n%s", before, after)
			}
		})
	}
}

// errorLines counts the lines of stderr that are not warnings.
func errorLines(stderr string) int {
	n := 0
	for l := range strings.Lines(stderr) {
		if !strings.HasPrefix(l, "margin: warning: ") {
			n++
		}
	}
	return n
}

// snapshot describes every entry of dir and, for a link, its target's
// content: enough to see that nothing was written or replaced.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		fi, _ := os.Lstat(p)
		b.WriteString(e.Name() + " " + fi.Mode().String())
		if fi.Mode().IsRegular() || fi.Mode()&os.ModeSymlink != 0 {
			if fi.Mode()&os.ModeSymlink != 0 {
				target, _ := os.Readlink(p)
				p = target
				b.WriteString(" -> " + target)
			}
			data, _ := os.ReadFile(p)
			b.WriteString(" " + string(data))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestNotesAddWarnsButSaves(t *testing.T) {
	tests := []struct {
		name string
		args []string
		warn string
	}{
		{"warns about a source that is not a link", []string{"--source", "not-a-url", "--author", "ann"}, `"not-a-url" is not a link`},
		{"warns once when there is no author", []string{"--author", "", "--source", "https://a.example/x"}, "no author"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := notesTestArticle(t)
			code, out, errs := runNotesCLI(append([]string{"notes", "add", path, "--quote", "pulling all stops", "--verdict", "false"}, tt.args...)...)
			if code != 0 || len(strings.TrimSpace(out)) != 26 {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
			if !strings.Contains(errs, tt.warn) || strings.Count(errs, "\n") != 1 {
				t.Fatalf("stderr %q, want one warning with %q", errs, tt.warn)
			}
		})
	}
}

func TestNotesCompactCountsInWords(t *testing.T) {
	path := notesTestArticle(t)
	if code, _, errs := runNotesCLI("notes", "add", path, "--quote", "pulling all stops", "--note", "x"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runNotesCLI("notes", "compact", path)
	if code != 0 || !strings.Contains(out, "1 note and 0 deleted notes kept") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
