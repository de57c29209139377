package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
)

// eightClaims is an article of eight sentences; the analysis below flags
// each, the later ones more worth checking.
const eightClaims = `Council tax rose by 4% this year, the treasurer said.
Bus fares will double by 2030, according to the operator.
Nearly 200 jobs were lost at the port, unions claimed.
The bridge may close for a year, engineers warned.
Crime fell by a third, the police said.
Half of the pupils passed the exam, the school reported.
The river flooded 12 homes, residents said.
Rents are the highest in the region, an agent claimed.`

// claimEverySentence flags each sentence as a claim, scored by its place.
func claimEverySentence(_ context.Context, a *model.Article, _ model.Progress) (*model.Analysis, error) {
	an := &model.Analysis{Hash: a.Hash}
	for i, s := range a.Sentences {
		an.Claims = append(an.Claims, claim.Claim{Span: s, Kinds: claim.KindsOf(claim.Attributed), Checkworthiness: float64(i+1) / 10})
	}
	return an, nil
}

// openNotes opens the article at path and its notes.
func openNotes(t *testing.T, path string) (*model.Article, *annotate.Book) {
	t.Helper()
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	book, err := annotate.Open(a, annotate.Options{Author: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	return a, book
}

// openBook opens the article at path with its notes and its analysis in.
func openBook(t *testing.T, path string, opts Options) (Model, *annotate.Book) {
	t.Helper()
	a, book := openNotes(t, path)
	opts.Notes, opts.Analyze = book, claimEverySentence
	m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
	an, _ := claimEverySentence(context.Background(), a, nil)
	return step(m, analysisMsg{hash: a.Hash, an: an}), book
}

func writeArticle(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func shownClaim(t *testing.T, m Model) string {
	t.Helper()
	if m.review == nil {
		t.Fatalf("the review queue is not open:\n%s", screen(m))
	}
	c, ok := m.review.Current()
	if !ok {
		t.Fatal("the review queue shows no claim")
	}
	return c.In(m.reader.Article().Text)
}

// TestReviewResumesWhereItStopped walks the session: three
// verdicts, two skips, a note with text, quit, reopen: r goes on at the
// sixth claim, and the verdicts are notes like any other.
func TestReviewResumesWhereItStopped(t *testing.T) {
	path := writeArticle(t, eightClaims)
	m, book := openBook(t, path, Options{})
	m = press(m, "r")
	if got := shownClaim(t, m); !strings.HasPrefix(got, "Rents are") {
		t.Fatalf("the queue starts at %q, want the claim most worth checking", got)
	}
	for _, k := range []string{"4", "1", "3"} {
		m = pressAndWait(m, k)
	}
	m = pressAndWait(m, "n")
	m = pressAndWait(m, "space")
	m = press(m, "N", "a")
	if m.editor == nil {
		t.Fatal("a in the queue did not open the note editor")
	}
	m = typeText(m, "Police figures cover only reported crime.")
	m = saveEditor(t, m)
	if !strings.Contains(screen(m), "3/8 reviewed") {
		t.Errorf("the status does not count the verdicts:\n%s", screen(m))
	}
	notes := book.Notes()
	if len(notes) != 4 {
		t.Fatalf("the book has %d notes, want 3 verdicts and 1 note", len(notes))
	}
	m, _ = openBook(t, path, Options{Review: true})
	if got := shownClaim(t, m); !strings.HasPrefix(got, "Nearly 200") {
		t.Errorf("margin check resumes at %q, want the sixth claim (Nearly 200…)", got)
	}
}

func TestAVerdictInTheQueueChangesTheNoteOnThatClaim(t *testing.T) {
	path := writeArticle(t, eightClaims)
	m, book := openBook(t, path, Options{})
	m = press(m, "r")
	m = pressAndWait(m, "4")
	m = press(m, "N")
	pressAndWait(m, "2")
	notes := book.Notes()
	if len(notes) != 1 || notes[0].Verdict != "mostly-true" {
		t.Errorf("notes after two verdicts on one claim: %+v, want one note, mostly true", notes)
	}
}

// TestAVerdictSaysWhichClaimItWasSavedOn gives the queue's first claim a
// verdict: the queue shows the next claim at once, so the status must
// name the claim judged, not only the verdict.
func TestAVerdictSaysWhichClaimItWasSavedOn(t *testing.T) {
	path := writeArticle(t, eightClaims)
	m, _ := openBook(t, path, Options{})
	m = press(m, "r")
	judged := shownClaim(t, m)
	m = pressAndWait(m, "4")
	if next := shownClaim(t, m); next == judged {
		t.Fatalf("the queue did not move on from %q", judged)
	}
	words := strings.Fields(judged)
	if msg := m.status.Message(); !strings.Contains(msg, "false") || !strings.Contains(msg, words[0]+" "+words[1]) {
		t.Errorf("the status after the verdict on %q says %q", judged, msg)
	}
}

func TestReviewWaitsForTheAnalysis(t *testing.T) {
	m := open(t, article, Options{Analyze: fakeAnalysis()})
	m = press(m, "r")
	if m.review != nil || !strings.Contains(screen(m), "analysing") {
		t.Fatalf("r before the analysis should wait and say so:\n%s", screen(m))
	}
	an, _ := fakeAnalysis()(context.Background(), m.reader.Article(), nil)
	m = step(m, analysisMsg{hash: m.reader.Article().Hash, an: an})
	if got := shownClaim(t, m); !strings.HasPrefix(got, "According to RT Arabic") {
		t.Errorf("the queue opened at %q, want the claim most worth checking", got)
	}
	if msg := m.status.Message(); msg != "" {
		t.Errorf("the open queue is still said to be waiting: %q", msg)
	}
	m = press(m, "esc")
	if m.review != nil {
		t.Error("esc did not close the queue")
	}
}

func TestExportKeyWritesTheClaimsIntoTheWorksheet(t *testing.T) {
	path := writeArticle(t, eightClaims)
	m, _ := openBook(t, path, Options{})
	m = press(m, "r")
	m = pressAndWait(m, "4")
	m = press(m, "esc")
	pressAndWait(m, "x")
	data, err := os.ReadFile(path + ".notes.md")
	if err != nil {
		t.Fatalf("x wrote no worksheet: %v", err)
	}
	ws := string(data)
	for _, want := range []string{"Rents are the highest", "Bus fares will double"} {
		if !strings.Contains(ws, want) {
			t.Errorf("the worksheet lacks the claim %q:\n%s", want, ws)
		}
	}
	if !strings.Contains(ws, fmt.Sprint(7)) {
		t.Errorf("the worksheet does not count the 7 claims with no verdict:\n%s", ws)
	}
}

func TestAClaimIsAnnotatedStraightFromItsPanel(t *testing.T) {
	path := writeArticle(t, eightClaims)
	m, book := openBook(t, path, Options{})
	m = press(m, "tab", "tab", "tab", "tab")
	if m.panel.Active() != "Claims" {
		t.Fatalf("four tabs show %v, want Claims", m.panel.Active())
	}
	m = press(m, "a")
	if m.editor == nil {
		t.Fatal("a in the claims panel did not open the editor")
	}
	m = typeText(m, "Which agent?")
	saveEditor(t, m)
	notes := book.Notes()
	if len(notes) != 1 {
		t.Fatalf("the book has %d notes, want 1", len(notes))
	}
	if notes[0].Quote() != "Rents are the highest in the region, an agent claimed." {
		t.Errorf("the note is on %q, want the claim chosen in the panel", notes[0].Quote())
	}
}

// TestReviewWithoutClaimsSaysSoInTheText presses r on a text whose
// analysis flagged nothing: the status says so and the text stays, not
// an empty queue.
func TestReviewWithoutClaimsSaysSoInTheText(t *testing.T) {
	none := func(_ context.Context, a *model.Article, _ model.Progress) (*model.Analysis, error) {
		return &model.Analysis{Hash: a.Hash}, nil
	}
	m := open(t, article, Options{Analyze: none})
	an, _ := none(context.Background(), m.reader.Article(), nil)
	m = press(step(m, analysisMsg{hash: m.reader.Article().Hash, an: an}), "r")
	if m.review != nil || !strings.Contains(screen(m), "no flagged claims to review") {
		t.Errorf("r without claims opened the queue or said nothing:\n%s", screen(m))
	}
}

// TestTheBarShowsTheTextsPositionOnlyOverTheText opens the review queue
// and help over a text scrolled to its end: the bar says how far through
// the text it is only while the text is what is on screen; over help it
// says how far through the help it is, which opens at its top.
func TestTheBarShowsTheTextsPositionOnlyOverTheText(t *testing.T) {
	m, _ := openBook(t, writeArticle(t, eightClaims), Options{})
	if m = press(m, "G"); !strings.Contains(statusBar(m), "100%") {
		t.Fatalf("over the text the bar reads %q, want its position", statusBar(m))
	}
	if covered := press(m, "r"); strings.Contains(statusBar(covered), "%") {
		t.Errorf("after r the bar reads %q: the text's position, with the text hidden", statusBar(covered))
	}
	if covered := press(m, "?"); strings.Contains(statusBar(covered), "100%") || !strings.Contains(statusBar(covered), "  0%") {
		t.Errorf("after ? the bar reads %q, want the help's position (0%%), not the text's", statusBar(covered))
	}
}

// TestTheQueueSaysWhenItHasNoFurtherToGo presses N on the first claim and
// n on the last: each says so, where the queue stood still without a
// word.
func TestTheQueueSaysWhenItHasNoFurtherToGo(t *testing.T) {
	m, _ := openBook(t, writeArticle(t, eightClaims), Options{})
	m = press(m, "r")
	if s := screen(press(m, "N")); !strings.Contains(s, "this is the first claim") {
		t.Errorf("N on the first claim says nothing:\n%s", s)
	}
	for range 7 {
		m = pressAndWait(m, "n")
	}
	if s := screen(pressAndWait(m, "n")); !strings.Contains(s, "that was the last claim: N goes back, esc/r to the text") {
		t.Errorf("n on the last claim says nothing:\n%s", s)
	}
}

// TestQuickKeysAfterAQueueKeyReachWhatItOpened delivers keys without
// running their commands, as when they come faster than Bubble Tea's
// command goroutines: the "1" typed right after a goes into the note, not
// to the queue as a verdict, and a key right after esc reaches the text.
func TestQuickKeysAfterAQueueKeyReachWhatItOpened(t *testing.T) {
	m, _ := openBook(t, writeArticle(t, eightClaims), Options{})
	m = press(m, "r")
	if m.review == nil {
		t.Fatal("r did not open the queue")
	}
	first, _ := m.review.Current()
	m = deliver(m, []string{"a", "1"})
	if m.editor == nil {
		t.Fatal("a in the queue did not open the editor at once")
	}
	if now, _ := m.review.Current(); now.Span != first.Span {
		t.Errorf("the 1 typed into the note moved the queue on as a verdict")
	}
	if !strings.Contains(screen(m), "┃ 1") {
		t.Errorf("the 1 typed after a is not in the note:\n%s", screen(m))
	}
	if m = press(m, "esc", "y"); m.editor != nil || m.review == nil {
		t.Fatalf("discarding the note did not go back to the queue:\n%s", screen(m))
	}
	m = deliver(m, []string{"esc", ")"})
	if m.review != nil {
		t.Errorf("esc did not close the queue before the next key")
	}
	m = press(m, "r")
	m = deliver(m, []string{"N"})
	if bar := statusBar(m); !strings.Contains(bar, "this is the first claim") {
		t.Errorf("N on the first claim says %q", bar)
	}
}

// TestAVerdictThatCannotBeKeptLeavesTheClaimShown presses a verdict in
// the queue of an article whose notes cannot be kept: the status says
// why and the claim stays, where the queue moved on as if it were judged.
func TestAVerdictThatCannotBeKeptLeavesTheClaimShown(t *testing.T) {
	m := open(t, eightClaims, Options{Analyze: claimEverySentence, NotesError: "the folder is read-only"})
	an, _ := claimEverySentence(context.Background(), m.reader.Article(), nil)
	m = press(step(m, analysisMsg{hash: m.reader.Article().Hash, an: an}), "r")
	before := shownClaim(t, m)
	m = pressAndWait(m, "4")
	if got := shownClaim(t, m); got != before {
		t.Errorf("the verdict that was not kept moved the queue from %q to %q", before, got)
	}
	if bar := screen(m); !strings.Contains(bar, "the folder is read-only") {
		t.Errorf("the status does not say why the verdict was not kept:\n%s", bar)
	}
}

// TestHelpOverTheQueueOpensOnTheQueuesKeys: ? in the review queue at 40x12
// shows the queue's keys first, where it opened on the keys for moving
// and the queue's were pages down; from the text it still opens at the
// top, and esc goes back to the queue.
func TestHelpOverTheQueueOpensOnTheQueuesKeys(t *testing.T) {
	m, _ := openBook(t, writeArticle(t, eightClaims), Options{})
	m = step(m, tea.WindowSizeMsg{Width: 40, Height: 12})
	if s := screen(press(m, "?")); !strings.Contains(s, "moving") {
		t.Errorf("help from the text does not open at the top:\n%s", s)
	}
	m = press(m, "r", "?")
	if s := screen(m); !strings.Contains(s, "review queue") || !strings.Contains(s, "review: verdict") {
		t.Errorf("help from the queue does not open on its keys:\n%s", s)
	}
	if m = press(m, "esc"); m.review == nil || m.showHelp {
		t.Errorf("esc from the help did not go back to the queue:\n%s", screen(m))
	}
}
