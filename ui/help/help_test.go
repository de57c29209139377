package help

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/theme"
)

func screen(w, h int) Model {
	km := keys.Default()
	m := New(km, theme.New(theme.NoColor), km.Groups(), func(*theme.Theme) []LegendRow {
		return []LegendRow{{Label: "entities", Items: []string{"People", "Places"}}}
	})
	m.SetSize(w, h)
	return m
}

func TestGoldenHelpFirstPage(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			golden.Screen(t, filepath.Join("testdata", "help-"+name+".golden"), screen(size[0], size[1]).View(), size[0], size[1])
		})
	}
}

// TestScrollingStopsAtTheEnds pages past both ends: the last page still
// fills the screen and the first comes back whole.
func TestScrollingStopsAtTheEnds(t *testing.T) {
	m := screen(60, 10)
	first := m.View()
	for range 50 {
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	last := m.View()
	if last == first || !strings.Contains(ansi.Strip(last), "Places") {
		t.Errorf("paging down never reached the legend:\n%s", ansi.Strip(last))
	}
	if n := len(strings.Split(last, "\n")); n != 10 {
		t.Errorf("the last page has %d lines, want 10", n)
	}
	for range 50 {
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgUp})
	}
	if m.View() != first {
		t.Errorf("paging back up did not return to the first page")
	}
}

func TestColumnsSitSideBySideWhenTheyFit(t *testing.T) {
	wide := strings.Split(ansi.Strip(screen(200, 60).View()), "\n")
	narrow := strings.Split(ansi.Strip(screen(60, 60).View()), "\n")
	if !strings.Contains(wide[3], "down a line") || !strings.Contains(wide[3], "search") {
		t.Errorf("at 200 columns the second column is not beside the first: %q", wide[3])
	}
	if strings.Contains(narrow[3], "search") {
		t.Errorf("at 60 columns the columns do not stack: %q", narrow[3])
	}
}

// TestTheScreenIsLaidOutWhenFirstShown: the reader sets the help's theme,
// legend and size before its first screen, which never shows help; the
// keys are laid out only once the screen opens, and look the same.
func TestTheScreenIsLaidOutWhenFirstShown(t *testing.T) {
	m := screen(80, 24)
	m.SetTheme(theme.New(theme.NoColor))
	if m.lines != nil {
		t.Fatal("the help was laid out before it was shown")
	}
	before := m.View()
	m.Top()
	if m.lines == nil {
		t.Fatal("opening the help did not lay it out")
	}
	if m.View() != before {
		t.Errorf("the help laid out on opening differs from the one drawn before")
	}
	m.SetSize(60, 24)
	if m.View() != screen(60, 24).View() {
		t.Errorf("after a resize the help is not laid out for the new width")
	}
}

// TestTheLegendIsDrawnWhenLaidOutInTheThemeThen: building the legend
// waits for the screen to be laid out, and uses the theme set last, so a
// theme change before help opens is not drawn in the old colours.
func TestTheLegendIsDrawnWhenLaidOutInTheThemeThen(t *testing.T) {
	km := keys.Default()
	var calls []theme.Mode
	m := New(km, theme.New(theme.Dark), km.Groups(), func(th *theme.Theme) []LegendRow {
		calls = append(calls, th.Mode)
		return []LegendRow{{Label: "entities", Items: []string{"People"}}}
	})
	m.SetSize(80, 24)
	m.SetTheme(theme.New(theme.Light))
	if len(calls) != 0 {
		t.Fatalf("the legend was built %d times before the screen was shown", len(calls))
	}
	m.Top()
	if len(calls) != 1 || calls[0] != theme.Light {
		t.Errorf("opening the help built the legend in %v, want once in the light theme", calls)
	}
	if body := ansi.Strip(strings.Join(m.lines, "\n")); !strings.Contains(body, "entities  People") {
		t.Errorf("the legend is not in the help:\n%s", body)
	}
}
