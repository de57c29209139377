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
			if _, _, err := annotate.Append(second, annotate.Options{Dir: dir}, annotate.Note{Span: s, Text: "added to the second"}); err != nil {
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
					if got, isFallback := notesDir(a, ""); got != dir || !isFallback {
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

// TestAnOldNameSidecarIsTheArticlesWhereItIs: a sidecar kept by file
// name alone is this article's if it records its path, or records none
// and was started on its text; its notes are then read and written where
// it is, under the old name, and its header records the path. Any other
// is left as it is, and the article's notes start afresh under its own.
func TestAnOldNameSidecarIsTheArticlesWhereItIs(t *testing.T) {
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
			abs := realPath(t, a.Path)
			old := oldSidecar(t, a, dir, c.header(abs, a.Hash))
			b := openIn(t, a, dir)
			add(t, b, "the coastguard", "a new note", annotate.None)
			got := notesIn(t, a, dir)
			_, ownErr := os.Stat(annotate.SidecarPath(a.Path, dir))
			if !c.taken {
				if strings.Join(got, "|") != "a new note" || b.Path() == old {
					t.Fatalf("notes %q in %s; want only the new one, the old sidecar left alone", got, b.Path())
				}
				return
			}
			if strings.Join(got, "|") != "an old note|a new note" || b.Path() != old || ownErr == nil {
				t.Fatalf("notes %q in %s, own name: %v; want both in %s, no own name", got, b.Path(), ownErr, old)
			}
			data, err := os.ReadFile(old)
			if err != nil || !strings.Contains(string(data), `"path":`+strconv.Quote(abs)) {
				t.Fatalf("the old sidecar does not record %s (%v):\n%s", abs, err, data)
			}
		})
	}
}

// realPath is path absolute with links resolved, as a sidecar in a notes
// folder records it.
func realPath(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestMarginsOpeningAnOldSidecarAtOnceKeepEveryNote: several writers (as
// many margin processes: each opens and locks the file on its own) find
// an old-name sidecar at once, each adding a note; the old note and
// every new one are in it, once, and no other name is made.
func TestMarginsOpeningAnOldSidecarAtOnceKeepEveryNote(t *testing.T) {
	const writers = 8
	for round := range 3 {
		dir := t.TempDir()
		a := story(t, t.TempDir(), "report.txt")
		old := oldSidecar(t, a, dir, `{"margin_notes":1,"article":"sha256:0","path":`+strconv.Quote(realPath(t, a.Path))+`}`)
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
					_, _, errs[i] = annotate.Append(a, annotate.Options{Dir: dir}, n)
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
		b := openIn(t, a, dir)
		if n := len(b.Notes()); n != writers+1 || b.Path() != old {
			t.Fatalf("round %d: %d notes in %s, want %d in %s", round, n, b.Path(), writers+1, old)
		}
		if _, err := os.Stat(annotate.SidecarPath(a.Path, dir)); err == nil {
			t.Fatalf("round %d: a sidecar under the article's own name was made", round)
		}
	}
}

// TestAnOpenBookAndAnotherMarginWriteOneSidecar: a margin left open on a
// sidecar under another name than the article's own (the old name, or
// the key of the path the article had before it moved) and a second
// margin opening the article (moved meanwhile or not) write to the same
// file, and each sees every note. When the second moved the file to the
// article's own name, the first's next note recreated the old name,
// where neither looked again.
// In the fallback folder, the first margin, whose file is gone, is not
// refused its note for the header now naming the moved file.
func TestAnOpenBookAndAnotherMarginWriteOneSidecar(t *testing.T) {
	for _, c := range []struct {
		name            string
		moved, fallback bool
	}{{"old name", false, false}, {"the article moved", true, false}, {"the article moved, fallback folder", true, true}} {
		moved := c.moved
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", t.TempDir())
			dir := t.TempDir()
			if c.fallback {
				fb, err := annotate.FallbackDir()
				if err != nil {
					t.Fatal(err)
				}
				dir = fb
			}
			a := story(t, t.TempDir(), "report.txt")
			if !moved {
				oldSidecar(t, a, dir, `{"margin_notes":1,"path":`+strconv.Quote(realPath(t, a.Path))+`}`)
			}
			first := openIn(t, a, dir)
			if moved {
				add(t, first, "forty boats", "an old note", annotate.None)
				to := filepath.Join(t.TempDir(), "report.txt")
				if err := os.Rename(a.Path, to); err != nil {
					t.Fatal(err)
				}
				a = reload(t, to)
			}
			second := openIn(t, a, dir)
			add(t, second, "spokesman", "from the second", annotate.None)
			// The reader notices the change on disk before its next note.
			if _, err := first.Refresh(); err != nil {
				t.Fatal(err)
			}
			add(t, first, "the coastguard", "from the first", annotate.None)
			if _, err := first.Refresh(); err != nil {
				t.Fatal(err)
			}
			if _, err := second.Refresh(); err != nil {
				t.Fatal(err)
			}
			want := "an old note|from the second|from the first"
			for _, b := range []*annotate.Book{first, second, openIn(t, a, dir)} {
				var got []string
				for _, n := range b.Notes() {
					got = append(got, n.Text)
				}
				if strings.Join(got, "|") != want || b.Path() != first.Path() {
					t.Errorf("notes %q in %s, want %q in %s", got, b.Path(), want, first.Path())
				}
			}
		})
	}
}

// TestAMovedArticleFindsItsNotesByItsText: an article moved to another
// folder (nothing left at the path its sidecar records) finds its notes
// in the fallback folder by content hash, read where they are, the header
// recording its new path;
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
	if got, isFallback := notesDir(edited, ""); isFallback {
		t.Errorf("an edited same-named article took the moved one's notes: %q", got)
	}
	moved := reload(t, to)
	if got, isFallback := notesDir(moved, ""); got != fallback || !isFallback {
		t.Fatalf("NotesDir of the moved article = %q, %v; want the fallback", got, isFallback)
	}
	b := openIn(t, moved, fallback)
	if n := b.Notes(); len(n) != 1 || n[0].Text != "before the move" {
		t.Fatalf("notes of the moved article: %+v", n)
	}
	if w := b.Warnings(); len(w) != 0 {
		t.Errorf("warnings: %q", w)
	}
	if b.Path() != was {
		t.Errorf("the sidecar is %s, want %s, read where it is", b.Path(), was)
	}
	if _, err := os.Stat(annotate.SidecarPath(to, fallback)); err == nil {
		t.Error("a sidecar under the moved article's own name was made")
	}
	header, _ := os.ReadFile(was)
	if abs := realPath(t, to); !strings.Contains(string(header), `"path":`+strconv.Quote(abs)) {
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

// BenchmarkLocateInAFullFallbackFolder: the reader asks Locate for
// every article opened without a sidecar beside it; a fallback folder of
// 5,000 other articles' sidecars, none of this one's name, is listed.
func BenchmarkLocateInAFullFallbackFolder(b *testing.B) {
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
		if _, isFallback := notesDir(a, ""); isFallback {
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

// TestAnOldSidecarInAReadOnlyFolderIsReadWhereItIs: in a notes folder
// that takes no new name, the old-name sidecar's notes are shown from
// where they are, and nothing warns that they could not be moved.
func TestAnOldSidecarInAReadOnlyFolderIsReadWhereItIs(t *testing.T) {
	dir := t.TempDir()
	a := story(t, t.TempDir(), "report.txt")
	old := oldSidecar(t, a, dir, `{"margin_notes":1,"path":`+strconv.Quote(realPath(t, a.Path))+`}`)
	readOnlyDir(t, dir)
	b := openIn(t, a, dir)
	if n := b.Notes(); len(n) != 1 || n[0].Text != "an old note" || b.Path() != old {
		t.Fatalf("notes %+v in %s, want the old note in %s", n, b.Path(), old)
	}
	if w := b.Warnings(); len(w) != 0 {
		t.Errorf("warnings %q, want none", w)
	}
}

// TestOpenTakesTheLocationFoundForIt: the notes folder is looked in once
// at start (Locate) and Open takes what was found rather than list it
// again; here a sidecar of the article's own name, made after Locate,
// shows which was used. A Location found for another folder (ctrl+o
// reopens the notes in the fallback folder with the options it had) or
// another text is looked up again.
func TestOpenTakesTheLocationFoundForIt(t *testing.T) {
	dir := t.TempDir()
	a := story(t, t.TempDir(), "report.txt")
	abs := realPath(t, a.Path)
	old := oldSidecar(t, a, dir, `{"margin_notes":1,"article":"`+a.Hash+`","path":"`+abs+`"}`)
	first := *a
	first.Hash = "" // the first step of an article loaded in steps
	found, foundFirst := annotate.Locate(a, dir), annotate.Locate(&first, dir)
	if found.Sidecar != old || foundFirst.Sidecar != old || foundFirst.NeedsHash {
		t.Fatalf("Locate: %+v and on the first step %+v; want %s", found, foundFirst, old)
	}
	// The old sidecar now names another article: only a Location taken
	// as found still gives it.
	data, err := os.ReadFile(old)
	if err != nil {
		t.Fatal(err)
	}
	_, events, _ := strings.Cut(string(data), "\n")
	if err := os.WriteFile(old, []byte(`{"margin_notes":1,"article":"`+strings.Repeat("0", 64)+`","path":"/elsewhere/report.txt"}`+"\n"+events), 0o644); err != nil {
		t.Fatal(err)
	}
	own := annotate.SidecarPath(a.Path, dir)
	other := t.TempDir()
	edited := story(t, filepath.Dir(a.Path), "report.txt", harbour+"\nA third paragraph.\n")
	for _, c := range []struct {
		name    string
		a       *model.Article
		dir     string
		loc     annotate.Location
		ownThen bool // a sidecar of the article's own name appears after Locate
		want    string
	}{
		{"as found", a, dir, found, false, old},
		{"found on the first step, no sidecar told by the hash", a, dir, foundFirst, false, old},
		{"found for another folder", a, other, found, false, annotate.SidecarPath(a.Path, other)},
		{"found for another text", edited, dir, found, false, own},
		{"none found", a, dir, annotate.Location{}, false, own},
		// The next start reads the sidecar of the own name first: notes
		// written to the old one would not be shown.
		{"found, then a sidecar of its own name made", a, dir, found, true, own},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.ownThen {
				if err := os.WriteFile(own, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := annotate.Open(c.a, annotate.Options{Dir: c.dir, Location: c.loc})
			if err != nil {
				t.Fatal(err)
			}
			if b.Path() != c.want {
				t.Errorf("Open's sidecar %s, want %s", b.Path(), c.want)
			}
		})
	}
}

// TestASecondSidecarClaimingTheArticleIsNamed: two copies of one text,
// each with notes in a notes folder, both gone, and the text opened from
// a third path: both sidecars claim it by its hash. margin reads the
// first and names the second in one warning, with the one it reads, so
// that the second's notes are not hidden without a word.
func TestASecondSidecarClaimingTheArticleIsNamed(t *testing.T) {
	dir := t.TempDir()
	copies := []*model.Article{story(t, t.TempDir(), "report.txt"), story(t, t.TempDir(), "report.txt")}
	var sidecars []string
	for i, c := range copies {
		add(t, openIn(t, c, dir), "forty boats", "on copy "+strconv.Itoa(i), annotate.None)
		sidecars = append(sidecars, annotate.SidecarPath(c.Path, dir))
	}
	for _, c := range copies {
		if err := os.Remove(c.Path); err != nil {
			t.Fatal(err)
		}
	}
	a := story(t, t.TempDir(), "report.txt")
	b := openIn(t, a, dir)
	if len(b.Notes()) != 1 {
		t.Fatalf("notes: %+v; want one sidecar's", b.Notes())
	}
	other := sidecars[0]
	if b.Path() == other {
		other = sidecars[1]
	}
	w := b.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], other) || !strings.Contains(w[0], b.Path()) || strings.Contains(w[0], "\n") {
		t.Fatalf("warnings %q; want one line naming %s and %s", w, other, b.Path())
	}
	if _, warning, err := annotate.Append(a, annotate.Options{Dir: dir}, annotate.Note{Span: b.Notes()[0].Span, Text: "added"}); err != nil || warning != w[0] {
		t.Errorf("notes add warned %q (%v); want %q", warning, err, w[0])
	}
}
