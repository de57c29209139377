package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/xo/terminfo"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
)

// tmuxTerm is a tmux server with one session running margin, on a socket of
// its own so tests never touch a user's tmux.
type tmuxTerm struct {
	t      *testing.T
	socket string
	env    []string
}

func startTmux(t *testing.T, env []string, width, height int, args ...string) *tmuxTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &tmuxTerm{t: t, socket: fmt.Sprintf("margin-test-%d-%08x", os.Getpid(), crc32.ChecksumIEEE([]byte(t.Name()))), env: env}
	t.Cleanup(func() { _ = tm.cmd("kill-server").Run() })
	cmdline := strings.Join(args, " ")
	newSession := []string{"new-session", "-d", "-s", "m", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height)}
	for _, e := range env {
		newSession = append(newSession, "-e", e)
	}
	if out, err := tm.cmd(append(newSession, cmdline)...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	return tm
}

func (tm *tmuxTerm) cmd(args ...string) *exec.Cmd {
	c := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...)
	c.Env = append(os.Environ(), tm.env...)
	return c
}

func (tm *tmuxTerm) send(keys ...string) {
	tm.t.Helper()
	if out, err := tm.cmd(append([]string{"send-keys", "-t", "m"}, keys...)...).CombinedOutput(); err != nil {
		tm.t.Fatalf("send-keys %q: %v\n%s", keys, err, out)
	}
}

func (tm *tmuxTerm) screen() string {
	out, err := tm.cmd("capture-pane", "-p", "-t", "m").Output()
	if err != nil {
		return ""
	}
	return string(out)
}

// waitFor polls the screen until ok accepts it.
func (tm *tmuxTerm) waitFor(what string, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out waiting for %s; screen:\n%s", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tm *tmuxTerm) alive() bool { return tm.cmd("has-session", "-t", "m").Run() == nil }

// quit sends q and waits for margin to exit, so that nothing it writes on
// the way out lands in a test's folders as they are removed.
func (tm *tmuxTerm) quit() {
	tm.t.Helper()
	tm.send("q")
	deadline := time.Now().Add(10 * time.Second)
	for tm.alive() {
		if time.Now().After(deadline) {
			tm.t.Fatalf("q did not quit; screen:\n%s", tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestReaderInATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := marginBinary(t)
	data := filepath.Join(dir, "data")

	t.Run("the sample opens cleaned, search finds RT Arabic, a resize re-wraps, q quits", func(t *testing.T) {
		tm := startTmux(t, []string{"XDG_DATA_HOME=" + data, "TERM=xterm-256color"}, 100, 30, bin)
		s := tm.waitFor("the sample", func(s string) bool { return strings.Contains(s, "Assertions from US officials") })
		for _, junk := range []string{"Play all audios", "Loading..."} {
			if strings.Contains(s, junk) {
				t.Errorf("the sample shows scraper junk %q:\n%s", junk, s)
			}
		}
		if _, err := os.Stat(filepath.Join(data, "margin", "samples", "china-us-claims.txt")); err != nil {
			t.Errorf("the sample was not copied to the data directory: %v", err)
		}
		tm.send("/")
		tm.send("-l", "RT Arabic")
		tm.send("Enter")
		s = tm.waitFor("the match count", func(s string) bool { return strings.Contains(s, "1/1") })
		if !strings.Contains(s, "RT Arabic") {
			t.Errorf("the match is not on screen:\n%s", s)
		}
		if out, err := tm.cmd("resize-window", "-t", "m", "-x", "60", "-y", "30").CombinedOutput(); err != nil {
			t.Fatalf("resize-window: %v\n%s", err, out)
		}
		tm.waitFor("a re-wrap to 60 columns", func(s string) bool {
			lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
			text := 0
			for _, l := range lines {
				if ansi.StringWidth(strings.TrimRight(l, " ")) > 60 {
					return false
				}
				if len(strings.TrimSpace(l)) > 40 {
					text++
				}
			}
			return text > 5 && strings.Contains(s, "RT Arabic")
		})
		tm.quit()
	})

	t.Run("a plain text's address is a link: the links panel lists it, y copies it, O opens it", func(t *testing.T) {
		const address = "https://example.org/minutes?year=2025&part=2"
		article := filepath.Join(dir, "council.txt")
		text := "Harbour wall delayed\n\nThe council met on Tuesday. Its minutes are at " + address + ", the clerk said.\n"
		if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		// An opener that only writes down what it was asked to open.
		fake, opened := filepath.Join(dir, "bin"), filepath.Join(dir, "opened")
		if err := os.MkdirAll(fake, 0o755); err != nil {
			t.Fatal(err)
		}
		script := "#!/bin/sh\nprintf '%s\\n' \"$1\" >> " + opened + "\n"
		if err := os.WriteFile(filepath.Join(fake, "xdg-open"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		env := []string{"XDG_DATA_HOME=" + data, "TERM=xterm-256color", "PATH=" + fake + ":" + os.Getenv("PATH")}
		tm := startTmux(t, env, 100, 30, bin, article)
		tm.waitFor("the article", func(s string) bool { return strings.Contains(s, "the clerk said") })
		tm.send("/")
		tm.send("-l", "minutes?")
		tm.send("Enter")
		tm.waitFor("the match", func(s string) bool { return strings.Contains(s, "1/1") })
		tm.send("y")
		tm.waitFor("y to copy the whole address from a match in it", func(s string) bool { return strings.Contains(s, "copied "+address) })
		tm.send("Escape")
		tm.send("Tab", "Tab")
		tm.waitFor("the links panel", func(s string) bool { return strings.Contains(s, "example.org/minutes") })
		tm.send("O")
		tm.waitFor("O to open the address", func(s string) bool { return strings.Contains(s, "opened "+address) })
		if got, err := os.ReadFile(opened); err != nil || string(got) != address+"\n" {
			t.Errorf("the opener was given %q (%v), want %s", got, err, address)
		}
		tm.send("q")
	})

	t.Run("a hostile file's escape sequences show as text", func(t *testing.T) {
		tm := startTmux(t, []string{"TERM=xterm-256color"}, 100, 30, bin, "ui/render/testdata/hostile.txt")
		s := tm.waitFor("the hostile file", func(s string) bool { return strings.Contains(s, "clipboard") })
		for _, want := range []string{"[31mRED", "Hostile article", "C1 bytes"} {
			if !strings.Contains(s, want) {
				t.Errorf("the screen lacks %q, so a sequence ran:\n%s", want, s)
			}
		}
		tm.send("q")
	})

	t.Run("TERM=xterm-mono gets no colour, in tmux too", func(t *testing.T) {
		if _, err := terminfo.Load("xterm-mono"); err != nil {
			t.Skip("no terminfo entry for xterm-mono")
		}
		// tmux sets TERM for the programs it runs, over -e.
		tm := startTmux(t, []string{"XDG_DATA_HOME=" + data}, 80, 24, "env", "TERM=xterm-mono", bin)
		tm.waitFor("the sample", func(s string) bool { return strings.Contains(s, "Assertions from US officials") })
		// c says "still analysing…" until the analysis is in; it is
		// pressed until a claim is shown, so its marks are on screen.
		tm.waitFor("a claim", func(s string) bool {
			if strings.Contains(s, "claim ") && strings.Contains(s, "cues:") {
				return true
			}
			tm.send("c")
			return false
		})
		out, err := tm.cmd("capture-pane", "-e", "-p", "-t", "m").Output()
		if err != nil {
			t.Fatal(err)
		}
		if colour := regexp.MustCompile(`\x1b\[[0-9;:]*(3[0-7]|4[0-7]|9[0-7]|38[;:]|48[;:])`); colour.Match(out) {
			t.Errorf("a colour reached a monochrome terminal:\n%q", colour.Find(out))
		}
		if !bytes.Contains(out, []byte("\x1b[1m")) {
			t.Errorf("no bold either: the entities are not marked:\n%q", out)
		}
		tm.quit()
	})

	t.Run("a missing file prints one line and exits non-zero", func(t *testing.T) {
		var stderr bytes.Buffer
		cmd := exec.Command(bin, filepath.Join(dir, "missing.txt"))
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() == 0 {
			t.Fatalf("exit: %v, want a non-zero status", err)
		}
		if lines := strings.Split(strings.TrimSpace(stderr.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "missing.txt") {
			t.Errorf("stderr is not one line naming the file: %q", stderr.String())
		}
	})

	t.Run("render prints no ESC byte from a hostile file", func(t *testing.T) {
		out, err := exec.Command(bin, "render", "--color=never", "ui/render/testdata/hostile.txt").Output()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.IndexByte(out, 0x1b) >= 0 || bytes.IndexByte(out, 0x07) >= 0 || bytes.Contains(out, []byte("\u009b")) {
			t.Errorf("--color=never output holds control bytes:\n%q", out)
		}
		out, err = exec.Command(bin, "render", "--color=always", "ui/render/testdata/hostile.txt").Output()
		if err != nil {
			t.Fatal(err)
		}
		if rest := ownSequences.ReplaceAll(out, nil); bytes.ContainsRune(rest, 0x1b) || bytes.ContainsRune(rest, 0x07) {
			t.Errorf("--color=always output holds an ESC that is not margin's own styling:\n%q", rest)
		}
	})
}

func TestMonochromeTakesTheColoursAwayOnlyWhereTerminfoListsNone(t *testing.T) {
	for _, name := range []string{"xterm-mono", "xterm-256color"} {
		if _, err := terminfo.Load(name); err != nil {
			t.Skipf("no terminfo entry for %s", name)
		}
	}
	tests := []struct {
		p    colorprofile.Profile
		term string
		want colorprofile.Profile
	}{
		{colorprofile.ANSI, "xterm-mono", colorprofile.ASCII},
		{colorprofile.ANSI256, "xterm-mono", colorprofile.ASCII},
		{colorprofile.ANSI256, "xterm-256color", colorprofile.ANSI256},
		{colorprofile.NoTTY, "xterm-mono", colorprofile.NoTTY},
		{colorprofile.ANSI, "no-such-terminal-anywhere", colorprofile.ANSI},
		{colorprofile.ANSI, "", colorprofile.ANSI},
	}
	for _, tt := range tests {
		if got := monochrome(tt.p, tt.term); got != tt.want {
			t.Errorf("monochrome(%v, %q) = %v, want %v", tt.p, tt.term, got, tt.want)
		}
	}
}

func TestRenderFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		ok   bool
	}{
		{"accepts flags after the file", []string{"a.txt", "--width", "60"}, true},
		{"accepts --color=never", []string{"--color=never", "a.txt"}, true},
		{"rejects two files", []string{"a.txt", "b.txt"}, false},
		{"rejects an unknown colour mode", []string{"--color=sometimes"}, false},
		{"rejects a negative width", []string{"--width=-3"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseViewFlags("render", tt.args, nil)
			if (err == nil) != tt.ok {
				t.Errorf("parseViewFlags(%q) = %v", tt.args, err)
			}
			var ue usageError
			if err != nil && !errors.As(err, &ue) {
				t.Errorf("error %v is not a usage error", err)
			}
		})
	}
}

func TestRenderPrintsTheWholeSampleWithItsHeader(t *testing.T) {
	var out, errb bytes.Buffer
	if err := runRender([]string{"--width", "50", "--color=never"}, strings.NewReader(""), &out, &errb); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"words ·", "min read", "RT Arabic"} {
		if !strings.Contains(s, want) {
			t.Errorf("render output lacks %q", want)
		}
	}
	for i, l := range strings.Split(s, "\n") {
		if w := ansi.StringWidth(l); w > 50 {
			t.Errorf("line %d is %d columns wide: %q", i, w, l)
		}
	}
}

// TestWithoutAFileStandardInputIsReadWhenPiped renders with no file named:
// a pipe or a file on standard input is the article (`cat f | margin`
// showed the sample and dropped f), and /dev/null or a terminal still
// gives the sample.
// TestViewFlagsTakeAPipeWhenNoFileIsNamed: margin, margin check and
// margin render read a piped standard input when no FILE is named, and
// the FILE when one is, as parseViewFlags decides for all three.
func TestViewFlagsTakeAPipeWhenNoFileIsNamed(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, cmd := range []string{"", "check", "render"} {
		for _, tc := range []struct {
			args []string
			want string
		}{{nil, "-"}, {[]string{"a.txt"}, "a.txt"}} {
			f, err := parseViewFlags(cmd, tc.args, r)
			if err != nil || f.file != tc.want {
				t.Errorf("margin %s %q with a pipe: file %q, %v; want %q", cmd, tc.args, f.file, err, tc.want)
			}
		}
	}
}

func TestWithoutAFileStandardInputIsReadWhenPiped(t *testing.T) {
	const piped = "Tide tables for the north quay\n\nThe harbour master said the quay would close on Friday."
	path := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(path, []byte(piped), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		stdin func(t *testing.T) *os.File
		want  string
	}{
		{"a pipe", func(t *testing.T) *os.File {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			go func() { _, _ = w.WriteString(piped); w.Close() }()
			return r
		}, "north quay"},
		{"a file", func(t *testing.T) *os.File { return openFile(t, path) }, "north quay"},
		{"/dev/null", func(t *testing.T) *os.File { return openFile(t, os.DevNull) }, "RT Arabic"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.stdin(t)
			defer in.Close()
			var out, errb bytes.Buffer
			if err := runRender([]string{"--color=never"}, in, &out, &errb); err != nil {
				t.Fatalf("%v; stderr %s", err, errb.String())
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("with %s on standard input the output lacks %q:\n%.300s", tc.name, tc.want, out.String())
			}
		})
	}
}

func openFile(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestTheReaderWaitsForTheHashOnlyForAnOlderFallbackSidecar opens a long
// article in steps, as the reader does: with a sidecar of its name in the
// fallback folder from before paths were recorded, which only the
// article's hash tells whose it is, the reader starts on the whole
// article (hashed); otherwise it keeps its loader and its first step.
func TestTheReaderWaitsForTheHashOnlyForAnOlderFallbackSidecar(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "long.txt")
	para := "The council met on Tuesday and voted to keep the library open for another year.\n\n"
	// UTF-8 at the start, then a byte that is not, past the first step:
	// the whole article's warning, which the notice must carry when the
	// reader waits for it.
	text := "The café by the library shut in May.\n\n" + strings.Repeat(para, 2*firstStep/len(para)) + "The fee rose to 10 \xff a week.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	whole, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fallback, err := annotate.FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	// By the file name alone, as margin kept sidecars there before paths.
	sidecar := filepath.Join(fallback, "long.txt"+annotate.Suffix)
	for _, tt := range []struct {
		name, header string
		wait         bool
	}{
		{"no sidecar in the fallback folder", "", false},
		{"a sidecar that records the path", `{"margin_notes":1,"article":"sha256:0","path":"` + path + `"}`, false},
		{"an older sidecar", `{"margin_notes":1,"article":"` + whole.Hash + `"}`, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(sidecar)
			if tt.header != "" {
				if err := os.MkdirAll(fallback, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(sidecar, []byte(tt.header+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			first, l, err := openFirstStep(context.Background(), path)
			if err != nil || l == nil {
				t.Fatalf("the first step read it all (%v): make the article longer", err)
			}
			defer l.Close()
			a, rest, notice, where, err := locateNotes(context.Background(), first, l, strings.Join(first.Warnings, "; "), "")
			if err != nil {
				t.Fatal(err)
			}
			if where.NeedsHash {
				t.Errorf("the notes' place is still waiting for the hash: %+v", where)
			}
			if want := strings.Join(a.Warnings, "; "); notice != want || tt.wait && !strings.Contains(notice, "UTF-8") {
				t.Errorf("notice %q, want the article's warnings %q, the bytes past the first step among them", notice, want)
			}
			switch {
			case tt.wait && (rest != nil || a.Hash != whole.Hash || a.Text != whole.Text || a.Path != path):
				t.Errorf("loader %v, hash %q, %d bytes, path %q; want the whole article, hashed %q", rest, a.Hash, len(a.Text), a.Path, whole.Hash)
			case !tt.wait && (rest != l || a != first):
				t.Errorf("the reader waited for the whole article without need")
			}
		})
	}
}
