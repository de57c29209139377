package annotate_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model"
)

// harbour is an article of its own for these tests.
const harbour = "The harbour board said on Monday that forty boats had left the bay before the storm.\n\n" +
	"A spokesman added that none had come back by the evening, and that the coastguard was watching.\n"

// story writes harbour (or text) at dir/name and loads it.
func story(t *testing.T, dir, name string, text ...string) *model.Article {
	t.Helper()
	body := harbour
	if len(text) > 0 {
		body = text[0]
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return reload(t, path)
}

// notesIn opens a's notes in dir and returns their texts, in order.
func notesIn(t *testing.T, a *model.Article, dir string) []string {
	t.Helper()
	b := openIn(t, a, dir)
	var out []string
	for _, n := range b.Notes() {
		out = append(out, n.Text)
	}
	return out
}

// oldName is where margin kept a's sidecar in a notes folder before it
// keyed them by path: by the file name alone.
func oldName(a *model.Article, dir string) string {
	return filepath.Join(dir, filepath.Base(a.Path)+annotate.Suffix)
}

// TestSameNamedArticlesEachKeepTheirOwnNotesInANotesFolder: two
// index.html files (the same text, too) in different folders shared one
// sidecar in a notes folder, and the second could take no notes there.
func TestSameNamedArticlesEachKeepTheirOwnNotesInANotesFolder(t *testing.T) {
	for _, folder := range []string{"chosen", "fallback"} {
		t.Run(folder, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", t.TempDir())
			dir := t.TempDir()
			if folder == "fallback" {
				var err error
				if dir, err = annotate.FallbackDir(); err != nil {
					t.Fatal(err)
				}
			}
			first, second := story(t, t.TempDir(), "index.html"), story(t, t.TempDir(), "index.html")
			add(t, openIn(t, first, dir), "forty boats", "on the first", annotate.None)
			add(t, openIn(t, second, dir), "forty boats", "on the second", annotate.None)
			s, err := anchor.Find(second.Text, "the coastguard", 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := annotate.Append(second, annotate.Options{Dir: dir}, annotate.Note{Span: s, Text: "added to the second"}); err != nil {
				t.Fatal(err)
			}
			if got := notesIn(t, first, dir); strings.Join(got, "|") != "on the first" {
				t.Errorf("the first article's notes: %q", got)
			}
			if got := notesIn(t, second, dir); strings.Join(got, "|") != "on the second|added to the second" {
				t.Errorf("the second article's notes: %q", got)
			}
			if w := openIn(t, second, dir).Warnings(); len(w) != 0 {
				t.Errorf("warnings: %q", w)
			}
			if folder == "fallback" {
				for _, a := range []*model.Article{first, second} {
					if got, isFallback := annotate.NotesDir(a, ""); got != dir || !isFallback {
						t.Errorf("NotesDir(%s) = %q, %v; want the fallback", a.Path, got, isFallback)
					}
				}
			}
		})
	}
}

// TestAnArticleByALinkAndByItsPathHasOneSidecar: a notes folder names a
// sidecar by the path through its links, so opening the article by a
// symbolic link and by its own path, in turns, reads and writes one file
// that stays where it is; a hard link, another path to the same file,
// keeps notes of its own and leaves the other's where they are.
func TestAnArticleByALinkAndByItsPathHasOneSidecar(t *testing.T) {
	dir := t.TempDir()
	a := story(t, t.TempDir(), "report.txt")
	link := filepath.Join(t.TempDir(), "report.txt")
	if err := os.Symlink(a.Path, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(t.TempDir(), "report.txt")
	if err := os.Link(a.Path, hard); err != nil {
		t.Fatal(err)
	}
	add(t, openIn(t, a, dir), "forty boats", "by its path", annotate.None)
	add(t, openIn(t, reload(t, link), dir), "the coastguard", "by a link", annotate.None)
	if got := notesIn(t, a, dir); strings.Join(got, "|") != "by its path|by a link" {
		t.Errorf("by its path: %q", got)
	}
	if got := annotate.SidecarPath(link, dir); got != annotate.SidecarPath(a.Path, dir) {
		t.Errorf("the link's sidecar %s, the path's %s", got, annotate.SidecarPath(a.Path, dir))
	}
	if got := notesIn(t, reload(t, hard), dir); len(got) != 0 {
		t.Errorf("by a hard link: %q, want notes of its own", got)
	}
	if got := notesIn(t, a, dir); len(got) != 2 {
		t.Errorf("by its path after the hard link: %q", got)
	}
}

// oldSidecar writes, under a's old name in dir, a sidecar with one note
// on "forty boats" whose header is header.
func oldSidecar(t *testing.T, a *model.Article, dir, header string) string {
	t.Helper()
	scratch := t.TempDir()
	add(t, openIn(t, a, scratch), "forty boats", "an old note", annotate.None)
	data, err := os.ReadFile(annotate.SidecarPath(a.Path, scratch))
	if err != nil {
		t.Fatal(err)
	}
	_, events, _ := strings.Cut(string(data), "\n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := oldName(a, dir)
	if err := os.WriteFile(path, []byte(header+"\n"+events), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAnOldNameKeyedSidecarIsMovedToTheArticlesOwn: a sidecar kept by
// file name alone is this article's if it records its path, or records
// none and was started on its text; it is then moved to the article's own
// name with its notes, and its header records the path. Any other is
// left where it is, and the article's notes start afresh.
func TestAnOldNameKeyedSidecarIsMovedToTheArticlesOwn(t *testing.T) {
	elsewhere := story(t, t.TempDir(), "report.txt")
	for _, c := range []struct {
		name   string
		header func(abs, hash string) string
		taken  bool
	}{
		{"it records the article's path", func(abs, _ string) string {
			return `{"margin_notes":1,"article":"sha256:0","path":` + strconv.Quote(abs) + `}`
		}, true},
		{"it records no path, started on the article's text", func(_, hash string) string {
			return `{"margin_notes":1,"article":"` + hash + `"}`
		}, true},
		{"it records no path, started on another text", func(_, _ string) string {
			return `{"margin_notes":1,"article":"sha256:0"}`
		}, false},
		{"it records another file that is there", func(_, hash string) string {
			return `{"margin_notes":1,"article":"` + hash + `","path":` + strconv.Quote(elsewhere.Path) + `}`
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			a := story(t, t.TempDir(), "report.txt")
			abs, _ := filepath.Abs(a.Path)
			old := oldSidecar(t, a, dir, c.header(abs, a.Hash))
			got := notesIn(t, a, dir)
			_, oldErr := os.Stat(old)
			if !c.taken {
				if len(got) != 0 || oldErr != nil {
					t.Fatalf("notes %q, old sidecar: %v; want none, the old one left alone", got, oldErr)
				}
				return
			}
			if strings.Join(got, "|") != "an old note" || oldErr == nil {
				t.Fatalf("notes %q, old sidecar: %v; want the old note, the old name gone", got, oldErr)
			}
			moved, err := os.ReadFile(annotate.SidecarPath(a.Path, dir))
			if err != nil || !strings.Contains(string(moved), `"path":`+strconv.Quote(abs)) {
				t.Fatalf("the moved sidecar does not record %s (%v):\n%s", abs, err, moved)
			}
		})
	}
}

// TestMarginsMovingAnOldSidecarAtOnceKeepEveryNote: several writers (as
// many margin processes: each opens and locks the file on its own) find
// an old-name sidecar at once, each moving it and adding a note; the
// old note and every new one are under the new name, once.
func TestMarginsMovingAnOldSidecarAtOnceKeepEveryNote(t *testing.T) {
	const writers = 8
	for round := range 3 {
		dir := t.TempDir()
		a := story(t, t.TempDir(), "report.txt")
		abs, _ := filepath.Abs(a.Path)
		oldSidecar(t, a, dir, `{"margin_notes":1,"article":"sha256:0","path":`+strconv.Quote(abs)+`}`)
		s, err := anchor.Find(a.Text, "the coastguard", 0)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, writers)
		for i := range writers {
			wg.Go(func() {
				n := annotate.Note{Span: s, Text: "writer " + strconv.Itoa(i)}
				if i%2 == 0 {
					_, errs[i] = annotate.Append(a, annotate.Options{Dir: dir}, n)
					return
				}
				b, err := annotate.Open(a, annotate.Options{Dir: dir})
				if err == nil {
					_, err = b.Add(n)
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, writer %d: %v", round, i, err)
			}
		}
		got := notesIn(t, a, dir)
		if len(got) != writers+1 {
			t.Fatalf("round %d: %d notes, want %d: %q", round, len(got), writers+1, got)
		}
		if _, err := os.Stat(oldName(a, dir)); err == nil {
			t.Fatalf("round %d: the old name is still there", round)
		}
	}
}

// TestAnOldAndANewSidecarOfOneArticleAreMerged: notes under both names
// (an older margin wrote the old one after the move) are all kept.
func TestAnOldAndANewSidecarOfOneArticleAreMerged(t *testing.T) {
	dir := t.TempDir()
	a := story(t, t.TempDir(), "report.txt")
	abs, _ := filepath.Abs(a.Path)
	old := oldSidecar(t, a, dir, `{"margin_notes":1,"path":`+strconv.Quote(abs)+`}`)
	data, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(old); err != nil {
		t.Fatal(err)
	}
	add(t, openIn(t, a, dir), "the coastguard", "under the new name", annotate.None)
	if err := os.WriteFile(old, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := notesIn(t, a, dir); strings.Join(got, "|") != "an old note|under the new name" {
		t.Fatalf("notes %q, want both names' notes", got)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("the old name is still there")
	}
	if got := notesIn(t, a, dir); len(got) != 2 {
		t.Fatalf("opened again: %q", got)
	}
}

// TestAMovedArticleFindsItsNotesByItsText: an article moved to another
// folder (nothing left at the path its sidecar records) finds its notes
// in the fallback folder by content hash, and they move to its new name;
// edited as well as moved, it cannot be told from another article.
func TestAMovedArticleFindsItsNotesByItsText(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	fallback, err := annotate.FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	a := story(t, t.TempDir(), "report.txt")
	add(t, openIn(t, a, fallback), "forty boats", "before the move", annotate.None)
	was := annotate.SidecarPath(a.Path, fallback)
	to := filepath.Join(t.TempDir(), "report.txt")
	if err := os.Rename(a.Path, to); err != nil {
		t.Fatal(err)
	}
	edited := story(t, t.TempDir(), "report.txt", harbour+"\nA line added later.\n")
	if got, isFallback := annotate.NotesDir(edited, ""); isFallback {
		t.Errorf("an edited same-named article took the moved one's notes: %q", got)
	}
	moved := reload(t, to)
	if got, isFallback := annotate.NotesDir(moved, ""); got != fallback || !isFallback {
		t.Fatalf("NotesDir of the moved article = %q, %v; want the fallback", got, isFallback)
	}
	b := openIn(t, moved, fallback)
	if n := b.Notes(); len(n) != 1 || n[0].Text != "before the move" {
		t.Fatalf("notes of the moved article: %+v", n)
	}
	if w := b.Warnings(); len(w) != 0 {
		t.Errorf("warnings: %q", w)
	}
	if _, err := os.Stat(was); err == nil || b.Path() != annotate.SidecarPath(to, fallback) {
		t.Errorf("the sidecar is %s, the old one still there (%v)", b.Path(), err)
	}
	header, _ := os.ReadFile(b.Path())
	if abs, _ := filepath.Abs(to); !strings.Contains(string(header), `"path":`+strconv.Quote(abs)) {
		t.Errorf("the sidecar does not record the new path %s:\n%s", abs, header)
	}
}

// TestAnOldNameThatIsNotANotesFileIsLeftAlone: a folder or a link under
// the old name is not moved or written through; the article's notes go
// to its own name.
func TestAnOldNameThatIsNotANotesFileIsLeftAlone(t *testing.T) {
	for _, kind := range []string{"folder", "link"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			a := story(t, t.TempDir(), "report.txt")
			old := oldName(a, dir)
			target := filepath.Join(t.TempDir(), "elsewhere")
			if kind == "folder" {
				if err := os.Mkdir(old, 0o755); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Symlink(target, old); err != nil {
				t.Fatal(err)
			}
			b := openIn(t, a, dir)
			add(t, b, "forty boats", "its own", annotate.None)
			if got := notesIn(t, a, dir); strings.Join(got, "|") != "its own" {
				t.Fatalf("notes %q", got)
			}
			if w := strings.Join(b.Warnings(), "\n"); !strings.Contains(w, old) || strings.Count(w, "\n") > 0 || strings.Count(w, old) != 1 {
				t.Errorf("warnings %q, want one line naming %s once", w, old)
			}
			if _, err := os.Lstat(old); err != nil {
				t.Errorf("the old name was removed: %v", err)
			}
			if _, err := os.Stat(target); err == nil {
				t.Error("a note was written through the link")
			}
		})
	}
}

// BenchmarkNotesDirInAFullFallbackFolder: the reader asks NotesDir for
// every article opened without a sidecar beside it; a fallback folder of
// 5,000 other articles' sidecars, none of this one's name, is listed.
func BenchmarkNotesDirInAFullFallbackFolder(b *testing.B) {
	b.Setenv("XDG_DATA_HOME", b.TempDir())
	fallback, err := annotate.FallbackDir()
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(fallback, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range 5000 {
		name := filepath.Join(fallback, "story-"+strconv.Itoa(i)+".html.0123456789ab"+annotate.Suffix)
		if err := os.WriteFile(name, []byte(`{"margin_notes":1,"path":"/gone/story.html"}`+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(b.TempDir(), "report.txt")
	if err := os.WriteFile(path, []byte(harbour), 0o644); err != nil {
		b.Fatal(err)
	}
	a, err := model.Open(b.Context(), path, model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, isFallback := annotate.NotesDir(a, ""); isFallback {
			b.Fatal("another article's notes")
		}
	}
}

// readOnlyDir makes dir refuse new names until the test ends: by its
// mode, or for root, whom modes do not stop, by chattr +i where the file
// system has it.
func readOnlyDir(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("root, and no chattr +i here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}

// TestAnOldSidecarThatCannotBeMovedIsReadWhereItIs: in a notes folder
// that takes no new name, the old-name sidecar's notes are shown from
// where they are, with one line saying so.
func TestAnOldSidecarThatCannotBeMovedIsReadWhereItIs(t *testing.T) {
	dir := t.TempDir()
	a := story(t, t.TempDir(), "report.txt")
	abs, _ := filepath.Abs(a.Path)
	old := oldSidecar(t, a, dir, `{"margin_notes":1,"path":`+strconv.Quote(abs)+`}`)
	readOnlyDir(t, dir)
	b := openIn(t, a, dir)
	if n := b.Notes(); len(n) != 1 || n[0].Text != "an old note" || b.Path() != old {
		t.Fatalf("notes %+v in %s, want the old note in %s", n, b.Path(), old)
	}
	w := b.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], "could not be moved") || strings.Count(w[0], old) != 1 || strings.Contains(w[0], "\n") {
		t.Errorf("warnings %q, want one line naming %s once", w, old)
	}
}
