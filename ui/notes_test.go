package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/panel"
)

// openLater is a reader on the article at path whose notes it opens
// itself, as margin does, with the first screen drawn.
func openLater(t *testing.T, path string, opts Options) Model {
	t.Helper()
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts.NotesOptions = annotate.Options{Author: "tester"}
	return step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
}

// noteOnFirstSentence saves a note on the first sentence of the article
// at path, through a book of its own.
func noteOnFirstSentence(t *testing.T, path string) annotate.Note {
	t.Helper()
	a, book := openNotes(t, path)
	n, err := book.Add(annotate.Note{Span: a.Sentences[0], Text: "Which council?"})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTheNotesOpenAfterTheFirstScreen(t *testing.T) {
	path := writeArticle(t, article)
	saved := noteOnFirstSentence(t, path)
	m := openLater(t, path, Options{})
	if m.store != nil {
		t.Fatal("the notes were opened before the first screen")
	}
	if !strings.Contains(screen(m), "harbour wall") {
		t.Fatalf("the first screen does not show the text:\n%s", screen(m))
	}
	if early := press(m, "a"); early.editor != nil || !strings.Contains(screen(early), "notes are opening") {
		t.Errorf("a before the notes opened should say they are opening:\n%s", screen(early))
	}
	m = step(m, openNotesMsg{})
	if m.store == nil || len(m.notes) != 1 || m.notes[0].ID != saved.ID {
		t.Fatalf("after opening, the reader has %d notes (store %v), want the one saved", len(m.notes), m.store != nil)
	}
	if m = press(m, "a"); m.editor == nil {
		t.Errorf("a once the notes opened did not open the editor:\n%s", screen(m))
	}
}

func TestTheNotesOpenOnceTheirArrivalNoLongerMatchesTheText(t *testing.T) {
	path := writeArticle(t, article)
	noteOnFirstSentence(t, path)
	m := openLater(t, path, Options{})
	stale, _ := openNotes(t, path)
	book, err := annotate.Open(stale, annotate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m = step(m, notesOpenedMsg{book: book})
	if m.store == nil || m.store.book.Article() != m.reader.Article() {
		t.Fatal("notes opened on another text were taken, or not opened again on the one shown")
	}
}

func TestAFailedOpenSaysWhyTheNotesAreUnavailable(t *testing.T) {
	m := openLater(t, writeArticle(t, article), Options{})
	m = step(m, notesOpenedMsg{err: errTest("the sidecar is a folder")})
	if m = press(m, "a"); m.editor != nil || !strings.Contains(screen(m), "the sidecar is a folder") {
		t.Errorf("a after a failed open should say why:\n%s", screen(m))
	}
	if msg := m.status.Message(); !strings.Contains(msg, "--notes-dir") {
		t.Errorf("a after a failed open does not say how to keep notes elsewhere: %q", msg)
	}
}

// TestMarginCheckResumesWhenTheAnalysisComesBeforeTheNotes: the queue
// resumes from the book's review marks, so it waits for them even when a
// cached analysis is in first.
func TestMarginCheckResumesWhenTheAnalysisComesBeforeTheNotes(t *testing.T) {
	path := writeArticle(t, eightClaims)
	a, book := openNotes(t, path)
	an, _ := claimEverySentence(context.Background(), a, nil)
	first := highestClaim(an)
	if err := book.MarkSeen(first); err != nil {
		t.Fatal(err)
	}
	m := openLater(t, path, Options{Review: true, Analyze: claimEverySentence})
	m = step(m, analysisMsg{hash: m.reader.Article().Hash, an: an})
	if m.review != nil || !strings.Contains(screen(m), "opening the notes") {
		t.Fatalf("the queue opened before the notes, or did not say it waits:\n%s", screen(m))
	}
	m = step(m, openNotesMsg{})
	c, ok := m.review.Current()
	if !ok || c.Span == first {
		t.Errorf("margin check starts at %v, want it past the claim already seen (%v)", c.Span, first)
	}
}

// highestClaim is the span of the claim most worth checking.
func highestClaim(an *model.Analysis) span.Span {
	best := an.Claims[0]
	for _, c := range an.Claims {
		if c.Checkworthiness > best.Checkworthiness {
			best = c
		}
	}
	return best.Span
}

type errTest string

func (e errTest) Error() string { return string(e) }

// TestSavingASourceThatIsNotALinkSaysSo types a source in the note
// editor: a web address is saved quietly, one without a scheme is saved
// as written and the status says it is not a link.
func TestSavingASourceThatIsNotALinkSaysSo(t *testing.T) {
	for _, tc := range []struct {
		name, source, want string
	}{
		{"a web address is saved quietly", "https://example.org/report", "note saved to "},
		{"an address without a scheme is named", "example.org/report", `source "example.org/report" is not a link`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, book := fileBook(t, t.TempDir(), article, "test")
			m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 120, Height: 30})
			// Pasted: typed, each key would wait out the cursor's blink.
			m = step(press(m, "a"), tea.PasteMsg{Content: "Check the date."})
			m = step(press(m, "tab", "tab", "tab"), tea.PasteMsg{Content: tc.source})
			m = saveEditor(t, m)
			if ns := book.Notes(); len(ns) != 1 || len(ns[0].Sources) != 1 || ns[0].Sources[0] != tc.source {
				t.Fatalf("the book holds %+v, want one note with the source %q", ns, tc.source)
			}
			if !strings.Contains(screen(m), tc.want) {
				t.Errorf("the status does not say %q:\n%s", tc.want, screen(m))
			}
		})
	}
}

// TestANoteTypedWhileTheFileChangesKeepsItsPassage opens the editor on
// the focused sentence, then the file changes on disk (a paragraph added
// at the top shifts every offset) and the reader reloads before the note
// is saved: the note is on the sentence it was begun on, not on what the
// old offsets hold in the new text, and anchored there.
func TestANoteTypedWhileTheFileChangesKeepsItsPassage(t *testing.T) {
	m, a, begun := typedWhileTheFileChanges(t)
	m = step(m, m.reload()())
	if m.reader.Article().Text == a.Text {
		t.Fatal("the reader did not reload the changed file")
	}
	m = saveEditor(t, m)
	_, reopened := openNotes(t, a.Path)
	ns := reopened.Notes()
	if len(ns) != 1 || ns[0].Quote() != begun || ns[0].Span.In(reopened.Article().Text) != begun {
		t.Fatalf("the notes are %+v, want one on %q", ns, begun)
	}
	// Its passage is there word for word: saved after the change, it is
	// anchored, not "moved" and listed among the notes needing attention.
	if len(m.notes) != 1 || m.notes[0].Status != annotate.Anchored || ns[0].Status != annotate.Anchored {
		t.Errorf("the note is shown %v and read back %s, want anchored", statuses(m.notes), ns[0].Status)
	}
}

// typedWhileTheFileChanges opens the editor on the focused sentence of
// an article with a file, types a note, and then changes the file on
// disk (a paragraph added at the top shifts every offset). It returns the
// reader, the article as first read and the sentence the note is on.
func typedWhileTheFileChanges(t *testing.T) (Model, *model.Article, string) {
	t.Helper()
	a, book := fileBook(t, t.TempDir(), article, "test")
	reload := func(ctx context.Context) (*model.Article, error) { return model.Open(ctx, a.Path, model.Options{}) }
	opts := Options{Notes: book, NotesOptions: annotate.Options{Author: "test"}, Reload: reload}
	m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, ")", ")")
	f, ok := m.reader.Focus()
	if !ok {
		t.Fatal("no focus")
	}
	begun := f.In(a.Text)
	m = step(press(m, "a"), tea.PasteMsg{Content: "Which engineers?"})
	if err := os.WriteFile(a.Path, []byte("An editor's note added at the top, long enough to shift every offset.\n\n"+article), 0o644); err != nil {
		t.Fatal(err)
	}
	return m, a, begun
}

func statuses(ns []annotate.Note) []annotate.Status {
	var out []annotate.Status
	for _, n := range ns {
		out = append(out, n.Status)
	}
	return out
}

// TestNotesOnStandardInputSayWhatIsMissing presses every note key on an
// article read from standard input, which has no file for a sidecar: each
// says why there are no notes and what to do, not only that there are
// none.
func TestNotesOnStandardInputSayWhatIsMissing(t *testing.T) {
	for _, k := range []string{"a", "A", "D", "x"} {
		t.Run("key "+k, func(t *testing.T) {
			m := open(t, article, Options{})
			if m.reader.Article().Path != "" {
				t.Fatal("the test needs an article without a file")
			}
			if got := screen(press(m, k)); !strings.Contains(got, "notes need a file: save the article to one and open that") {
				t.Errorf("%s does not say notes need a file:\n%s", k, got)
			}
		})
	}
}

// TestDeletingSaysWhichNoteWent puts two notes on passages of one
// sentence and deletes at the focus: the status names the passage of the
// note deleted, so the reader knows which of the two it was before u,
// and u names it the same way.
func TestDeletingSaysWhichNoteWent(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	// Written by another window, as the reader picks notes up.
	_, other := openNotes(t, a.Path)
	for _, q := range []string{"Engineers at Coastline Ltd", "denied that the schedule was realistic"} {
		if _, err := other.Add(annotate.Note{Span: doctest.Find(t, a.Text, q), Text: "Check."}); err != nil {
			t.Fatal(err)
		}
	}
	m = step(m, notesChangedMsg{})
	m = press(m, ")")
	if f, _ := m.reader.Focus(); !strings.HasPrefix(f.In(a.Text), "Engineers") {
		t.Fatalf("the test needs the focus on the noted sentence, not %q", f.In(a.Text))
	}
	m = pressAndWait(m, "D")
	left := book.Notes()
	if len(left) != 1 {
		t.Fatalf("the book holds %d notes after D, want 1", len(left))
	}
	gone := "Engineers at Coastline Ltd"
	if left[0].Quote() == gone {
		gone = "denied that the schedule was realistic"
	}
	if want := "note “Check.” on “" + gone + "” deleted: u undoes"; !strings.Contains(screen(m), want) {
		t.Errorf("the status does not say %q:\n%s", want, screen(m))
	}
	m = pressAndWait(m, "u")
	if want := "note “Check.” on “" + gone + "” restored"; !strings.Contains(screen(m), want) {
		t.Errorf("after u the status does not say %q:\n%s", want, screen(m))
	}
}

// TestDeletingOneOfTwoNotesOnAPassageSaysWhichByItsText puts two notes
// on the same words: their passages are one, so the status names the
// note deleted by what it says.
func TestDeletingOneOfTwoNotesOnAPassageSaysWhichByItsText(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	for _, text := range []string{"Ask the engineers.", "Ask the council."} {
		if _, err := book.Add(annotate.Note{Span: doctest.Find(t, a.Text, "Engineers at Coastline Ltd"), Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, ")")
	m = pressAndWait(m, "D")
	left := book.Notes()
	if len(left) != 1 {
		t.Fatalf("the book holds %d notes after D, want 1", len(left))
	}
	gone := "Ask the engineers."
	if left[0].Text == gone {
		gone = "Ask the council."
	}
	if want := "note “" + gone + "” on “Engineers at Coastline Ltd” deleted"; !strings.Contains(screen(m), want) {
		t.Errorf("the status does not say %q:\n%s", want, screen(m))
	}
}

// TestUndoInTheNotesPanelSelectsTheRestoredNote deletes the middle one of
// three notes from the notes panel and undoes it: the cursor, which went
// on to the next note, comes back to the one restored, so a second D
// would delete that one again and not its neighbour.
func TestUndoInTheNotesPanelSelectsTheRestoredNote(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	for _, q := range []string{"Engineers at Coastline Ltd", "denied that the schedule was realistic", "Coastline"} {
		if _, err := book.Add(annotate.Note{Span: doctest.Find(t, a.Text, q), Text: "Check."}); err != nil {
			t.Fatal(err)
		}
	}
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, "tab")
	m.panel.Show(panel.Notes)
	m = press(m, "j")
	chosen, ok := m.panel.Selected()
	if !ok {
		t.Fatalf("the notes panel selects nothing:\n%s", screen(m))
	}
	m = pressAndWait(m, "D")
	if next, _ := m.panel.Selected(); next.ID == chosen.ID {
		t.Fatalf("the deleted note %q is still selected", chosen.Title)
	}
	m = pressAndWait(m, "u")
	if got, _ := m.panel.Selected(); got.ID != chosen.ID {
		t.Errorf("after u the notes panel selects %q, not the restored %q:\n%s", got.Title, chosen.Title, screen(m))
	}
}

// TestDeleteAfterAJumpTakesTheNoteJumpedTo puts two notes on passages of
// one sentence, jumps to the second from the notes panel, closes the
// panel and presses D: the note jumped to goes, not the first of the
// sentence.
func TestDeleteAfterAJumpTakesTheNoteJumpedTo(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	first, second := "Engineers at Coastline Ltd", "denied that the schedule was realistic"
	for _, q := range []string{first, second} {
		if _, err := book.Add(annotate.Note{Span: doctest.Find(t, a.Text, q), Text: "Check."}); err != nil {
			t.Fatal(err)
		}
	}
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m.panel.Show(panel.Notes)
	m = press(m, "tab", "j")
	if it, _ := m.panel.Selected(); !strings.HasPrefix(it.Title, "denied") {
		t.Fatalf("the test needs the second note chosen, not %q:\n%s", it.Title, screen(m))
	}
	m = pressAndWait(press(m, "enter", "esc"), "D")
	left := book.Notes()
	if len(left) != 1 || left[0].Quote() != first {
		t.Errorf("after the jump to %q and D the book holds %v, want only the note on %q", second, quotes(left), first)
	}
}

func quotes(ns []annotate.Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Quote())
	}
	return out
}

// TestClosingTheEditorSaysWhatBecameOfTheNote closes the editor with esc
// (and y when it asks) on a new note and on an edit, typed in or not:
// the status says "discarded" only when typing was thrown away.
func TestClosingTheEditorSaysWhatBecameOfTheNote(t *testing.T) {
	for _, tc := range []struct {
		name, open, typed, want string
	}{
		{"a new note left empty is not written", "a", "", "no note written"},
		{"a new note typed in is discarded", "a", "Which council?", "note discarded"},
		{"an edit left alone leaves the note unchanged", "A", "", "note unchanged"},
		{"an edit typed in is discarded, the note kept", "A", " And when?", "changes discarded: the note is as it was"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, book := readerWithANote(t)
			if m = press(m, tc.open); m.editor == nil {
				t.Fatalf("%s did not open the editor:\n%s", tc.open, screen(m))
			}
			if tc.typed != "" {
				m = press(step(m, tea.PasteMsg{Content: tc.typed}), "esc", "y")
			} else {
				m = press(m, "esc")
			}
			if m.editor != nil || !strings.Contains(screen(m), tc.want) {
				t.Errorf("the status does not say %q once the editor closed:\n%s", tc.want, screen(m))
			}
			if ns := book.Notes(); len(ns) != 1 || ns[0].Text != "Check." {
				t.Errorf("closing the editor changed the notes: %+v", ns)
			}
		})
	}
}

// TestKeysOnAnEmptyTextSayWhyTheyDoNothing: in a file with no words, v
// and a have nothing to work on; they say so instead of doing nothing.
func TestKeysOnAnEmptyTextSayWhyTheyDoNothing(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), "", "test")
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 80, Height: 12})
	for k, want := range map[string]string{"v": "nothing to select", "a": "nothing to write a note on"} {
		if m = press(m, k); !strings.Contains(statusBar(m), want) || m.editor != nil {
			t.Errorf("%s on an empty text: the bar says %q, want %q", k, statusBar(m), want)
		}
	}
}

// ctrlS is ctrl+s, the editor's save.
var ctrlS = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}

// draftEditor opens a reader on a notes file and the editor on its first
// sentence with a note pasted in.
func draftEditor(t *testing.T) (Model, *annotate.Book, *model.Article) {
	t.Helper()
	a, book := fileBook(t, t.TempDir(), article, "test")
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = step(press(m, "a"), tea.PasteMsg{Content: "Check the date."})
	if m.editor == nil {
		t.Fatalf("a did not open the editor:\n%s", screen(m))
	}
	return m, book, a
}

// TestAKeyRightAfterTheEditorClosesGoesToTheText delivers keys without
// running their commands, as Bubble Tea does when keys come faster than
// its command goroutines: the key after esc, a discard or ctrl+s must
// find the editor closed and move the focus, not be typed into the note.
func TestAKeyRightAfterTheEditorClosesGoesToTheText(t *testing.T) {
	for _, keys := range [][]string{{"esc", "y", ")"}, {"ctrl+s", ")"}} {
		t.Run(strings.Join(keys, " "), func(t *testing.T) {
			m, book, _ := draftEditor(t)
			var save tea.Cmd
			for _, k := range keys {
				msg := keyMsg(k)
				if k == "ctrl+s" {
					msg = ctrlS
				}
				next, cmd := m.Update(msg)
				m = next.(Model)
				if k == "ctrl+s" {
					save = cmd
				}
			}
			if m.editor != nil || focusIndex(m) != 1 {
				t.Fatalf("the key after %s went to the editor (focus on sentence %d):\n%s", keys[0], focusIndex(m), screen(m))
			}
			for _, out := range runQuick(save, 5*time.Second) {
				m = stepWithin(m, out, 5*time.Second)
			}
			want := 0
			if save != nil {
				want = 1
			}
			if ns := book.Notes(); len(ns) != want || want == 1 && ns[0].Text != "Check the date." {
				t.Errorf("the book holds %+v, want %d note as typed", ns, want)
			}
		})
	}
}

// TestAFailedSaveShowsTheEditorAgain: the editor closes on ctrl+s, and
// when the save fails it opens again with the note as typed and why.
func TestAFailedSaveShowsTheEditorAgain(t *testing.T) {
	m, book, a := draftEditor(t)
	other := filepath.Join(t.TempDir(), "elsewhere.jsonl")
	if err := os.WriteFile(other, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, a.Path+".notes.jsonl"); err != nil {
		t.Fatal(err)
	}
	m = saveEditor(t, m)
	if m.editor == nil || m.editor.Note().Text != "Check the date." {
		t.Fatalf("the editor is not shown again with the note after a failed save:\n%s", screen(m))
	}
	if !strings.Contains(screen(m), "symbolic link") || len(book.Notes()) != 0 {
		t.Errorf("the editor does not say why the save failed (book %+v):\n%s", book.Notes(), screen(m))
	}
	if m = press(m, "a"); m.editor == nil || m.editor.Note().Text != "Check the date.a" {
		t.Errorf("keys do not reach the editor shown again")
	}
}

// TestQuittingWaitsForTheNoteBeingSaved: q right after ctrl+s must not end
// the program before the note is written; it quits once it is.
func TestQuittingWaitsForTheNoteBeingSaved(t *testing.T) {
	m, book, _ := draftEditor(t)
	next, save := m.Update(ctrlS)
	m = next.(Model)
	for _, k := range []string{"q", "a"} {
		next, cmd := m.Update(keyMsg(k))
		if m = next.(Model); cmd != nil || m.editor != nil {
			t.Fatalf("%s while the note is saved quit or opened the editor", k)
		}
	}
	if !strings.Contains(screen(m), "saving the note") {
		t.Errorf("the bar does not say the note is being saved:\n%s", screen(m))
	}
	outs := runQuick(save, 5*time.Second)
	var quit bool
	for _, out := range outs {
		next, cmd := m.Update(out)
		m = next.(Model)
		if cmd != nil {
			_, quit = cmd().(tea.QuitMsg)
		}
	}
	if !quit || len(book.Notes()) != 1 {
		t.Errorf("after the save: quit %v, %d notes, want the quit and 1 note", quit, len(book.Notes()))
	}
}

// TestAFailedSaveShowsTheEditorAtTheWindowsSize: a resize while the note
// is saved reaches no editor, so the one shown again after a failed save
// must take the window's size then, not the one it had at ctrl+s.
func TestAFailedSaveShowsTheEditorAtTheWindowsSize(t *testing.T) {
	m, _, a := draftEditor(t)
	other := filepath.Join(t.TempDir(), "elsewhere.jsonl")
	if err := os.WriteFile(other, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, a.Path+".notes.jsonl"); err != nil {
		t.Fatal(err)
	}
	next, save := m.Update(ctrlS)
	m = next.(Model)
	next, _ = m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	m = next.(Model)
	for _, out := range runQuick(save, 5*time.Second) {
		m = stepWithin(m, out, time.Second)
	}
	if m.editor == nil {
		t.Fatalf("the editor is not shown again after a failed save:\n%s", screen(m))
	}
	for i, line := range strings.Split(m.editor.View(), "\n") {
		if w := lipgloss.Width(line); w > 40 {
			t.Errorf("line %d of the editor shown again is %d wide in a 40-column window: %q", i, w, line)
		}
	}
}

// TestTheStatusSaysHowManyLinesOfTheSidecarWereNotRead opens notes whose
// sidecar has two lines that are not notes: the status says there are
// two warnings and shows the first, where it showed the first alone.
func TestTheStatusSaysHowManyLinesOfTheSidecarWereNotRead(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "article.txt.notes.jsonl"), []byte("not json\n{\"op\":\"put\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, book := fileBook(t, dir, article, "tester")
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	bar := strings.Join(strings.Fields(screen(m)), " ")
	if !strings.Contains(bar, "2 warnings on the notes, the first: article.txt.notes.jsonl line 1 is not a note") {
		t.Errorf("the status does not count the warnings:\n%s", screen(m))
	}
}

// TestTheEditorOpensInLineWithTheText opens the editor in windows from
// narrow to wide: its bar is in the column of the reader's focus bar, so
// that in a wide window the note is not written at the left edge, far
// from the centred text it is about.
func TestTheEditorOpensInLineWithTheText(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			a, book := fileBook(t, t.TempDir(), article, "test")
			m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = press(m, ")")
			bar := func(s, mark string) int {
				for _, l := range strings.Split(s, "\n") {
					if i := strings.Index(l, mark); i >= 0 {
						return ansi.StringWidth(l[:i])
					}
				}
				return -1
			}
			focus := bar(screen(m), "▌")
			m = press(m, "a")
			if m.editor == nil {
				t.Fatal("a did not open the editor")
			}
			s := screen(m)
			if edit := bar(s, "┃"); focus < 0 || edit != focus {
				t.Errorf("the focus bar is at column %d, the editor's at %d:\n%s", focus, edit, s)
			}
			for i, l := range strings.Split(s, "\n") {
				if w := ansi.StringWidth(l); w != size[0] {
					t.Errorf("line %d is %d columns wide in a window of %d", i, w, size[0])
				}
			}
		})
	}
}

// TestAnEmptyNoteIsNotSaved: ctrl+s on an editor left empty keeps it open,
// writes nothing, and the bar says what is missing; for a note emptied in
// the editor it names the key that deletes.
func TestAnEmptyNoteIsNotSaved(t *testing.T) {
	for _, tc := range []struct{ name, open, want string }{
		{"a new note", "a", "empty note not saved"},
		{"a note emptied", "A", "D deletes a note"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, book := readerWithANote(t)
			if m = press(m, tc.open); m.editor == nil {
				t.Fatalf("%s did not open the editor:\n%s", tc.open, screen(m))
			}
			for range len("Check.") {
				m = step(m, tea.KeyPressMsg{Code: tea.KeyBackspace})
			}
			m = stepWithin(m, ctrlS, time.Second)
			if m.editor == nil || m.saving != nil {
				t.Fatalf("ctrl+s on an empty note closed the editor:\n%s", screen(m))
			}
			if !strings.Contains(statusBar(m), tc.want) {
				t.Errorf("the bar says %q, want %q", statusBar(m), tc.want)
			}
			if ns := book.Notes(); len(ns) != 1 || ns[0].Text != "Check." {
				t.Errorf("the book holds %+v, want the one note as it was", ns)
			}
		})
	}
}

// TestTheEditorDrawsEveryFieldIn30x8: in a window of 30 by 8 the editor
// opened on a passage shows each of its fields at once, above the bar.
func TestTheEditorDrawsEveryFieldIn30x8(t *testing.T) {
	m, _, _ := draftEditor(t)
	m = step(m, tea.WindowSizeMsg{Width: 30, Height: 8})
	s := screen(m)
	if lines := strings.Split(s, "\n"); len(lines) != 8 {
		t.Fatalf("%d lines drawn in an 8-row window:\n%s", len(lines), s)
	}
	for _, want := range []string{"New note", "Note", "Check the date.", "Verdict", "no verdict", "Tags", "Sources", "ctrl+s"} {
		if !strings.Contains(s, want) {
			t.Errorf("%q is not drawn at 30x8:\n%s", want, s)
		}
	}
}

// readerWithANote is a reader at 100x30 on an article with one note,
// "Check.", on its first sentence, and the note's book.
func readerWithANote(t *testing.T) (Model, *annotate.Book) {
	t.Helper()
	a, book := fileBook(t, t.TempDir(), article, "test")
	if _, err := book.Add(annotate.Note{Span: a.Sentences[0], Text: "Check."}); err != nil {
		t.Fatal(err)
	}
	return step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30}), book
}

// TestANoteIsNamedByWholeWords names notes as D and u do: the start of
// the text and of the passage, each cut after a word where that keeps
// most of it, where "note “A note typed at for…”" cut a word in two.
func TestANoteIsNamedByWholeWords(t *testing.T) {
	tests := []struct {
		name string
		note annotate.Note
		want string
	}{
		{"a long text and passage are cut after a word",
			annotate.Note{Text: "A note typed at forty columns", Target: anchor.Selector{Exact: "According to Financial Times, a spokesperson said"}},
			"note “A note typed at…” on “According to Financial Times, a…”"},
		{"a short text and passage are whole",
			annotate.Note{Text: "Check.", Target: anchor.Selector{Exact: "Engineers at Coastline Ltd"}},
			"note “Check.” on “Engineers at Coastline Ltd”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nameNote(tt.note); got != tt.want {
				t.Errorf("nameNote = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNotesKeepTheirPassagesWhenTheSidecarCannotBeReadOnReload changes
// the article on disk (a paragraph added at the top shifts every offset)
// while its sidecar cannot be read (a folder in its place): the reload
// shows the new text, says in the status that the notes were not read
// again, and shows the notes read before on their words in the new text.
// A note saved afterwards, the sidecar back, is on the new text too.
func TestNotesKeepTheirPassagesWhenTheSidecarCannotBeReadOnReload(t *testing.T) {
	const passage = "Engineers at Coastline Ltd"
	dir := t.TempDir()
	a, book := fileBook(t, dir, article, "test")
	if _, err := book.Add(annotate.Note{Span: doctest.Find(t, a.Text, passage), Text: "Which engineers?"}); err != nil {
		t.Fatal(err)
	}
	reload := func(ctx context.Context) (*model.Article, error) { return model.Open(ctx, a.Path, model.Options{}) }
	opts := Options{Notes: book, NotesOptions: annotate.Options{Author: "test"}, Reload: reload}
	m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
	if err := os.WriteFile(a.Path, []byte("An editor's note added at the top, long enough to shift every offset.\n\n"+article), 0o644); err != nil {
		t.Fatal(err)
	}
	hidden := book.Path() + ".away"
	if err := os.Rename(book.Path(), hidden); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(book.Path(), 0o755); err != nil {
		t.Fatal(err)
	}
	m = step(m, m.reload()())
	text := m.reader.Article().Text
	if text == a.Text {
		t.Fatal("the reader did not reload the changed file")
	}
	if say := m.status.Message(); !strings.Contains(say, "notes not read again") {
		t.Errorf("the status does not say the notes were not read again: %q", say)
	}
	if len(m.notes) != 1 || m.notes[0].Span.In(text) != passage {
		t.Fatalf("the notes are shown on %v, want one on %q", m.notes, passage)
	}
	if err := os.Remove(book.Path()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(hidden, book.Path()); err != nil {
		t.Fatal(err)
	}
	m = saveEditor(t, step(press(m, ")", ")", "a"), tea.PasteMsg{Content: "By whom?"}))
	_, reopened := openNotes(t, a.Path)
	// The note written before the change is moved, as after any edit
	// above it; the one written after is anchored.
	for _, n := range reopened.Notes() {
		q := n.Span.In(reopened.Article().Text)
		if !n.Placed() || q != n.Quote() || n.Text == "By whom?" && n.Status != annotate.Anchored {
			t.Errorf("note %q is %s on %q, want placed on its words %q", n.Text, n.Status, q, n.Quote())
		}
	}
	if len(reopened.Notes()) != 2 {
		t.Errorf("%d notes read back, want 2", len(reopened.Notes()))
	}
}

// TestANoteSavedBeforeTheReloadIsOnTheFilesText changes the article on
// disk while a note is typed and saves it before the reader has reloaded
// (within reloadDelay): the save sees the file changed, reads it again
// and saves the note on the new text, anchored, not on the old offsets to
// come back "moved"; the reader shows the new text with it.
func TestANoteSavedBeforeTheReloadIsOnTheFilesText(t *testing.T) {
	m, a, begun := typedWhileTheFileChanges(t)
	m = saveEditor(t, m)
	text := m.reader.Article().Text
	if text == a.Text {
		t.Error("the reader still shows the text the file no longer has")
	}
	_, reopened := openNotes(t, a.Path)
	ns := reopened.Notes()
	if len(ns) != 1 || ns[0].Status != annotate.Anchored || ns[0].Span.In(reopened.Article().Text) != begun {
		t.Fatalf("the notes read back are %+v, want one anchored on %q", ns, begun)
	}
	if len(m.notes) != 1 || m.notes[0].Status != annotate.Anchored || m.notes[0].Span.In(text) != begun {
		t.Errorf("the notes shown are %+v, want one anchored on %q", m.notes, begun)
	}
}

// TestASaveThatReloadedSaysBoth saves a note in the moment after the
// article changed on disk, then lets the reload the change started
// follow: the bar, at 40 columns, says in one row both that the note is
// saved and that the text was reloaded, where the reload's "reloaded:
// the file changed on disk" took the place of the save's confirmation;
// a reload after that says so again.
func TestASaveThatReloadedSaysBoth(t *testing.T) {
	m, _, _ := typedWhileTheFileChanges(t)
	m = step(m, tea.WindowSizeMsg{Width: 40, Height: 20})
	m = saveEditor(t, m)
	m = step(m, m.reload()())
	if rows := m.status.WantsRows(); rows != 1 {
		t.Errorf("the bar takes %d rows, want 1: %q", rows, m.status.Message())
	}
	if bar := statusBar(m); !strings.Contains(bar, "note saved") || !strings.Contains(bar, "reloaded") {
		t.Errorf("the bar reads %q, want the note saved and the text reloaded", bar)
	}
	m = step(m, m.reload()())
	if s := m.status.Message(); s != "reloaded: the file changed on disk" {
		t.Errorf("the reload after that reads %q, want that the file changed", s)
	}
}
