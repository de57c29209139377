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
