package ui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/panel"
)

func openMarkdown(t *testing.T, text string, opts Options) Model {
	t.Helper()
	a, err := model.Parse(context.Background(), "story.md", []byte(text), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
}

func TestLinksOpenOnlyWhenAskedAndOnlyOnTheWeb(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		wantOpen string
		wantSay  string
	}{
		{"a web link in the focused sentence opens", "Read [the report](https://example.org/report) today.", "https://example.org/report", "opened https://example.org/report"},
		{"a file link is not run", "Read [the file](file:///etc/passwd) today.", "", "not a web address"},
		{"a sentence without a link says so", "Nothing to see here.", "", "no link or note source here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opened []string
			open := func(_ context.Context, u string) error { opened = append(opened, u); return nil }
			m := openMarkdown(t, tt.text, Options{Open: open})
			if len(opened) != 0 {
				t.Fatal("a link was opened before any key")
			}
			m = press(m, ")", "O")
			if got := strings.Join(opened, " "); got != tt.wantOpen {
				t.Errorf("opened %q, want %q", got, tt.wantOpen)
			}
			if !strings.Contains(screen(m), tt.wantSay) {
				t.Errorf("the status does not say %q:\n%s", tt.wantSay, screen(m))
			}
		})
	}
}

func TestCopyingALinkSendsItToTheClipboard(t *testing.T) {
	m := openMarkdown(t, "Read [the report](https://example.org/report) today.", Options{})
	m = press(m, ")")
	next, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y sent nothing to the terminal")
	}
	if !strings.Contains(screen(next.(Model)), "copied https://example.org/report") {
		t.Errorf("the status does not say what was copied:\n%s", screen(next.(Model)))
	}
}

// TestOpeningWithoutABrowserOpenerSaysWhatToDo opens a link where no
// opener is installed (an empty PATH): the error names what is missing and
// offers y, not exec's own words.
func TestOpeningWithoutABrowserOpenerSaysWhatToDo(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := openWithSystem(context.Background(), "https://example.org/report")
	if err == nil || !strings.Contains(err.Error(), "to open links with; y copies the link instead") || strings.Contains(err.Error(), "$PATH") {
		t.Fatalf("error %v, want one saying what is missing and that y copies the link", err)
	}
}

// TestASearchMatchInsideAnAddressCopiesAllOfIt searches a plain text for
// a word of an address it writes out, as a reader finds a link in a text
// that marks none up: y copies the whole address.
func TestASearchMatchInsideAnAddressCopiesAllOfIt(t *testing.T) {
	m := open(t, "The minutes are online. Read them at http://council.example/minutes?year=2025, the clerk said.", Options{})
	m = press(m, "/")
	m = typeText(m, "minutes?")
	m = press(m, "enter")
	next, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y sent nothing to the terminal")
	}
	if bar := statusBar(next.(Model)); !strings.Contains(bar, "copied http://council.example/minutes?year=2025") || strings.Contains(bar, "2025,") {
		t.Errorf("the status does not say the whole address, and only it, was copied: %q", bar)
	}
}

// TestALinkIsOneThingInEveryKindOfArticle copies and opens the link of
// a sentence, and the one chosen in the links panel, in a plain text that
// writes its address out, in markdown that does, and in markdown that
// links words: each is the same link to the reader.
func TestALinkIsOneThingInEveryKindOfArticle(t *testing.T) {
	const want = "https://example.org/flood/report?year=2025&part=2"
	tests := []struct{ name, file, text string }{
		{"a plain text's address", "story.txt", "The council met. Read the report at " + want + ", the clerk said."},
		{"markdown's bare address", "story.md", "The council met. Read the report at " + want + ", the clerk said."},
		{"a markdown link", "story.md", "The council met. Read [the report](" + want + "), the clerk said."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opened []string
			open := func(_ context.Context, u string) error { opened = append(opened, u); return nil }
			a, err := model.Parse(context.Background(), tt.file, []byte(tt.text), model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := step(New(context.Background(), a, Options{Open: open}), tea.WindowSizeMsg{Width: 100, Height: 30})
			m = press(m, ")", ")")
			if bar := statusBar(press(m, "y")); !strings.Contains(bar, "copied "+want) {
				t.Errorf("y on the sentence: %q, want it to copy %s", bar, want)
			}
			m = press(m, "O")
			m = press(m, "tab", "tab")
			if m.panel.Active() != panel.Links {
				t.Fatalf("tab tab shows %v, want Links", m.panel.Active())
			}
			if it, ok := m.panel.Selected(); !ok || it.ID != want {
				t.Fatalf("the links panel lists %+v, want %s", it, want)
			}
			m = press(m, "O")
			if got := strings.Join(opened, " "); got != want+" "+want {
				t.Errorf("O on the sentence and in the panel opened %q, want %s twice", got, want)
			}
		})
	}
}
