package ui

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model"
)

// longArticle is an article of n paragraphs; as markdown it has headings,
// lists and a fenced block, so loading steps cross every kind of block.
func longArticle(n int, md bool) string {
	var b strings.Builder
	for i := range n {
		if md && i%7 == 0 {
			fmt.Fprintf(&b, "## Part %d\n\n", i)
		}
		if md && i%11 == 5 {
			fmt.Fprintf(&b, "- item %d one\n- item %d two\n\n```\ncode %d\n\nstill code\n```\n\n", i, i, i)
		}
		fmt.Fprintf(&b, "Paragraph %d says the harbour wall at Port %d will be finished by spring. Engineers doubt it.\n\n", i, i)
	}
	return b.String()
}

// openInSteps opens name in the reader at its first step, each later
// step reading size bytes.
func openInSteps(t *testing.T, name, text string, size int) Model {
	t.Helper()
	l, err := model.NewLoader(name, []byte(text), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, done, err := l.Next(context.Background(), size)
	if err != nil || done {
		t.Fatalf("first step: done %v, err %v; want a partial article", done, err)
	}
	m := New(context.Background(), a, Options{Loader: l})
	m.load.step = size
	return step1(m, tea.WindowSizeMsg{Width: 100, Height: 30})
}

func step1(m Model, msg tea.Msg) Model {
	next, _ := m.Update(msg)
	return next.(Model)
}

// checkWindow fails unless the screen is exactly the window's size.
func checkWindow(t *testing.T, m Model, when string) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != 30 {
		t.Fatalf("%s: %d lines, want 30", when, len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 100 {
			t.Fatalf("%s: line %d is %d columns, want 100: %q", when, i, w, ansi.Strip(l))
		}
	}
}

func TestLoadingInStepsEndsWithTheOneShotArticle(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"article.txt", longArticle(120, false)},
		{"article.md", longArticle(120, true)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := model.Parse(context.Background(), tc.name, []byte(tc.text), model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := openInSteps(t, tc.name, tc.text, 500)
			steps := 0
			for ; m.load.active(); steps++ {
				checkWindow(t, m, fmt.Sprintf("step %d", steps))
				if !strings.Contains(screen(m), "loading ") {
					t.Fatalf("step %d: the status does not say it is loading:\n%s", steps, screen(m))
				}
				m = step1(m, m.loadNext()())
			}
			checkWindow(t, m, "after the load")
			got := m.Article()
			if steps < 3 {
				t.Fatalf("loaded in %d steps; the test wants several", steps)
			}
			if got.Text != want.Text || !reflect.DeepEqual(got.Blocks, want.Blocks) ||
				!reflect.DeepEqual(got.Sentences, want.Sentences) || got.Hash != want.Hash {
				t.Fatal("the article loaded in steps differs from the one-shot load")
			}
		})
	}
}

func TestSearchAndEndKeyWorkWhileLoading(t *testing.T) {
	m := openInSteps(t, "article.txt", longArticle(200, false), 400)
	m = press(m, "/")
	m = typeText(m, "Port 150 ")
	m = step1(m, keyMsg("enter"))
	if strings.Contains(screen(m), "Port 150 ") {
		t.Fatal("a match beyond what is loaded is shown")
	}
	for m.load.active() {
		m = step1(m, m.loadNext()())
	}
	m = press(m, "n")
	if !strings.Contains(screen(m), "Port 150 ") {
		t.Fatalf("n does not find the match once it has loaded:\n%s", screen(m))
	}
	m = press(m, "G")
	if !strings.Contains(screen(m), "Paragraph 199 ") {
		t.Fatalf("G does not show the end of the loaded article:\n%s", screen(m))
	}
}

func TestReloadCancelsTheLoad(t *testing.T) {
	m := openInSteps(t, "article.txt", longArticle(200, false), 400)
	ctx := m.load.ctx
	pending := m.loadNext()
	m = step1(m, reloadMsg{})
	if ctx.Err() == nil || m.load.active() {
		t.Fatal("a reload leaves the load running")
	}
	before := m.Article().Text
	m = step1(m, pending())
	if m.Article().Text != before {
		t.Fatal("a step of the cancelled load was taken in")
	}
}
