package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/keys"
)

// everyKey lists every key string bound in the app's key map, which every
// component's keys come from.
func everyKey() []string {
	var out []string
	seen := map[string]bool{}
	collect := func(km any) {
		v := reflect.ValueOf(km)
		for i := range v.NumField() {
			b, ok := v.Field(i).Interface().(key.Binding)
			if !ok {
				continue
			}
			for _, k := range b.Keys() {
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
	}
	collect(keys.Default())
	return out
}

// namedKeys are the key codes whose names a key map uses.
var namedKeys = map[string]rune{
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
	"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
	"backspace": tea.KeyBackspace,
}

// pressOf builds the key press whose String() is k, as a terminal sends it.
func pressOf(t testing.TB, k string) tea.KeyPressMsg {
	t.Helper()
	var kp tea.KeyPressMsg
	parts := strings.Split(k, "+")
	name := parts[len(parts)-1]
	if k == "+" {
		name, parts = "+", []string{"+"}
	}
	for _, mod := range parts[:len(parts)-1] {
		switch mod {
		case "ctrl":
			kp.Mod |= tea.ModCtrl
		case "shift":
			kp.Mod |= tea.ModShift
		case "alt":
			kp.Mod |= tea.ModAlt
		}
	}
	if code, ok := namedKeys[name]; ok {
		kp.Code = code
		if code == tea.KeySpace {
			kp.Text = " "
		}
	} else if r := []rune(name); len(r) == 1 {
		kp.Code = r[0]
		if kp.Mod == 0 {
			kp.Text = name
		}
	} else {
		t.Fatalf("no key press for %q", k)
	}
	if got := kp.String(); got != k {
		t.Fatalf("key press for %q reads %q", k, got)
	}
	return kp
}

// TestRandomKeysKeepTheScreenWhole presses random keys from the key maps,
// with random resizes between them, and checks after every step that the
// screen is exactly the window and ends with the status bar.
func TestRandomKeysKeepTheScreenWhole(t *testing.T) {
	data, err := os.ReadFile("../samples/china-us-claims.txt")
	if err != nil {
		t.Fatal(err)
	}
	// O opens links: never a real browser from a test.
	noOpen := func(context.Context, string) error { return nil }
	d := driver{m: withAnalysis(t, string(data), Options{Open: noOpen}), results: make(chan tea.Msg, 1024)}
	defer d.settle()
	ks := everyKey()
	rng := rand.New(rand.NewPCG(10, 2026))
	w, h := 100, 30
	var trail []string
	for i := range 1000 {
		var msg tea.Msg
		if rng.IntN(8) == 0 {
			w, h = 6+rng.IntN(245), 6+rng.IntN(75)
			msg = tea.WindowSizeMsg{Width: w, Height: h}
			trail = append(trail, fmt.Sprintf("%dx%d", w, h))
		} else {
			k := ks[rng.IntN(len(ks))]
			if k == "q" || k == "ctrl+c" {
				continue
			}
			msg = pressOf(t, k)
			trail = append(trail, k)
		}
		d.send(msg)
		d.drain()
		if err := checkScreen(d.m, w, h); err != "" {
			t.Fatalf("step %d at %dx%d after %q: %s\n%s", i, w, h, trail[max(len(trail)-12, 0):], err, screen(d.m))
		}
	}
}

// driver runs the reader as a program does, but without a terminal: the
// commands run in the background and their results are delivered, in the
// order they arrive, before the next key.
type driver struct {
	m       Model
	results chan tea.Msg
}

func (d *driver) send(msg tea.Msg) {
	next, cmd := d.m.Update(msg)
	d.m = next.(Model)
	d.spawn(cmd)
}

func (d *driver) spawn(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				d.spawn(c)
			}
		default:
			if isResult(msg) {
				d.results <- msg
			}
		}
	}()
}

// settle lets the notes commands in flight (saves, exports, which write
// in the test's folder, removed once it ends) finish: it delivers results
// until none has come for a while, then waits for the store to be free.
func (d *driver) settle() {
	deadline := time.After(5 * time.Second)
	for quiet := false; !quiet; {
		select {
		case msg := <-d.results:
			d.send(msg)
		case <-time.After(300 * time.Millisecond):
			quiet = true
		case <-deadline:
			quiet = true
		}
	}
	if s := d.m.store; s != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
}

// drain delivers the results that have arrived.
func (d *driver) drain() {
	for {
		select {
		case msg := <-d.results:
			d.send(msg)
		default:
			return
		}
	}
}

// checkScreen says what is wrong with the screen's shape, or "".
func checkScreen(m Model, w, h int) string {
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != h {
		return "the screen has " + itoa(len(lines)) + " lines"
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			return "line " + itoa(i+1) + " is " + itoa(lw) + " columns wide"
		}
	}
	if bar := strings.Split(m.bottomLine(), "\n"); strings.Join(lines[max(h-len(bar), 0):], "\n") != m.bottomLine() {
		return "the last lines are not the status bar"
	}
	return ""
}

// withAnalysis opens text as a file in a temporary directory, with a notes
// book and the real analysis delivered, as the reader runs for a user.
func withAnalysis(t *testing.T, text string, opts Options) Model {
	t.Helper()
	a, book := fileBook(t, t.TempDir(), text, "tester")
	z, err := model.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	an, err := z.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	opts.Notes = book
	opts.Analyze = func(context.Context, *model.Article, model.Progress) (*model.Analysis, error) { return an, nil }
	m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
	return step(m, analysisMsg{hash: a.Hash, an: an})
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestNineSentencesOnKeepTheStatusBarLast replays the sequence that broke
// the screen: at 100x30, ) nine times from the top of the sample, then a
// resize to 100x20 and ) twice more. Every frame is the window, status
// bar last.
func TestNineSentencesOnKeepTheStatusBarLast(t *testing.T) {
	data, err := os.ReadFile("../samples/china-us-claims.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := withAnalysis(t, string(data), Options{})
	for i := range 9 {
		m = step(m, pressOf(t, ")"))
		if err := checkScreen(m, 100, 30); err != "" {
			t.Fatalf(") number %d at 100x30: %s\n%s", i+1, err, screen(m))
		}
	}
	m = step(m, tea.WindowSizeMsg{Width: 100, Height: 20})
	for i := range 2 {
		m = step(m, pressOf(t, ")"))
		if err := checkScreen(m, 100, 20); err != "" {
			t.Fatalf(") number %d after the resize to 100x20: %s\n%s", i+1, err, screen(m))
		}
	}
}
