package panel

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/theme"
)

// claimsAndNotes is the story with two claims, one of them given a
// verdict, and two notes.
func claimsAndNotes(t *testing.T) Model {
	t.Helper()
	src := source(t)
	text := src.Article.Text
	at := func(s string) span.Span { return doctest.Find(t, text, s) }
	first := at("The ferry company said its new timetable starts in May.")
	second := at("Ferry passengers in Ardmore and in Kilbride complained about the ferry company's fares, and the Ardmore council asked Ruth Galloway to review them.")
	src.Analysis.Claims = []claim.Claim{
		{Span: first, Kinds: claim.KindsOf(claim.Attributed, claim.Prediction), Checkworthiness: 0.4},
		{Span: second, Kinds: claim.KindsOf(claim.Attributed), Checkworthiness: 0.7},
	}
	src.Notes = []annotate.Note{
		{ID: "a", Span: first, Status: annotate.Anchored, Verdict: "false", Text: "The timetable starts in June."},
		{ID: "b", Span: second, Status: annotate.Moved, Text: "Ask the council.", Tags: []string{"follow-up"}},
	}
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSource(src)
	m.SetSize(60, 20)
	return m
}

func showTab(m Model, name string) Model {
	m.Show(name)
	m.Prepare()
	return m
}

func titles(m Model) []string {
	var out []string
	for _, it := range m.lists[m.active].items {
		out = append(out, it.Title[:12])
	}
	return out
}

func pressF(m Model) Model {
	m = m.Update(tea.KeyPressMsg{Code: 'F', Text: "F"})
	return m
}

func TestClaimsShowTheirKindsAndVerdictAndFilterByKind(t *testing.T) {
	m := showTab(claimsAndNotes(t), "Claims")
	v := ansi.Strip(m.View())
	for _, want := range []string{"attributed, prediction", "false 0.40", "0.70"} {
		if !strings.Contains(v, want) {
			t.Errorf("the claims tab lacks %q:\n%s", want, v)
		}
	}
	m = pressF(m)
	if m.Filter() != "attributed" || len(titles(m)) != 2 {
		t.Errorf("F filters by %q to %v, want attributed with both claims", m.Filter(), titles(m))
	}
	m = pressF(m)
	if m.Filter() != "prediction" || len(titles(m)) != 1 {
		t.Errorf("F again filters by %q to %v, want prediction with one claim", m.Filter(), titles(m))
	}
	if m = pressF(m); m.Filter() != "" || len(titles(m)) != 2 {
		t.Errorf("F past the last kind leaves %q, %v; want every claim", m.Filter(), titles(m))
	}
}

func TestNotesShowPassageAndTextOnTwoLinesAndFilterByStatusAndTag(t *testing.T) {
	m := showTab(claimsAndNotes(t), "Notes")
	v := ansi.Strip(m.View())
	for _, want := range []string{"The ferry company said", "The timetable starts in June.", "moved", "Ask the council."} {
		if !strings.Contains(v, want) {
			t.Errorf("the notes tab lacks %q:\n%s", want, v)
		}
	}
	var filters []string
	for range 5 {
		m = pressF(m)
		filters = append(filters, m.Filter()+"="+strings.Join(titles(m), "|"))
	}
	want := "false=The ferry co,no verdict=Ferry passen,anchored=The ferry co,moved=Ferry passen,follow-up=Ferry passen"
	if got := strings.ReplaceAll(strings.Join(filters, ","), "|", "+"); got != want {
		t.Errorf("F walks %s, want %s", got, want)
	}
}

// TestTheChosenNoteStaysChosenWhenNotesArriveAbove chooses the second
// note, then a note from another window lands before it in article
// order: the cursor stays on the note chosen, so D or A acts on it and not
// on the one that took its row.
func TestTheChosenNoteStaysChosenWhenNotesArriveAbove(t *testing.T) {
	m := showTab(claimsAndNotes(t), "Notes")
	m = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if it, _ := m.Selected(); it.ID != "b" {
		t.Fatalf("the test needs note b chosen, not %q", it.ID)
	}
	src := m.src
	early := src.Notes[0]
	early.ID, early.Text = "c", "Another window's note."
	early.Span.End = early.Span.Start + 3
	src.Notes = append([]annotate.Note{early}, src.Notes...)
	m.SetSource(src)
	m.Prepare()
	if it, _ := m.Selected(); it.ID != "b" {
		t.Errorf("after a note arrived above, note %q is chosen, not b", it.ID)
	}
}

// TestFWalksTheVerdictsThenTheStatusesThenTheTags filters three notes
// whose verdicts, statuses and tags differ: F offers every verdict, then
// every status, then every tag, where it went verdict, status, verdict,
// status, tag, tag, verdict, following the notes.
func TestFWalksTheVerdictsThenTheStatusesThenTheTags(t *testing.T) {
	src := source(t)
	at := func(s string) span.Span { return doctest.Find(t, src.Article.Text, s) }
	src.Notes = []annotate.Note{
		{ID: "a", Span: at("new timetable"), Status: annotate.Anchored, Verdict: annotate.False},
		{ID: "b", Span: at("Ruth Galloway"), Status: annotate.Moved, Verdict: annotate.Misleading, Tags: []string{"fares", "council"}},
		{ID: "c", Span: at("Kilbride"), Status: annotate.Moved, Verdict: annotate.Unverified},
	}
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSource(src)
	m.SetSize(60, 20)
	m = showTab(m, "Notes")
	var walk []string
	for range 8 {
		m = pressF(m)
		walk = append(walk, m.Filter())
	}
	want := "false,misleading,unverified,anchored,moved,fares,council,"
	if got := strings.Join(walk, ","); got != want {
		t.Errorf("F walks %s, want %s", got, want)
	}
}

// TestTheFilterLineDropsItsHintBeforeItIsCut filters the notes tab at
// the panel's widths beside 40 to 200 columns: the line says the filter
// whole, with the key to the next where that fits, never cut inside the
// hint ("(F: nex…").
func TestTheFilterLineDropsItsHintBeforeItIsCut(t *testing.T) {
	for _, w := range []int{20, 26, 30, 44, 60} {
		m := showTab(claimsAndNotes(t), "Notes")
		m.SetSize(w, 12)
		m = pressF(m)
		line := strings.TrimSpace(strings.TrimPrefix(strings.Split(ansi.Strip(m.View()), "\n")[1], "│"))
		if want := "only " + m.Filter(); line != want && line != want+" (F: next)" {
			t.Errorf("%d columns: the filter line reads %q, want %q, with \"(F: next)\" if it fits", w, line, want)
		}
	}
}
