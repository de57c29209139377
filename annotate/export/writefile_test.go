package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// writeFileCase is a thing at the worksheet's path and what WriteFile
// must make of it.
type writeFileCase struct {
	name    string
	prepare func(t *testing.T, dir, path string)
	refused string // "" when the export must be written
}

func TestWriteFileReplacesOnlyRegularFiles(t *testing.T) {
	runWriteFileCases(t, []writeFileCase{
		{"writes a new worksheet", func(*testing.T, string, string) {}, ""},
		{"replaces an old worksheet", func(t *testing.T, _, path string) { write(t, path, "old") }, ""},
		{"refuses a link to a file elsewhere", func(t *testing.T, dir, path string) {
			write(t, filepath.Join(dir, "outside.md"), "keep")
			link(t, filepath.Join(dir, "outside.md"), path)
		}, "is a symbolic link"},
		{"refuses a dangling link", func(t *testing.T, dir, path string) {
			link(t, filepath.Join(dir, "missing.md"), path)
		}, "is a symbolic link"},
		{"refuses a directory", func(t *testing.T, _, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}, "a directory"},
	})
}

func runWriteFileCases(t *testing.T, tests []writeFileCase) {
	a, notes := fixture(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "story.txt.notes.md")
			tt.prepare(t, dir, path)
			err := WriteFile(path, FormatMarkdown, a, notes, Options{Now: now})
			if tt.refused == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got, _ := os.ReadFile(path); !strings.Contains(string(got), "# Notes on") {
					t.Fatalf("worksheet not written: %q", got)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.refused) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v, want one line saying %q", err, tt.refused)
			}
			if got, err := os.ReadFile(filepath.Join(dir, "outside.md")); err == nil && string(got) != "keep" {
				t.Fatalf("the link's target was changed: %q", got)
			}
			if _, err := os.Stat(filepath.Join(dir, "missing.md")); err == nil {
				t.Fatal("a dangling link's target was created")
			}
			if fi, err := os.Lstat(path); err != nil || fi.Mode().IsRegular() {
				t.Fatalf("what was at the path was replaced: %v %v", fi, err)
			}
		})
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, path string) {
	t.Helper()
	if err := os.Symlink(target, path); err != nil {
		t.Skip("no symbolic links here:", err)
	}
}

// TestWriteFileNamesTheFileItCannotWrite exports into a folder that is
// not there: the one-line error names the file asked for, not the
// temporary file beside it that the export is written to first.
func TestWriteFileNamesTheFileItCannotWrite(t *testing.T) {
	a, notes := fixture(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	write(t, file, "not a folder")
	for _, path := range []string{
		filepath.Join(dir, "gone", "story.md"),
		// under a file, looking at what is there already fails
		filepath.Join(file, "story.md"),
	} {
		err := WriteFile(path, FormatMarkdown, a, notes, Options{Now: now})
		want := "export: cannot write " + path + ": "
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), path) != 1 || strings.Contains(err.Error(), ".story.md") || strings.Contains(err.Error(), "\n") {
			t.Errorf("error %v, want one line starting %q and naming the file once", err, want)
		}
	}
}

// TestWriteFileNeverReplacesTheArticleOrItsNotes exports to the article's
// own path, to it by another name, and to sidecars: "-o story.txt"
// replaced the article with its worksheet, and "-o
// story.txt.notes.jsonl" every note with it.
func TestWriteFileNeverReplacesTheArticleOrItsNotes(t *testing.T) {
	a, notes := fixture(t)
	dir := t.TempDir()
	a.Path = filepath.Join(dir, "story.txt")
	write(t, a.Path, story)
	sidecar := a.Path + ".notes.jsonl"
	write(t, sidecar, "{}\n")
	elsewhere := filepath.Join(t.TempDir(), "story.txt.notes.jsonl")
	hardLink := filepath.Join(dir, "same-story.txt")
	if err := os.Link(a.Path, hardLink); err != nil {
		t.Skip("no hard links here:", err)
	}
	tests := []struct {
		name, path, refused string
	}{
		{"the article", a.Path, "is the article itself"},
		{"the article by another name", hardLink, "is the article itself"},
		{"the article's sidecar", sidecar, "where notes are kept"},
		{"a sidecar in a notes folder, not there yet", elsewhere, "where notes are kept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFile(tt.path, FormatMarkdown, a, notes, Options{Now: now})
			if err == nil || !strings.Contains(err.Error(), tt.refused) {
				t.Fatalf("error %v, want one saying %q", err, tt.refused)
			}
		})
	}
	if got, _ := os.ReadFile(a.Path); string(got) != story {
		t.Errorf("the article was replaced: %q", got)
	}
	if got, _ := os.ReadFile(sidecar); string(got) != "{}\n" {
		t.Errorf("the sidecar was replaced: %q", got)
	}
	if _, err := os.Stat(elsewhere); err == nil {
		t.Error("a sidecar was written")
	}
	if err := WriteFile(filepath.Join(dir, "story.txt.notes.md"), FormatMarkdown, a, notes, Options{Now: now}); err != nil {
		t.Errorf("the worksheet beside the article was refused: %v", err)
	}
}

// diskFull is a file on a full disk: every write fails as write(2) does.
type diskFull struct{ name string }

func (d diskFull) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: d.name, Err: syscall.ENOSPC}
}

// TestAFullDiskNamesTheFileAskedFor: an export cut short by a full disk
// named the temporary file it was writing (".out.md8543765847187403293"),
// which the user never asked for and never sees.
func TestAFullDiskNamesTheFileAskedFor(t *testing.T) {
	a, notes := fixture(t)
	path := filepath.Join(t.TempDir(), "out.md")
	err := Write(diskFull{name: filepath.Join(filepath.Dir(path), ".out.md8543765847187403293")}, FormatMarkdown, a, notes, Options{})
	got := writeFailed(path, err)
	if want := "export: cannot write " + path + ": no space left on device"; got == nil || got.Error() != want {
		t.Errorf("got  %v\nwant %s", got, want)
	}
	if !errors.Is(got, syscall.ENOSPC) {
		t.Errorf("%v is not ENOSPC", got)
	}
	plain := errors.New("export: not a path's")
	if writeFailed(path, plain) != plain {
		t.Error("an error of no file was changed")
	}
}
