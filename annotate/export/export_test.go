package export

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/margin-reader/margin/internal/golden"

	"charm.land/glamour/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/span"
)

const story = "Café owners say prices rose 40% in a year.\n" +
	"The mayor said the new tax is \"the fairest in Europe\".\n" +
	"Critics call the figures misleading."

var now = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC)

// fixture is an article and one note of every status, with text that
// looks like markdown to make sure it stays text.
func fixture(t *testing.T) (*model.Article, []annotate.Note) {
	t.Helper()
	a, err := model.Parse(context.Background(), "story.txt", []byte(story), model.Options{Verbatim: true})
	if err != nil {
		t.Fatal(err)
	}
	a.Path = "/articles/story.txt"
	a.Title = "Prices | taxes & *cafés*"
	a.SourceURL = "https://news.example/story"
	at := func(quote string) (span.Span, anchor.Selector) {
		s, err := anchor.Find(a.Text, quote, 0)
		if err != nil {
			t.Fatal(err)
		}
		sel, _ := anchor.Make(a.Text, s)
		return s, sel
	}
	n := func(id, quote string, status annotate.Status, v annotate.Verdict, body string) annotate.Note {
		s, sel := at(quote)
		if !(status == annotate.Anchored || status == annotate.Moved) {
			s = span.Span{Start: s.Start, End: s.Start}
		}
		return annotate.Note{ID: id, Span: s, Status: status, Target: sel, Text: body, Verdict: v,
			Author: "ann", Created: now, Updated: now.Add(time.Hour), Rev: 2}
	}
	notes := []annotate.Note{
		n("01A", "prices rose 40% in a year", annotate.Anchored, annotate.False,
			"Statistics office: 12%.\n# not a heading\n1. not a list\n\n*not emphasis* <b>not html</b> a|b"),
		n("01B", "the fairest in Europe", annotate.Moved, annotate.Opinion, ""),
		n("01C", "Critics call", annotate.NeedsReview, annotate.Unverified, "Which critics?"),
		n("01D", "The mayor said", annotate.Orphaned, annotate.None, "- dash at the start"),
	}
	notes[0].Tags = []string{"economy", "numbers_2025"}
	notes[0].Sources = []string{"https://stats.example/cpi?year=2025&x=1", "Interview with the office"}
	return a, notes
}

// storyOptions exports at a fixed time with a claim on each sentence of
// the story, the way the analysis would flag them.
func storyOptions(t *testing.T, a *model.Article) Options {
	t.Helper()
	claim := func(sentence, source string, score float64, kinds ...string) Claim {
		s, err := anchor.Find(a.Text, sentence, 0)
		if err != nil {
			t.Fatal(err)
		}
		return Claim{Span: s, Kinds: kinds, Source: source, Checkworthiness: score}
	}
	return Options{Now: now, Claims: []Claim{
		claim("Café owners say prices rose 40% in a year.", "Café owners", 0.91, "statistical", "attributed"),
		claim("The mayor said the new tax is \"the fairest in Europe\".", "The mayor", 0.62, "attributed"),
		claim("Critics call the figures misleading.", "Critics", 0.74, "disputed"),
	}}
}

func TestGoldenExports(t *testing.T) {
	a, notes := fixture(t)
	for _, f := range []Format{FormatMarkdown, FormatJSON, FormatW3C, FormatClaimReview} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, f, a, notes, storyOptions(t, a)); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "story."+string(f)+".golden"), buf.String())
		})
	}
}

// splitFrontMatter separates the YAML front matter from the markdown.
func splitFrontMatter(t *testing.T, md string) (front, body string) {
	t.Helper()
	rest, ok := strings.CutPrefix(md, "---\n")
	if !ok {
		t.Fatal("no front matter")
	}
	front, body, ok = strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatal("front matter not closed")
	}
	return front, body
}

func TestMarkdownIsCommonMarkWithTheStructureOfAWorksheet(t *testing.T) {
	a, notes := fixture(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, a, notes, storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	front, body := splitFrontMatter(t, buf.String())
	for _, want := range []string{`title: "Prices | taxes & *cafés*"`, `content_hash: "sha256:`, `exported: "2025-03-14T09:30:00Z"`,
		"notes: 4", `  "false": 1`, `  "none": 1`, "needs_review: 1", "orphaned: 1", "claims: 3", "claims_reviewed: 2"} {
		if !strings.Contains(front, want) {
			t.Errorf("front matter lacks %q:\n%s", want, front)
		}
	}

	src := []byte(body)
	doc := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser().Parse(text.NewReader(src))
	count := map[ast.NodeKind]int{}
	headings := map[int]int{}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		count[n.Kind()]++
		if h, ok := n.(*ast.Heading); ok {
			headings[h.Level]++
		}
		return ast.WalkContinue, nil
	})
	checks := []struct {
		name      string
		got, want int
	}{
		{"one title", headings[1], 1},
		{"summary, notes, review and unreviewed claims sections", headings[2], 4},
		{"a heading per note", headings[3], 4},
		{"a quoted passage per note", count[ast.KindBlockquote], 4},
		{"a table of notes and one of unreviewed claims", count[east.KindTable], 2},
		{"header rows, a row per note and one per unreviewed claim", count[east.KindTableRow] + count[east.KindTableHeader], 5 + 2},
		{"the summary, a details list per note, and one of sources", count[ast.KindList], 1 + 4 + 1},
		{"no emphasis from the user's asterisks", count[ast.KindEmphasis], 4},
		{"no raw HTML", count[ast.KindRawHTML] + count[ast.KindHTMLBlock], 0},
		{"one autolink for the web source", count[ast.KindAutoLink], 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.name, c.got, c.want)
		}
	}
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert(src, &html); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"*not emphasis*", "# not a heading<br>", "1. not a list</p>", "&lt;b&gt;not html&lt;/b&gt; a|b", "<p>- dash at the start</p>", "numbers_2025"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("note text %q did not survive as text:\n%s", want, html.String())
		}
	}
}

func TestMarkdownRendersWithGlamour(t *testing.T) {
	a, notes := fixture(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, a, notes, Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	_, body := splitFrontMatter(t, buf.String())
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("notty"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(body)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Notes on Prices", "prices rose 40% in a year", "Statistics office: 12%.", "*not emphasis*", "Needs review or orphaned", "The mayor said"} {
		if !strings.Contains(out, want) {
			t.Errorf("rendered worksheet lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, `\*`) || strings.Contains(out, `\#`) {
		t.Errorf("escapes show in the rendered worksheet:\n%s", out)
	}
}

func TestW3CSelectorsCountCharacters(t *testing.T) {
	a, notes := fixture(t)
	var buf bytes.Buffer
	if err := W3C(&buf, a, notes, Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	var c w3cCollection
	if err := json.Unmarshal(buf.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	if c.Context != "http://www.w3.org/ns/anno.jsonld" || c.Type != "AnnotationCollection" || c.Total != 4 {
		t.Fatalf("collection %+v", c)
	}
	first := c.First.Items[0]
	pos := first.Target.Selector[1]
	// "Café owners say " is 16 characters and 17 bytes.
	if pos.Type != "TextPositionSelector" || *pos.Start != 16 || *pos.End != 16+len("prices rose 40% in a year") {
		t.Fatalf("position selector %+v", pos)
	}
	if orphan := c.First.Items[3]; len(orphan.Target.Selector) != 1 || orphan.Target.Selector[0].Exact != "The mayor said" {
		t.Fatalf("orphaned note target %+v", orphan.Target)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"markdown": FormatMarkdown, "md": FormatMarkdown, "JSON": FormatJSON, "w3c": FormatW3C} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("accepted pdf")
	}
}

func TestEscapeLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"leaves plain words alone", "plain words, 40% more.", "plain words, 40% more."},
		{"escapes emphasis and code", "*a* _b_ `c`", `\*a\* \_b\_ \` + "`" + `c\` + "`"},
		{"escapes a heading marker at the start", "# x", `\# x`},
		{"escapes an ordered list marker", "12. x", `12\. x`},
		{"escapes a rule", "---", `\---`},
		{"escapes an entity but not a lone ampersand", "&amp; & b", `\&amp; & b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeLine(tt.in); got != tt.want {
				t.Fatalf("escapeLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestTheWorksheetNamesVerdictsAsPeopleReadThem: its table and each
// note's Verdict line wrote "mostly-true" and "none" under a summary and
// headings that say "mostly true" and "No verdict"; the front matter,
// read by programs, keeps the values.
func TestTheWorksheetNamesVerdictsAsPeopleReadThem(t *testing.T) {
	a, notes := fixture(t)
	notes[1].Verdict = annotate.MostlyTrue
	var buf bytes.Buffer
	if err := Write(&buf, FormatMarkdown, a, notes, storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	front, body := splitFrontMatter(t, buf.String())
	for _, want := range []string{"| mostly true |", "- Verdict: **mostly true**", "| no verdict |", "- Verdict: **no verdict**"} {
		if !strings.Contains(body, want) {
			t.Errorf("the worksheet lacks %q:\n%s", want, body)
		}
	}
	for _, slug := range []string{"mostly-true", "**none**", "| none |"} {
		if strings.Contains(body, slug) {
			t.Errorf("the worksheet's body writes the value %q", slug)
		}
	}
	if !strings.Contains(front, `"mostly-true": 1`) {
		t.Errorf("the front matter lost the verdict's value:\n%s", front)
	}
}

// TestTwoNotesOnOnePassageAreTwoRowsApart: the summary's rows were the
// verdict, the passage and the status, so two unverified notes on one
// sentence were two identical rows, and an editor could not tell which
// was which without reading on.
func TestTwoNotesOnOnePassageAreTwoRowsApart(t *testing.T) {
	a, notes := fixture(t)
	twin := notes[0]
	twin.ID, twin.Text = "01E", "Ask the office | for the monthly series."
	notes = append(notes[:1], append([]annotate.Note{twin}, notes[1:]...)...)
	var buf bytes.Buffer
	if err := Write(&buf, FormatMarkdown, a, notes, storyOptions(t, a)); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.Contains(l, "| prices rose 40% in a year |") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 2 || rows[0][4:] == rows[1][4:] {
		t.Fatalf("the two notes on one passage are the rows %q, want two that differ past their numbers", rows)
	}
	if !strings.Contains(rows[1], `Ask the office \| for the monthly`) {
		t.Errorf("the second row does not start the note's text, its pipe escaped: %q", rows[1])
	}
}

func TestASourceIsALinkWhateverTheCaseOfItsScheme(t *testing.T) {
	tests := []struct {
		name, source string
		link         bool
	}{
		{"https", "https://stats.example/cpi", true},
		{"https in capitals", "HTTPS://stats.example/cpi", true},
		{"http in mixed case", "Http://stats.example/cpi", true},
		{"words", "Interview with the office", false},
		{"another scheme", "ftp://stats.example/cpi.csv", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sourceLink(tt.source) == "<"+tt.source+">"; got != tt.link {
				t.Errorf("markdown: sourceLink(%q) = %q", tt.source, sourceLink(tt.source))
			}
			a, notes := fixture(t)
			notes[0].Sources = []string{tt.source}
			var buf bytes.Buffer
			if err := W3C(&buf, a, notes[:1], storyOptions(t, a)); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), `"source": "`+tt.source+`"`); got != tt.link {
				t.Errorf("w3c: source %q given as a link %v, want %v:\n%s", tt.source, got, tt.link, buf.String())
			}
		})
	}
}
