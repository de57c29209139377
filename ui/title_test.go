package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model"
)

// TestStatusNamesAnUntitledArticleByItsFile opens an article with no
// title from deep in a folder tree in a narrow window: the status bar
// shows the file's name, not the start of its path.
func TestStatusNamesAnUntitledArticleByItsFile(t *testing.T) {
	name := "../shared/data/attribution/dev/harbour-report.txt"
	a, err := model.Parse(context.Background(), name, []byte("The harbour wall was repaired in May. Boats returned a week later.\n"), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "" {
		t.Fatalf("the fixture has a title, %q; it needs none", a.Title)
	}
	m := step(New(context.Background(), a, Options{}), tea.WindowSizeMsg{Width: 40, Height: 12})
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	if bar := lines[len(lines)-1]; !strings.Contains(bar, "harbour-report.txt") || strings.Contains(bar, "shared") {
		t.Fatalf("the status bar reads %q", bar)
	}
}

// TestTheTitleStaysPutAsTheTextScrolls reads a long article with a title
// too long for the bar from top to bottom: the title is cut at the same
// column at 0% and at 100%, so it does not jump as the percent widens.
func TestTheTitleStaysPutAsTheTextScrolls(t *testing.T) {
	text := "# The harbour wall splits a town that has argued about it for two years\n\n" +
		strings.Repeat("The council met again on Tuesday. Nobody agreed on the cost.\n\n", 40)
	a, err := model.Parse(context.Background(), "article.md", []byte(text), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := step(New(context.Background(), a, Options{}), tea.WindowSizeMsg{Width: 40, Height: 12})
	title := func(m Model) string {
		lines := strings.Split(screen(m), "\n")
		bar := lines[len(lines)-1]
		cut := strings.Index(bar, "…")
		if cut < 0 {
			t.Fatalf("the test needs a title cut in the bar: %q", bar)
		}
		return bar[:cut]
	}
	top := title(m)
	if bottom := title(press(m, "G")); bottom != top {
		t.Errorf("the title reads %q at the top and %q at the bottom", top, bottom)
	}
}
