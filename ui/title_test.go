package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

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
	if bar := statusBar(m); !strings.Contains(bar, "harbour-report.txt") || strings.Contains(bar, "shared") {
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
		bar := statusBar(m)
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

// TestTheHeaderStaysInViewWhenTheFirstSentenceGetsABox opens an article
// with a header of many lines at 40x12 and delivers an analysis that
// flags its first sentence: the box the focus gets takes rows from the
// text, and the text keeps its top, title first, rather than scrolling
// for a focus no key chose; the box waits until c goes to that claim.
func TestTheHeaderStaysInViewWhenTheFirstSentenceGetsABox(t *testing.T) {
	f := fakeAnalysis()
	a, err := model.Parse(context.Background(), "article.txt", []byte(article), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.Title = "What the sea is telling us: the harbour town that argued for two years over a wall it may never get"
	a.Byline, a.Site, a.Published = "Ana Reyes and Tomos Penhallow, harbour correspondents", "The Coast", "2026-03-14"
	m := step(New(context.Background(), a, Options{Analyze: f}), tea.WindowSizeMsg{Width: 40, Height: 12})
	an, _ := f(context.Background(), a, nil)
	m = step(m, analysisMsg{hash: a.Hash, an: an})
	s := screen(m)
	if !strings.HasPrefix(strings.TrimSpace(s), "What the sea") {
		t.Errorf("with the first sentence flagged, the screen does not start with the title:\n%s", s)
	}
	if strings.Contains(s, "cues:") && !strings.Contains(s, "The harbour wall") {
		t.Errorf("the box explains a sentence out of sight:\n%s", s)
	}
	if s := screen(press(m, "c")); !strings.Contains(s, "cues:") || !strings.Contains(s, "The harbour wall") {
		t.Errorf("c does not show the first claim with its box:\n%s", s)
	}
}
