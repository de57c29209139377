package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model"
)

// hostile is text meant to break out of a worksheet or drive a terminal:
// escape sequences (CSI, OSC, DCS), C1 controls, BEL, NUL and DEL, CR and
// CRLF before markdown that starts a block, bidi overrides and zero-width
// characters, and blanks.
var hostile = []string{
	"\x1b]0;PWNED\x07title",
	"\x1b[2J\x1b[31mred",
	"\u009b31m C1 CSI \u0085 NEL",
	"\x1bPq dcs \x1b\\ end",
	"bell\a nul\x00 del\x7f",
	"line one\r# CR heading",
	"line\r\n## CRLF heading",
	"under\r===\r",
	"text\r---",
	"1. \r2. list\r- item",
	"> quote\r> more",
	"\u202eevil\u202c and \u2066isolate\u2069",
	"zero\u200bwidth\ufeff",
	"\u2028line\u2029separators",
	"https://s.example/\x1b]0;X\a",
	"",
	"  \r\n  ",
	"\xff\xfe invalid",
}

// hostileNotes puts h in every field a note and its claim have, for an
// anchored note on a claim, and an orphaned one written on h itself.
func hostileNotes(t *testing.T, h string) (*model.Article, []annotate.Note, Options) {
	a, notes := fixture(t)
	a.Title, a.SourceURL, a.Path = h, h, "/articles/"+h+".txt"
	opts := storyOptions(t, a)
	for i := range opts.Claims {
		opts.Claims[i].Source, opts.Claims[i].Via, opts.Claims[i].Kinds = h, h, []string{h}
	}
	for i := range notes {
		n := &notes[i]
		n.Text, n.Tags, n.Sources, n.Author = h+"\n\n"+h, []string{h, "tag"}, []string{h, " ", "https://ok.example/" + h}, h
		n.Verdict = annotate.Verdict(h)
	}
	notes[3].Target.Exact, notes[3].Target.Prefix = h, h
	return a, notes, opts
}

// checkNoControls fails if out holds a control character other than line
// feed, a C1 control, a bidi override or isolate.
func checkNoControls(t *testing.T, format, out string) {
	t.Helper()
	for i, r := range out {
		bad := r < 0x20 && r != '\n' || r == 0x7f || sanitize.IsC1(r) || sanitize.IsBidiControl(r) || r == utf8.RuneError && !strings.HasPrefix(out[i:], "\ufffd")
		if bad {
			t.Fatalf("%s export has %U at byte %d: %q", format, r, i, out[max(0, i-20):min(len(out), i+20)])
		}
	}
}

// headings lists the markdown's headings as level and text.
func headings(md string) []string {
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			var b strings.Builder
			for c := h.FirstChild(); c != nil; c = c.NextSibling() {
				switch t := c.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(src))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			out = append(out, fmt.Sprintf("h%d %s", h.Level, b.String()))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// checkWorksheet asserts the worksheet's properties for hostile input:
// no control characters, and exactly the headings a worksheet of four
// notes has: the title, four sections, one per note.
func checkWorksheet(t *testing.T, md string) {
	t.Helper()
	checkNoControls(t, "markdown", md)
	_, body := splitFrontMatter(t, md)
	if strings.Contains(body, "- 4 notes: .\n") {
		t.Fatalf("the summary counts no verdict for its notes:\n%s", body)
	}
	got := headings(body)
	levels := make([]string, len(got))
	for i, h := range got {
		levels[i] = h[:2]
	}
	want := "h1 h2 h2 h3 h3 h2 h3 h3 h2"
	if strings.Join(levels, " ") != want {
		t.Fatalf("headings %q, want levels %s:\n%s", got, want, body)
	}
	for i, h := range []string{"h2 Summary", "h2 Notes", "h2 Needs review or orphaned", "h2 Claims without a verdict"} {
		if at := []int{1, 2, 5, 8}[i]; got[at] != h {
			t.Fatalf("heading %d is %q, want %q", at, got[at], h)
		}
	}
	for i, at := range []int{3, 4, 6, 7} {
		if !strings.HasPrefix(got[at], fmt.Sprintf("h3 %d. ", i+1)) {
			t.Fatalf("note heading %q does not start with its number %d", got[at], i+1)
		}
	}
}

// checkJSON asserts a JSON export is valid and spells every invisible
// character as an escape.
func checkJSON(t *testing.T, f Format, out string) {
	t.Helper()
	checkNoControls(t, string(f), out)
	if !json.Valid([]byte(out)) {
		t.Fatalf("%s export is not JSON:\n%s", f, out)
	}
}

func exportAll(t *testing.T, h string) map[Format]string {
	a, notes, opts := hostileNotes(t, h)
	out := map[Format]string{}
	for _, f := range []Format{FormatMarkdown, FormatJSON, FormatW3C, FormatClaimReview} {
		var buf bytes.Buffer
		if err := Write(&buf, f, a, notes, opts); err != nil {
			t.Fatal(err)
		}
		out[f] = buf.String()
	}
	return out
}

func TestHostileTextKeepsEveryExportSafe(t *testing.T) {
	for _, h := range hostile {
		t.Run(fmt.Sprintf("%q", h), func(t *testing.T) {
			out := exportAll(t, h)
			checkWorksheet(t, out[FormatMarkdown])
			for _, f := range []Format{FormatJSON, FormatW3C, FormatClaimReview} {
				checkJSON(t, f, out[f])
			}
		})
	}
}

func TestJSONExportsSpellInvisibleCharactersAsEscapes(t *testing.T) {
	out := exportAll(t, "a\u009bb\u202ec\u200bd")
	for _, f := range []Format{FormatJSON, FormatW3C, FormatClaimReview} {
		for _, want := range []string{`\u009b`, `\u202e`, `\u200b`} {
			if !strings.Contains(out[f], want) {
				t.Errorf("%s export lacks the escape %s", f, want)
			}
		}
	}
}

func FuzzExportsStaySafe(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, h string) {
		out := exportAll(t, h)
		checkWorksheet(t, out[FormatMarkdown])
		for _, f := range []Format{FormatJSON, FormatW3C, FormatClaimReview} {
			checkJSON(t, f, out[f])
		}
	})
}
