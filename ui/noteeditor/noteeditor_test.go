package noteeditor

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/pager"
	"github.com/margin-reader/margin/ui/theme"
)

// press types keys into the editor, ignoring the commands they return
// (cursor blinks).
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m, _ = m.Update(keyPress(k))
	}
	return m
}

// act presses one key and returns what it asks of the parent, taken at
// once as the reader takes it.
func act(m Model, k string) (Model, Request) {
	m, _ = m.Update(keyPress(k))
	return m, m.TakeRequest()
}

func keyPress(k string) tea.KeyPressMsg {
	var kp tea.KeyPressMsg
	switch k {
	case "ctrl+s":
		kp = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+o":
		kp = tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}
	case "esc":
		kp = tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		kp = tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		kp = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "right":
		kp = tea.KeyPressMsg{Code: tea.KeyRight}
	case "enter":
		kp = tea.KeyPressMsg{Code: tea.KeyEnter}
	case "backspace":
		kp = tea.KeyPressMsg{Code: tea.KeyBackspace}
	default:
		r := []rune(k)[0]
		kp = tea.KeyPressMsg{Code: r, Text: k}
	}
	return kp
}

func typed(s string) []string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return out
}

func newEditor() Model {
	m := New(annotate.Note{Span: span.Span{Start: 3, End: 9}}, "the passage", keys.Default(), theme.New(theme.Dark))
	m.Focus()
	return m
}

func TestSaveSendsTheEditedNote(t *testing.T) {
	m := newEditor()
	m = press(m, typed("Wrong")...)
	m = press(m, "enter")
	m = press(m, typed("figure.")...)
	m = press(m, "tab", "right", "right", "right", "right") // verdict: false
	m = press(m, "tab")
	m = press(m, typed("economy, numbers, economy, Numbers")...)
	m = press(m, "tab")
	m = press(m, typed("https://a.example https://b.example https://a.example/X https://a.example/x")...)
	_, r := act(m, "ctrl+s")
	if !r.Save || r.Close || r.Fallback {
		t.Fatalf("ctrl+s asked %+v", r)
	}
	n := r.Note
	if n.Text != "Wrong\nfigure." || n.Verdict != annotate.False || strings.Join(n.Tags, "|") != "economy|numbers" ||
		strings.Join(n.Sources, "|") != "https://a.example|https://b.example|https://a.example/X|https://a.example/x" || n.Span != (span.Span{Start: 3, End: 9}) {
		t.Fatalf("saved %+v", n)
	}
}

func TestEscClosesAtOnceWithoutChanges(t *testing.T) {
	if _, r := act(newEditor(), "esc"); !r.Close {
		t.Fatalf("esc asked %+v", r)
	}
}

func TestEscAsksBeforeDiscardingText(t *testing.T) {
	m := press(newEditor(), typed("draft")...)
	m, r := act(m, "esc")
	if r.Close || !m.Asking() || !strings.Contains(m.View(), "Discard") {
		t.Fatal("esc with unsaved text closed without asking")
	}
	m, r = act(m, "n")
	if r.Close || m.Asking() || m.Note().Text != "draft" {
		t.Fatal("n did not go back to editing")
	}
	m, _ = act(m, "esc")
	if _, r = act(m, "y"); !r.Close {
		t.Fatalf("y did not close: %+v", r)
	}
}
func TestEditingAnExistingNoteStartsFromIt(t *testing.T) {
	n := annotate.Note{ID: "01X", Text: "old", Verdict: annotate.Misleading, Tags: []string{"a"}, Sources: []string{"https://x.example"}}
	m := New(n, "passage", keys.Default(), theme.New(theme.Dark))
	if m.Dirty() {
		t.Fatal("an unchanged note is dirty")
	}
	if got := m.Note(); got.Verdict != annotate.Misleading || got.Text != "old" || got.ID != "01X" {
		t.Fatalf("note %+v", got)
	}
	if !strings.Contains(m.View(), "Edit note") {
		t.Fatal("view does not say it edits a note")
	}
}

func TestViewShowsEveryVerdict(t *testing.T) {
	v := newEditor().View()
	for _, verdict := range vocab.Verdicts() {
		if !strings.Contains(v, verdict.Name) {
			t.Errorf("view lacks verdict %s", verdict.Name)
		}
	}
}

func TestGoldenEditor(t *testing.T) {
	for _, size := range [][2]int{{30, 7}, {40, 12}, {80, 24}, {200, 60}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			m := New(annotate.Note{Span: span.Span{Start: 3, End: 9}, Verdict: annotate.Misleading, Tags: []string{"fares"}},
				"Ferry passengers in Ardmore complained about the fares, the council said.", keys.Default(), theme.New(theme.NoColor))
			m.Focus()
			m.SetSize(size[0], size[1])
			golden.Screen(t, filepath.Join("testdata", "editor-"+name+".golden"), m.View(), size[0], size[1])
		})
	}
}

// TestEveryFieldShowsAsYouTabToIt tabs through the fields of an editor
// in short windows: the focused field, and the key hints on the last
// line, are always on screen.
func TestEveryFieldShowsAsYouTabToIt(t *testing.T) {
	labels := []string{"Verdict", "Tags", "Sources", "Note"}
	for _, h := range []int{8, 10, 12} {
		t.Run(fmt.Sprintf("80x%d", h), func(t *testing.T) {
			m := newEditor()
			m.SetSize(80, h)
			for _, label := range labels {
				m = press(m, "tab")
				v := ansi.Strip(m.View())
				golden.Shape(t, v, 80, h)
				if !strings.Contains(v, label) {
					t.Errorf("after tab to %s it is not on screen:\n%s", label, v)
				}
				lines := strings.Split(v, "\n")
				if last := lines[len(lines)-1]; !strings.Contains(last, "ctrl+s") || !strings.Contains(last, "esc") {
					t.Errorf("the last line lacks the ctrl+s and esc hints: %q", last)
				}
			}
			m = press(m, "x", "esc")
			if v := ansi.Strip(m.View()); !strings.Contains(v, "Discard unsaved changes?") {
				t.Errorf("the discard question is not shown at height %d:\n%s", h, v)
			}
		})
	}
}

// failedSave types text, saves it and has the save fail with err, as the
// reader does when the sidecar cannot be written.
func failedSave(t *testing.T, text string, err error) Model {
	t.Helper()
	m := press(newEditor(), typed(text)...)
	m, r := act(m, "ctrl+s")
	if !r.Save {
		t.Fatalf("ctrl+s asked %+v", r)
	}
	m.SaveFailed(err)
	return m
}

// TestARequestIsTakenOnce: the parent acts on a request once, and a key
// that asks nothing leaves none behind.
func TestARequestIsTakenOnce(t *testing.T) {
	m, _ := act(newEditor(), "esc")
	if r := m.TakeRequest(); r.Close {
		t.Error("the request was still there after it was taken")
	}
	m = newEditor()
	m, _ = m.Update(keyPress("ctrl+s"))
	if m, _ = m.Update(keyPress("x")); m.TakeRequest().Save {
		t.Error("a key after ctrl+s left the save request standing")
	}
}

// unwritable is the error annotate gives for a sidecar that cannot be
// written, wrapped as the reader's store wraps it; fallback is the folder
// it offers, "" for none.
func unwritable(path, fallback string) error {
	return fmt.Errorf("note not saved: %w", &annotate.UnwritableError{Path: path, Fallback: fallback, Err: syscall.EACCES})
}

// TestAFailedSaveKeepsTheTextAndShowsWhy: after any failed save the
// editor keeps the text and shows the error; the fallback key is among
// the hints only when the error offers a fallback folder.
func TestAFailedSaveKeepsTheTextAndShowsWhy(t *testing.T) {
	for _, tc := range []struct {
		name    string
		err     error
		offered bool
	}{
		{"a folder that cannot be written", unwritable("/srv/news/a.txt.notes.jsonl", "/home/ann/.local/share/margin/notes"), true},
		{"a sidecar there that cannot be written", unwritable("/srv/news/a.txt.notes.jsonl", ""), false},
		{"a sidecar refused", errors.New("note not saved: notes file is a symbolic link"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := failedSave(t, "draft", tc.err)
			v := ansi.Strip(m.View())
			if m.Note().Text != "draft" {
				t.Fatalf("after the failure: text %q", m.Note().Text)
			}
			if !strings.Contains(strings.Join(strings.Fields(v), " "), "note not saved") {
				t.Errorf("the editor does not show the error:\n%s", v)
			}
			lines := strings.Split(v, "\n")
			if last := lines[len(lines)-1]; strings.Contains(last, "ctrl+o") != tc.offered {
				t.Errorf("the hints offer the fallback key %v, want %v: %q", !tc.offered, tc.offered, last)
			}
			if m, _ = act(m, "esc"); !m.Asking() {
				t.Error("esc after a failed save closed without asking")
			}
		})
	}
}

// TestTheFallbackKeySendsTheNoteOnlyWhenTheErrorOffersIt: ctrl+o asks
// for nothing before a save failed, nor after one whose error offers no
// fallback folder (a sidecar beside the article that is there keeps its
// notes); after one that does, it sends the note.
func TestTheFallbackKeySendsTheNoteOnlyWhenTheErrorOffersIt(t *testing.T) {
	if _, r := act(press(newEditor(), typed("draft")...), "ctrl+o"); r.Fallback || r.Save || r.Empty {
		t.Errorf("ctrl+o before any failure asked %+v", r)
	}
	for _, err := range []error{unwritable("/srv/news/a.txt.notes.jsonl", ""), errors.New("note not saved: disk full")} {
		if _, r := act(failedSave(t, "draft", err), "ctrl+o"); r.Fallback || r.Save || r.Empty {
			t.Errorf("ctrl+o after %q asked %+v", err, r)
		}
	}
	_, r := act(failedSave(t, "draft", unwritable("/srv/news/a.txt.notes.jsonl", "/home/ann/.local/share/margin/notes")), "ctrl+o")
	if !r.Fallback || r.Note.Text != "draft" {
		t.Fatalf("ctrl+o after a failure that offers the fallback asked %+v", r)
	}
}

// TestCtrlOOnAnEmptyNoteAsksForSomething empties the note after a failed
// save: ctrl+o is refused as ctrl+s is, and sends nothing to the
// fallback folder.
func TestCtrlOOnAnEmptyNoteAsksForSomething(t *testing.T) {
	m := failedSave(t, "draft", unwritable("/srv/news/a.txt.notes.jsonl", "/home/ann/.local/share/margin/notes"))
	m = press(m, "backspace", "backspace", "backspace", "backspace", "backspace")
	if !m.Empty() {
		t.Fatalf("the note is not empty: %+v", m.Note())
	}
	if _, r := act(m, "ctrl+o"); !r.Empty || r.Fallback || r.Save {
		t.Errorf("ctrl+o on an empty note asked %+v", r)
	}
}

func TestAFailedSaveFitsTheWindow(t *testing.T) {
	long := "note not saved: cannot write notes to /a/very/long/folder/name/article.txt.notes.jsonl (permission denied)"
	for _, size := range [][2]int{{40, 8}, {40, 12}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := failedSave(t, "draft", errors.New(long))
			m.SetSize(size[0], size[1])
			golden.Shape(t, ansi.Strip(m.View()), size[0], size[1])
		})
	}
}

func TestGoldenEditorAfterAFailedSave(t *testing.T) {
	m := New(annotate.Note{Span: span.Span{Start: 3, End: 9}}, "Ferry passengers in Ardmore complained about the fares.",
		keys.Default(), theme.New(theme.NoColor))
	m.Focus()
	m.SetSize(80, 24)
	m = press(m, typed("The fares rose in May, not June.")...)
	m, _ = m.Update(keyPress("ctrl+s"))
	m.SaveFailed(unwritable("/articles/ferry.txt.notes.jsonl", "/home/ann/.local/share/margin/notes"))
	golden.Screen(t, filepath.Join("testdata", "editor-failed-80x24.golden"), m.View(), 80, 24)
}

// TestTabMovesDownTheScreen tabs from the note's text, where the editor
// opens, through every field: each is drawn below the one before, so a
// user who tabs and types never lands on a field above the one they left.
func TestTabMovesDownTheScreen(t *testing.T) {
	for _, size := range [][2]int{{40, 11}, {80, 23}, {200, 59}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := newEditor()
			m.SetSize(size[0], size[1])
			_, first := m.lines()
			at := first[m.focus]
			for range fieldCount - 1 {
				m = press(m, "tab")
				_, first = m.lines()
				if first[m.focus] <= at {
					t.Fatalf("tab went up the screen, from line %d to field %d on line %d", at, m.focus, first[m.focus])
				}
				at = first[m.focus]
			}
		})
	}
}

// TestTheNoteWrapsAtTheReadersMeasure types a long note in a wide window:
// its lines, and the passage's, wrap at the reader's text width, not the
// window's, so what is written reads as the text does.
func TestTheNoteWrapsAtTheReadersMeasure(t *testing.T) {
	passage := strings.Repeat("Ferry passengers in Ardmore complained about the fares. ", 6)
	m := New(annotate.Note{Span: span.Span{Start: 3, End: 9}}, passage, keys.Default(), theme.New(theme.NoColor))
	m.Focus()
	m.SetSize(200, 60)
	m = press(m, typed(strings.Repeat("The council's figures are from 2019, not this year. ", 6))...)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	for _, l := range lines[:len(lines)-1] {
		if w := ansi.StringWidth(strings.TrimRight(l, " ")); w > pager.DefaultMaxWidth+2 {
			t.Errorf("a line is %d columns wide: %q", w, strings.TrimRight(l, " "))
		}
	}
}

// footerAt is the editor's last row at w columns.
func footerAt(m Model, w int) string {
	m.SetSize(w, 20)
	v := ansi.Strip(m.View())
	return strings.TrimRight(v[strings.LastIndexByte(v, '\n')+1:], " ")
}

// TestTheFooterFitsWholeAtEveryWidth draws the editor's key hints and its
// discard question at 20, 40 and 80 columns: each keeps whole hints and
// the question its answer keys, where at 40 columns the hints ended
// "· t…" and at 20 the question lost its y/n.
func TestTheFooterFitsWholeAtEveryWidth(t *testing.T) {
	asking, _ := act(press(newEditor(), typed("draft")...), "esc")
	for _, w := range []int{20, 40, 80} {
		t.Run(fmt.Sprintf("%d columns", w), func(t *testing.T) {
			hints := footerAt(newEditor(), w)
			if strings.Contains(hints, "…") || !strings.HasPrefix(hints, "ctrl+s save note") {
				t.Errorf("the hints read %q", hints)
			}
			if q := footerAt(asking, w); !strings.HasPrefix(q, "Discard") || !strings.HasSuffix(q, "? y/n") {
				t.Errorf("the question reads %q", q)
			}
		})
	}
}

// TestTheVerdictKeysShowOnTheVerdictField: the hints for choosing a
// verdict show while the verdict is the field, not in the note's text,
// where space and l are typed.
func TestTheVerdictKeysShowOnTheVerdictField(t *testing.T) {
	m := newEditor()
	if f := footerAt(m, 80); strings.Contains(f, "next verdict") || strings.Contains(f, "verdict by number") {
		t.Errorf("in the note's text the hints offer the verdict's keys: %q", f)
	}
	// At 80 columns the numbers, first, leave no room for the arrows.
	if f := footerAt(press(m, "tab"), 80); !strings.Contains(f, "verdict by number") {
		t.Errorf("on the verdict the hints do not say how to choose one: %q", f)
	}
}

// TestAClippedPassageEndsAtAWord clips a passage at widths where its
// last line is full: the "…" follows a whole word, where it took the
// last letter of one ("twic…").
func TestAClippedPassageEndsAtAWord(t *testing.T) {
	passage := strings.Repeat("The ferry runs twice a day. ", 20)
	words := map[string]bool{}
	for _, w := range strings.Fields(passage) {
		words[w] = true
	}
	for w := 12; w <= 60; w++ {
		got := clipLines(passage, w, 2)
		f := strings.Fields(strings.TrimSuffix(got, "…"))
		if last := f[len(f)-1]; !words[last] {
			t.Errorf("%d columns: the clipped passage ends in %q, not a word: %q", w, last, got)
		}
	}
}

// TestThePassageIsClippedByColumns clips passages to three lines of 20
// columns: one that fits is whole; a long one ends in "…" with every line
// within the width, in wide characters too, which were counted as one
// column each and ran past it.
func TestThePassageIsClippedByColumns(t *testing.T) {
	tests := []struct {
		name, passage string
		cut           bool
	}{
		{"a short passage is whole", "The ferry runs twice a day.", false},
		{"a long passage ends in …", strings.Repeat("The ferry runs twice a day. ", 20), true},
		{"wide characters count two columns", strings.Repeat("渡し船は 一日二回 運航する。 ", 20), true},
		{"a megabyte of one sentence", strings.Repeat("word ", 200_000), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clipLines(tt.passage, 20, 3)
			lines := strings.Split(got, "\n")
			if len(lines) > 3 || strings.HasSuffix(got, "…") != tt.cut {
				t.Errorf("clipLines gave %d lines, cut %v, want at most 3, cut %v: %q", len(lines), strings.HasSuffix(got, "…"), tt.cut, got)
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > 20 {
					t.Errorf("a line is %d columns: %q", w, l)
				}
			}
			if !tt.cut && strings.Join(strings.Fields(got), " ") != tt.passage {
				t.Errorf("the passage that fits reads %q", got)
			}
		})
	}
}

// BenchmarkEditorViewOnALongPassage draws the editor on a passage of a
// megabyte, as a keystroke does.
func BenchmarkEditorViewOnALongPassage(b *testing.B) {
	m := New(annotate.Note{Span: span.Span{Start: 0, End: 1 << 20}}, strings.Repeat("word ", 200_000), keys.Default(), theme.New(theme.Dark))
	m.Focus()
	m.SetSize(80, 24)
	for b.Loop() {
		_ = m.View()
	}
}

// TestTheVerdictNumbersAreNamedWhereTheyWork picks a verdict by its
// number on the verdict field: it works, and both the field's key hints
// and the help screen's note editor keys name the numbers, which worked
// unmentioned.
func TestTheVerdictNumbersAreNamedWhereTheyWork(t *testing.T) {
	m := newEditor()
	m.SetSize(80, 24)
	m = press(m, "tab", "3")
	if n := m.Note(); n.Verdict != annotate.Misleading {
		t.Errorf("3 on the verdict field gave %q, want misleading", n.Verdict)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "1-7 verdict by number") {
		t.Errorf("the verdict field's hints do not name 1-7:\n%s", v)
	}
	named := false
	for _, g := range keys.Default().Groups() {
		for _, b := range g.Bindings {
			named = named || g.Title == "note editor" && slices.Contains(b.Keys(), "7")
		}
	}
	if !named {
		t.Error("the help's note editor keys do not name the verdict numbers")
	}
}

func TestATagTypedInTwoCasesIsOneTag(t *testing.T) {
	comma := func(r rune) bool { return r == ',' }
	tests := []struct {
		name, in string
		want     string
	}{
		{"the first spelling is kept", "Flood, economy, flood, FLOOD", "Flood|economy"},
		{"blank items go", " ,a,, b ,", "a|b"},
		{"letters outside ASCII fold too", "Économie, économie", "Économie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(splitList(tt.in, comma, strings.EqualFold), "|"); got != tt.want {
				t.Errorf("tags %q became %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestCtrlSOnAnEmptyNoteAsksForSomething: a note with nothing in it is not
// sent to be saved; any one field filled in is enough.
func TestCtrlSOnAnEmptyNoteAsksForSomething(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string
		empty bool
	}{
		{"nothing typed", nil, true},
		{"only spaces and a new line", []string{" ", "enter", " "}, true},
		{"a word", typed("Sure?"), false},
		{"a verdict only", []string{"tab", "1"}, false},
		{"a tag only", append([]string{"tab", "tab"}, typed("dates")...), false},
		{"only commas for tags", append([]string{"tab", "tab"}, typed(", ,")...), true},
		{"a source only", append([]string{"tab", "tab", "tab"}, typed("https://x.example")...), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, r := act(press(newEditor(), tc.keys...), "ctrl+s")
			if r.Save == tc.empty || r.Empty != tc.empty {
				t.Errorf("ctrl+s asked %+v, want an empty note refused: %v", r, tc.empty)
			}
			if tc.empty && (m.Asking() || !strings.Contains(ansi.Strip(m.View()), "New note")) {
				t.Errorf("the editor did not stay as it was after the refused save:\n%s", ansi.Strip(m.View()))
			}
		})
	}
}

// TestAShortWindowDrawsEveryField: a window too short for the verdicts'
// lines still draws every field at once, the chosen verdict with it, and
// the passage; a tall one keeps the verdicts listed.
func TestAShortWindowDrawsEveryField(t *testing.T) {
	for _, tc := range []struct {
		w, h    int
		listed  bool // every verdict's name on screen
		passage string
	}{
		{30, 7, false, "Ferry"},
		{40, 8, false, "Ferry"},
		{80, 7, false, "Ferry"},
		{40, 12, true, "Ferry"},
		{80, 10, true, "Ferry"},
	} {
		t.Run(fmt.Sprintf("%dx%d", tc.w, tc.h), func(t *testing.T) {
			m := New(annotate.Note{Verdict: annotate.Misleading}, "Ferry passengers complained about the fares.", keys.Default(), theme.New(theme.NoColor))
			m.Focus()
			m.SetSize(tc.w, tc.h)
			v := ansi.Strip(m.View())
			golden.Shape(t, v, tc.w, tc.h)
			for _, want := range []string{"Note", "Verdict", "misleading", "Tags", "Sources", "ctrl+s", tc.passage} {
				if !strings.Contains(v, want) {
					t.Errorf("%q is not drawn:\n%s", want, v)
				}
			}
			if got := strings.Contains(v, "opinion"); got != tc.listed {
				t.Errorf("every verdict listed: %v, want %v:\n%s", got, tc.listed, v)
			}
		})
	}
}

// TestEnterMovesOnFromAOneLineField: enter in the verdict, tags or sources
// goes to the next field, where it did nothing; in the note's text it is
// a new line.
func TestEnterMovesOnFromAOneLineField(t *testing.T) {
	m := press(newEditor(), typed("One")...)
	m = press(m, "enter")
	m = press(m, typed("two")...)
	m = press(m, "tab", "3", "enter") // verdict: misleading, on to the tags
	m = press(m, typed("ports")...)
	m = press(m, "enter")
	m = press(m, typed("https://port.example")...)
	m = press(m, "enter")
	m = press(m, typed(" three")...)
	n := m.Note()
	if n.Text != "One\ntwo three" || n.Verdict != annotate.Misleading || strings.Join(n.Tags, "|") != "ports" || strings.Join(n.Sources, "|") != "https://port.example" {
		t.Errorf("enter did not move on from the one-line fields: %+v", n)
	}
}

// TestAPlaceholderIsToldFromTypedTextWithoutColour: without colour a
// field's placeholder is drawn unlike the same words typed in, so an
// empty field does not read as filled in.
func TestAPlaceholderIsToldFromTypedTextWithoutColour(t *testing.T) {
	line := func(n annotate.Note, label string) string {
		m := New(n, "the passage", keys.Default(), theme.New(theme.NoColor))
		m.Focus()
		m.SetSize(80, 24)
		for _, l := range strings.Split(m.View(), "\n") {
			if strings.HasPrefix(ansi.Strip(l), label) {
				return l
			}
		}
		t.Fatalf("no %s line:\n%s", label, ansi.Strip(m.View()))
		return ""
	}
	for _, tc := range []struct {
		label string
		note  annotate.Note // the placeholder's words typed in
	}{
		{"Tags", annotate.Note{Tags: []string{"comma-separated"}}},
		{"Sources", annotate.Note{Sources: []string{"links,", "separated", "by", "spaces"}}},
	} {
		empty, filled := line(annotate.Note{}, tc.label), line(tc.note, tc.label)
		if ansi.Strip(empty) != ansi.Strip(filled) {
			t.Fatalf("%s: the words typed in are not the placeholder's: %q, %q", tc.label, ansi.Strip(empty), ansi.Strip(filled))
		}
		if empty == filled {
			t.Errorf("%s: the placeholder is drawn as if typed in: %q", tc.label, ansi.Strip(empty))
		}
	}
}

// TestAFailedSaveSaysWhyInANarrowEditor: the error of a failed save keeps
// its reason, at its end, in a narrow editor: its path is cut to the
// file's name, where the whole path filled the lines and the reason was
// cut off; a wide one shows the path whole.
func TestAFailedSaveSaysWhyInANarrowEditor(t *testing.T) {
	const err = "open /srv/desk/archive/2024/harbour.txt.notes.jsonl: permission denied"
	for _, tc := range []struct {
		w, h int
		want string
	}{
		{40, 11, "…/harbour.txt.notes.jsonl: permission denied"},
		{100, 24, err},
	} {
		m := newEditor()
		m.SetSize(tc.w, tc.h)
		m.SaveFailed(errors.New(err))
		v := ansi.Strip(m.View())
		golden.Shape(t, v, tc.w, tc.h)
		if got := strings.Join(strings.Fields(v), " "); !strings.Contains(got, tc.want) {
			t.Errorf("at %dx%d the editor does not say %q:\n%s", tc.w, tc.h, tc.want, v)
		}
	}
}

// TestTagsPastedOneALineStayApart: tags pasted one a line are as many
// tags; the one-line field had joined the lines with spaces, making two
// lines' tags one.
func TestTagsPastedOneALineStayApart(t *testing.T) {
	m := press(newEditor(), "tab", "tab")
	m, _ = m.Update(tea.PasteMsg{Content: "ferries, fares\r\nharbour\n\nport authority\n"})
	if got := strings.Join(m.Note().Tags, "|"); got != "ferries|fares|harbour|port authority" {
		t.Errorf("pasted tags are %q", got)
	}
}

// TestTheFallbackFolderIsReadWhole: a failed save that offers the
// fallback folder names it whole, for --notes-dir, where it fits (80
// columns); the sidecar's path is what is cut. At 40 columns, where the
// hint cannot fit, the reason is still read; at 30x8 the editor still
// fills its window exactly.
func TestTheFallbackFolderIsReadWhole(t *testing.T) {
	const dir = "/root/.local/share/margin/notes"
	err := unwritable("/srv/desk/archive/2024/harbour.txt.notes.jsonl", dir)
	for _, tc := range []struct {
		w, h int
		want []string
	}{
		{80, 24, []string{"…/harbour.txt.notes.jsonl (permission denied)", "--notes-dir " + dir}},
		{40, 16, []string{"…/harbour.txt.notes.jsonl (permission denied)"}},
		{30, 8, nil}, // the three lines still leave the window exactly filled
	} {
		m := failedSave(t, "draft", err)
		m.SetSize(tc.w, tc.h)
		v := ansi.Strip(m.View())
		golden.Shape(t, v, tc.w, tc.h)
		got := strings.Join(strings.Fields(v), " ")
		for _, want := range tc.want {
			if !strings.Contains(got, want) {
				t.Errorf("at %dx%d the editor does not say %q:\n%s", tc.w, tc.h, want, v)
			}
		}
	}
}

// TestFitFailureCutsOnlyThePathsItMust: the paths are cut one at a time,
// in order, the folder to keep last, until the error fits.
func TestFitFailureCutsOnlyThePathsItMust(t *testing.T) {
	for _, tc := range []struct {
		err, keep  string
		width      int
		whole, cut []string
	}{
		{err: "open /srv/a/b/first.jsonl and /srv/c/d/second.jsonl: denied", width: 52,
			whole: []string{"/srv/c/d/second.jsonl"}, cut: []string{"…/first.jsonl"}},
		{err: "write /srv/a/b/first.jsonl, else pass /home/u/notes", keep: "/home/u/notes", width: 45,
			whole: []string{"/home/u/notes"}, cut: []string{"…/first.jsonl"}},
		{err: "write /srv/a/b/first.jsonl, else pass /home/u/notes", keep: "/home/u/notes", width: 30,
			cut: []string{"…/first.jsonl", "…/notes"}},
		{err: "open /srv/a/b/first.jsonl: denied", width: 80, whole: []string{"/srv/a/b/first.jsonl"}},
	} {
		got := fitFailure(tc.err, tc.keep, tc.width, 1)
		for _, w := range tc.whole {
			if !strings.Contains(got, w) {
				t.Errorf("fitFailure(%q, %d) = %q: %s is cut", tc.err, tc.width, got, w)
			}
		}
		for _, c := range tc.cut {
			if !strings.Contains(got, c) {
				t.Errorf("fitFailure(%q, %d) = %q: not cut to %s", tc.err, tc.width, got, c)
			}
		}
	}
}

// TestAHintWiderThanTheColumnEndsAtAWord offers the fallback folder after
// a failed save at widths narrower than its hint: the hint ends after a
// whole word with "…" inside the column, where the row's edge cut it
// ("ctrl+o save to the fallback no").
func TestAHintWiderThanTheColumnEndsAtAWord(t *testing.T) {
	for _, w := range []int{24, 30, 34} {
		t.Run(fmt.Sprintf("%d columns", w), func(t *testing.T) {
			m := newEditor()
			m.SaveFailed(unwritable("/notes/article.txt.notes.jsonl", "/home/ana/.local/share/margin/notes"))
			got := footerAt(m, w)
			words := strings.Fields(strings.TrimSuffix(got, "…"))
			last := words[len(words)-1]
			if !strings.HasPrefix(got, "ctrl+o save") || !strings.HasSuffix(got, "…") || ansi.StringWidth(got) > w ||
				!strings.Contains("ctrl+o save to the fallback notes folder", last+" ") && !strings.HasSuffix("ctrl+o save to the fallback notes folder", last) {
				t.Errorf("the hint reads %q", got)
			}
		})
	}
}
