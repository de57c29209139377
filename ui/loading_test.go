package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/render"
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
		want, err := model.Parse(context.Background(), tc.name, []byte(tc.text), model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{61, 500, 4096} {
			t.Run(fmt.Sprintf("%s in steps of %d bytes", tc.name, size), func(t *testing.T) {
				m := loadAll(t, openInSteps(t, tc.name, tc.text, size))
				got := m.Article()
				if got.Text != want.Text || !reflect.DeepEqual(got.Blocks, want.Blocks) ||
					!reflect.DeepEqual(got.Sentences, want.Sentences) || got.Hash != want.Hash {
					t.Fatal("the article loaded in steps differs from the one-shot load")
				}
				if got, want := m.reader.Pager().Layout().Header().Words, render.Words(want.Text); got != want {
					t.Fatalf("the header counts %d words, the one-shot text has %d", got, want)
				}
			})
		}
	}
}

// loadAll delivers the load's steps one by one, checking at each that
// the screen is the window and the status says it is loading.
func loadAll(t *testing.T, m Model) Model {
	t.Helper()
	steps := 0
	for ; m.load.active(); steps++ {
		checkWindow(t, m, fmt.Sprintf("step %d", steps))
		if !strings.Contains(screen(m), "loading ") {
			t.Fatalf("step %d: the status does not say it is loading:\n%s", steps, screen(m))
		}
		m = step1(m, m.loadNext()())
	}
	checkWindow(t, m, "after the load")
	if steps < 2 {
		t.Fatalf("loaded in %d steps after the first; the test wants several", steps)
	}
	return m
}

func TestSearchAndEndKeyWorkWhileLoading(t *testing.T) {
	m := openInSteps(t, "article.md", longArticle(200, true), 400)
	m = press(m, "/")
	m = typeText(m, "Port 150 will")
	m = stepWithin(m, keyMsg("enter"), time.Second)
	if strings.Contains(screen(m), "Paragraph 150 ") || !strings.Contains(screen(m), "not found yet") {
		t.Fatalf("a query beyond what is loaded is not said to be not found yet:\n%s", screen(m))
	}
	if !strings.Contains(screen(m), "searching… 0 so far") {
		t.Fatalf("the status does not say the search goes on as the article loads:\n%s", screen(m))
	}
	m = press(m, "o")
	for m.load.active() {
		m = step1(m, m.loadNext()())
	}
	if !strings.Contains(screen(m), "Part 140") {
		t.Fatalf("the outline does not grow with the article:\n%s", screen(m))
	}
	if strings.Contains(screen(m), "so far") {
		t.Fatalf("the status says the search goes on after the load:\n%s", screen(m))
	}
	m = press(m, "esc")
	m = press(m, "n")
	if !strings.Contains(screen(m), "Paragraph 150 ") {
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
	changed := mustParse(t, "article.txt", []byte(longArticle(3, false)))
	m = step1(m, reloadedMsg{a: changed})
	if m.Article().Text != changed.Text || strings.Contains(screen(m), "loading ") {
		t.Fatalf("the reloaded article is not shown whole:\n%s", screen(m))
	}
}

// TestRandomKeysWhileLoadingKeepTheScreenWhole presses random keys, with
// resizes, while the sample loads in small steps in the background, and
// checks every screen; the notes, which wait for the whole text, open.
func TestRandomKeysWhileLoadingKeepTheScreenWhole(t *testing.T) {
	data, err := os.ReadFile("../samples/china-us-claims.txt")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := model.NewLoader(path, data, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := l.Next(context.Background(), 200)
	if err != nil {
		t.Fatal(err)
	}
	a.Path = path
	noOpen := func(context.Context, string) error { return nil }
	opts := Options{Loader: l, NotesOptions: annotate.Options{Author: "tester"}, Open: noOpen}
	m := New(context.Background(), a, opts)
	m.load.step = 200
	d := driver{m: m, results: make(chan tea.Msg, 1024)}
	// The random keys save notes and write exports in the test's folder:
	// they must be done before it is removed.
	defer d.settle()
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.spawn(d.m.loadNext())
	ks := everyKey()
	rng := rand.New(rand.NewPCG(14, 2026))
	w, h := 100, 30
	for i := 0; i < 400 || d.m.load.active() || d.m.store == nil; i++ {
		if i > 5000 {
			t.Fatal("the load or the notes never finished")
		}
		var msg tea.Msg = tea.WindowSizeMsg{Width: w, Height: h}
		if rng.IntN(8) == 0 {
			w, h = 6+rng.IntN(245), 6+rng.IntN(75)
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		} else if k := ks[rng.IntN(len(ks))]; k != "q" && k != "ctrl+c" {
			msg = pressOf(t, k)
		}
		d.send(msg)
		d.drain()
		if err := checkScreen(d.m, w, h); err != "" {
			t.Fatalf("step %d at %dx%d (loaded %d of %d): %s\n%s", i, w, h, d.m.load.read, d.m.load.total, err, screen(d.m))
		}
	}
	if d.m.Article().Text != mustParse(t, path, data).Text {
		t.Fatal("the loaded text differs from the one-shot load")
	}
}

func mustParse(t *testing.T, name string, data []byte) *model.Article {
	t.Helper()
	a, err := model.Parse(context.Background(), name, data, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAWarningMetWhileLoadingIsSaid(t *testing.T) {
	text := longArticle(200, true) + strings.Repeat("> ", 80) + "deep\n"
	m := openInSteps(t, "article.md", text, 400)
	for m.load.active() {
		m = step1(m, m.loadNext()())
	}
	if !strings.Contains(screen(m), "read as plain text") {
		t.Fatalf("the status does not say a part is read as plain text:\n%s", screen(m))
	}
}
