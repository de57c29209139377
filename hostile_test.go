package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hostile is one of each sequence that a terminal, a markdown viewer or a
// reader of raw JSON acts on: CSI (clear, colour), OSC (title, clipboard,
// hyperlink), DCS, a C1 CSI, NEL, BEL, a bare CR that rewrites a line,
// bidi overrides and isolates that reorder text, and zero-width characters.
var hostile = []string{
	"\x1b[2J\x1b[H", "\x1b[31m", "\x1b]0;PWNED\x07", "\x1b]52;c;aGk=\x07",
	"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "\x1bP+q544e\x1b\\",
	"\u009b2J", "\u0085", "\a", "\r# CR heading", "\u202egnp.exe", "\u2066iso\u2069",
	"zero\u200bwidth\ufeff", "\u2028",
}

// hostileArticle is a short news article with every hostile sequence in
// its title, in a quoted claim, in a speaker's name and in plain prose.
func hostileArticle() string {
	all := strings.Join(hostile, " ")
	return "Minister " + hostile[0] + "resigns" + hostile[2] + "\n\n" +
		"By Jane " + hostile[10] + "Doe\n\n" +
		"The minister said on Tuesday that prices " + all + " would fall by 5% in May.\n\n" +
		"“Wages will rise" + hostile[6] + ",” said Ana " + hostile[1] + "Lopez, the union's leader.\n\n" +
		"Officials claimed that " + hostile[11] + " the vote was fair" + hostile[9] + ".\n"
}

// hostileCase is one command run over the hostile article.
type hostileCase struct {
	name  string
	args  []string // "ARTICLE" stands for the article's path
	stdin string
	// colour output: margin's own SGR and OSC 8 sequences are allowed.
	colour bool
	// json output: must also decode, with no zero-width character raw.
	json bool
}

var hostileCases = []hostileCase{
	{name: "render prints no control", args: []string{"render", "--color", "never", "ARTICLE"}},
	{name: "render in colour prints only its own sequences", args: []string{"render", "--color", "always", "ARTICLE"}, colour: true},
	{name: "render of standard input prints no control", args: []string{"render", "--color", "never", "-"}, stdin: hostileArticle()},
	{name: "analyze summary prints no control", args: []string{"analyze", "ARTICLE"}},
	{name: "analyze --json escapes every invisible character", args: []string{"analyze", "--json", "ARTICLE"}, json: true},
	{name: "a missing file with ESC in its name is named safely", args: []string{"render", "missing\x1b[31m\u009bfile\u202e.txt"}},
	{name: "an unknown flag with ESC in it is named safely", args: []string{"analyze", "--\x1b]0;X\x07", "ARTICLE"}},
	{name: "notes list prints no control", args: []string{"notes", "list", "ARTICLE"}},
	{name: "notes list --json escapes every invisible character", args: []string{"notes", "list", "--json", "ARTICLE"}, json: true},
	{name: "export markdown prints no control", args: []string{"export", "ARTICLE"}},
	{name: "export json escapes every invisible character", args: []string{"export", "--format", "json", "ARTICLE"}, json: true},
	{name: "export w3c escapes every invisible character", args: []string{"export", "--format", "w3c", "ARTICLE"}, json: true},
	{name: "export claimreview escapes every invisible character", args: []string{"export", "--format", "claimreview", "ARTICLE"}, json: true},
}

// TestHostileTextReachesNoTerminal runs every command over an article made
// of hostile sequences (with a note made of them in every field) and
// checks that no raw control byte reaches stdout or stderr.
func TestHostileTextReachesNoTerminal(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "hostile\x1b[7m\u202e.txt")
	if err := os.WriteFile(article, []byte(hostileArticle()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("MARGIN_NOTES_DIR", "")
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // export analyses the article
	all := strings.Join(hostile, " ")
	var out, errs bytes.Buffer
	add := []string{"notes", "add", article, "--quote", "would fall by 5% in May", "--note", all, "--tag", hostile[1], "--source", "https://s.example/" + hostile[2]}
	if code := run(add, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("notes add: exit %d: %s", code, errs.String())
	}
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "ARTICLE", article)
			}
			var out, errs bytes.Buffer
			run(args, strings.NewReader(tc.stdin), &out, &errs)
			checkNoControl(t, "stdout", out.String(), tc)
			checkNoControl(t, "stderr", errs.String(), hostileCase{})
			if tc.json {
				checkJSONLines(t, out.Bytes())
			}
		})
	}
}

// ownSequences are the escape sequences margin writes itself in colour:
// SGR, and OSC 8 hyperlinks whose URL is printable ASCII, ended by BEL
// as ansi.SetHyperlink writes them (or by ST).
var ownSequences = regexp.MustCompile(`\x1b\[[0-9;:]*m|\x1b\]8;[^;\x00-\x1f\x7f]*;[!-~]*(?:\x07|\x1b\\)`)

func checkNoControl(t *testing.T, stream, s string, tc hostileCase) {
	t.Helper()
	if tc.colour {
		s = ownSequences.ReplaceAllString(s, "")
	}
	for i, r := range s {
		bad := r < 0x20 && r != '\n' && r != '\t' ||
			r == 0x7f || (r >= 0x80 && r < 0xa0) ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd")
		if tc.json && (r == 0x200b || r == 0xfeff || r == 0x2028) {
			bad = true
		}
		if bad {
			t.Fatalf("%s holds %U at byte %d: %q", stream, r, i, s[max(0, i-40):min(len(s), i+40)])
		}
	}
}

func checkJSONLines(t *testing.T, out []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("output is not valid JSON: %v", err)
		}
	}
}

// TestInputsThatAreNotFilesFailAtOnce runs the binary on inputs that used
// to hang or eat memory: each must exit non-zero with one line on stderr
// instead of being killed by the test's deadline.
func TestInputsThatAreNotFilesFailAtOnce(t *testing.T) {
	bin := marginBinary(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a device that never ends", []string{"render", "/dev/zero"}, "is a device"},
		{"a directory", []string{"render", t.TempDir()}, "is a directory"},
		{"a file name with ESC in it", []string{"render", "missing\x1b[31mfile.txt"}, "missing␛[31mfile.txt"},
		{"an address margin does not fetch", []string{"render", "ftp://x.example/a.txt"}, "no such file or directory (margin fetches http:// and https:// addresses only)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var stderr bytes.Buffer
			cmd := exec.CommandContext(ctx, bin, tt.args...)
			cmd.Stderr = &stderr
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("margin %q did not finish: %v", tt.args, ctx.Err())
			}
			var exit *exec.ExitError
			msg := stderr.String()
			if !errors.As(err, &exit) || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, tt.want) || strings.ContainsRune(msg, 0x1b) {
				t.Fatalf("margin %q: %v, stderr %q; want a non-zero exit and one safe line with %q", tt.args, err, msg, tt.want)
			}
		})
	}
}

// hostileMarkup is the hostile article as markdown and as a saved page,
// with the sequences also in front matter, headings, link targets, code,
// table cells and attributes, which each loader reads its own way.
func hostileMarkup() map[string]string {
	all := strings.Join(hostile, " ")
	return map[string]string{
		"hostile.md": "---\ntitle: \"Minister \\u001b]0;PWNED\\u0007 resigns\"\n---\n\n" +
			"# Minister " + hostile[0] + "resigns\n\n" + hostileArticle() + "\n" +
			"See [the " + hostile[1] + "report](https://x.example/" + hostile[2] + ") and <https://y.example/" + hostile[6] + ">.\n\n" +
			"```\n" + all + "\n```\n\n| a " + hostile[0] + " | b |\n|---|---|\n| " + all + " | x |\n\n> quoted " + all + "\n",
		"hostile.html": "<!doctype html><html><head><title>Minister " + hostile[2] + " resigns</title>" +
			"<meta name=\"author\" content=\"Jane " + hostile[10] + "Doe\"></head><body><article>" +
			"<h1>Minister " + hostile[0] + "resigns</h1><p>The minister said that prices " + all + " would fall.</p>" +
			"<p><a href=\"https://x.example/" + hostile[2] + "\">a " + hostile[1] + "link</a></p>" +
			"<pre>" + all + "</pre></article></body></html>",
	}
}

// TestHostileMarkupReachesNoTerminal runs render and analyze over the
// markdown and HTML forms of the hostile article.
func TestHostileMarkupReachesNoTerminal(t *testing.T) {
	dir := t.TempDir()
	commands := []hostileCase{
		{name: "render", args: []string{"render", "--color", "never"}},
		{name: "render in colour", args: []string{"render", "--color", "always"}, colour: true},
		{name: "analyze --json", args: []string{"analyze", "--json"}, json: true},
	}
	for file, content := range hostileMarkup() {
		path := filepath.Join(dir, file)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, tc := range commands {
			t.Run(tc.name+" of "+file, func(t *testing.T) {
				var out, errs bytes.Buffer
				if code := run(append(tc.args, path), strings.NewReader(""), &out, &errs); code != 0 {
					t.Fatalf("exit %d: %s", code, errs.String())
				}
				checkNoControl(t, "stdout", out.String(), tc)
				checkNoControl(t, "stderr", errs.String(), hostileCase{})
				if tc.json {
					checkJSONLines(t, out.Bytes())
				}
				// The sequences must arrive, made harmless, not vanish.
				shown := "␛"
				if tc.json {
					shown = `\u001b`
				}
				if !strings.Contains(out.String(), shown) {
					t.Fatalf("no ESC reached stdout, shown or escaped: the test checked nothing:\n%.300s", out.String())
				}
			})
		}
	}
}
