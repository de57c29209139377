package panel

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/theme"
)

// twelveClaims is the claims tab on a text of twelve sentences, each a
// claim, in a panel with room for three claims and their kinds and a
// half: each item takes two rows.
func twelveClaims(t *testing.T) Model {
	t.Helper()
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "Sentence %d says the council spent more. ", i+1)
	}
	a, err := model.Parse(context.Background(), "story.txt", []byte(b.String()), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	an := &model.Analysis{Hash: a.Hash}
	for i, s := range a.Sentences {
		an.Claims = append(an.Claims, claim.Claim{Span: s, Kinds: claim.KindsOf(claim.Attributed), Checkworthiness: 1 - float64(i)/100})
	}
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSource(Source{Article: a, Analysis: an})
	m.SetSize(40, 9)
	return showTab(m, "Claims")
}

// bodyTop is the first row of the list under the tabs and the filter.
func bodyTop(m Model) string {
	return strings.TrimSpace(strings.TrimPrefix(ansi.Strip(strings.Split(m.View(), "\n")[2]), "│"))
}

// TestTheClaimsListScrollsByWholeItems moves the cursor down past the
// panel's bottom, then back up one: the list's top row is always a
// claim, never the kinds line of one scrolled half away, and moving up
// within what is shown does not scroll.
func TestTheClaimsListScrollsByWholeItems(t *testing.T) {
	m := twelveClaims(t)
	down := tea.KeyPressMsg{Code: 'j', Text: "j"}
	for i := range 8 {
		m = m.Update(down)
		if top := bodyTop(m); !strings.HasPrefix(top, "Sentence") {
			t.Fatalf("after %d moves down the list starts with %q, not a claim:\n%s", i+1, top, m.View())
		}
	}
	before := bodyTop(m)
	m = m.Update(tea.KeyPressMsg{Code: 'k', Text: "k"})
	if after := bodyTop(m); after != before {
		t.Errorf("moving up within the list scrolled it from %q to %q:\n%s", before, after, m.View())
	}
}

// TestTheTabBarFitsANarrowPanel draws the entities tab in panels of a
// few widths: the bar shows every tab, or the one shown with its place,
// giving up the key before the place.
func TestTheTabBarFitsANarrowPanel(t *testing.T) {
	for _, tt := range []struct {
		name  string
		width int
		want  string
	}{
		{"a panel wide enough shows every tab", 60, "Outline Links Entities Claims Notes"},
		{"a narrower one shows the tab, its place and the key", 24, "Entities 3/5  tab ›"},
		{"narrower still, the key goes and the place stays whole", 20, "Entities 3/5 ›"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := opened(t, tt.width, 12)
			if bar := strings.TrimSpace(strings.TrimPrefix(ansi.Strip(strings.Split(m.View(), "\n")[0]), "│")); bar != tt.want {
				t.Errorf("the tab bar at %d columns reads %q, want %q", tt.width, bar, tt.want)
			}
		})
	}
}

// TestTheListKeepsItsPlaceAcrossATurnOfTabs scrolls the claims down, moves
// back up within what is shown, turns to the next tab and back: the list
// shows what it showed before the turn.
func TestTheListKeepsItsPlaceAcrossATurnOfTabs(t *testing.T) {
	m := twelveClaims(t)
	press := func(k tea.KeyPressMsg) {
		m = m.Update(k)
		m.Prepare()
	}
	for range 8 {
		press(tea.KeyPressMsg{Code: 'j', Text: "j"})
	}
	for range 3 {
		press(tea.KeyPressMsg{Code: 'k', Text: "k"})
	}
	before := bodyTop(m)
	press(tea.KeyPressMsg{Code: tea.KeyTab})
	press(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if m.tabs[m.active].Name != "Claims" {
		t.Fatalf("the test needs tab and shift+tab to come back to the claims, not %q", m.tabs[m.active].Name)
	}
	if after := bodyTop(m); after != before {
		t.Errorf("a turn of tabs moved the list from %q to %q:\n%s", before, after, m.View())
	}
}

// TestALongTitleIsKeptToWhatThePanelCanShow gives rows titles of a
// megabyte, of two-byte letters and of a few words: the panel keeps a
// start of each long one, cut between letters and ending in "…", and
// draws it cut as before; it kept the whole and measured it for every
// row on every frame.
func TestALongTitleIsKeptToWhatThePanelCanShow(t *testing.T) {
	short := "The ferry runs twice a day."
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSize(30, 10)
	m.setItems(0, []Item{{Title: strings.Repeat("word ", 200_000)}, {Title: strings.Repeat("é", maxTitleBytes)}, {Title: short}})
	for i, it := range m.lists[0].items {
		if len(it.Title) > maxTitleBytes+len("…") || !utf8.ValidString(it.Title) {
			t.Errorf("row %d keeps a title of %d bytes, valid UTF-8 %v", i, len(it.Title), utf8.ValidString(it.Title))
		}
	}
	if got := m.lists[0].items[2].Title; got != short {
		t.Errorf("the short title became %q", got)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "word word") || !strings.Contains(v, "…") {
		t.Errorf("the long row is not drawn cut:\n%s", v)
	}
}
