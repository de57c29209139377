package model

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.txt")
	if err := os.WriteFile(bin, []byte("GIF89a\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{"names a missing file", filepath.Join(dir, "missing.txt"), "no such file"},
		{"refuses a directory", dir, "is a directory"},
		{"refuses a binary file", bin, "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(context.Background(), tt.path, Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Open(%s) error = %v, want one line containing %q", tt.path, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name the path", err)
			}
		})
	}
}

func TestReadLimited(t *testing.T) {
	in := strings.Repeat("Kyiv’s talks. ", 10000)
	tests := []struct {
		name        string
		r           io.Reader
		size, limit int64
		want        string // the error, or "" to read all of in
	}{
		{"stops an endless stream past the limit", zeros{}, 0, 4096, "read src: larger than 4096 bytes"},
		{"names the limit in MB", zeros{}, 0, 2 << 20, "read src: larger than 2 MB"},
		{"reads all of a source that announced too little", strings.NewReader(in), int64(len(in) / 2), 1 << 20, ""},
		{"reads all of a source that announced nothing", strings.NewReader(in), 0, 1 << 20, ""},
		{"reads a source of exactly the limit", strings.NewReader(in), int64(len(in)), int64(len(in)), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readLimited(tt.r, "src", tt.size, tt.limit)
			switch {
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("error = %v, want %q", err, tt.want)
			case tt.want == "" && (err != nil || string(got) != in):
				t.Fatalf("read %d bytes (error %v), want all %d", len(got), err, len(in))
			}
		})
	}
}

// zeros is an endless stream of NUL bytes, like /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestParseVerbatimKeepsTheInput(t *testing.T) {
	in := "Title\n\nTitle\n\nLoading...\nline one. still one\nline two"
	a, err := Parse(context.Background(), "x.txt", []byte(in), Options{Verbatim: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != in {
		t.Fatalf("Text = %q, want the input unchanged", a.Text)
	}
	var got []string
	for _, s := range a.Sentences {
		got = append(got, s.In(a.Text))
	}
	want := "Title|Title|Loading...|line one. still one|line two"
	if strings.Join(got, "|") != want {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func TestParseSetsHashAndTitle(t *testing.T) {
	a, err := Parse(context.Background(), "a.txt", []byte("Storm hits coast\n\nBy Jane Doe\n\nIt rained."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Storm hits coast" || a.Byline != "Jane Doe" {
		t.Errorf("Title, Byline = %q, %q", a.Title, a.Byline)
	}
	if a.Hash != HashText(a.Text) || !strings.HasPrefix(a.Hash, "sha256:") {
		t.Errorf("Hash = %q", a.Hash)
	}
}

// TestFrontMatterNamesTheBylineAndDate reads margin's own keys and, when
// they are absent, the author and date that blogs and static sites write.
func TestFrontMatterNamesTheBylineAndDate(t *testing.T) {
	tests := []struct {
		name, front, byline, published string
	}{
		{"margin's keys", "byline: Jane Doe\npublished: 2024-05-02", "Jane Doe", "2024-05-02"},
		{"a blog's keys", "author: Priya Natarajan\ndate: 2024-05-02", "Priya Natarajan", "2024-05-02"},
		{"a static site's date and time", "author: Priya Natarajan\ndate: 2024-05-02T10:00:00+01:00", "Priya Natarajan", "2024-05-02"},
		{"no date written in words", "date: May 2, 2024", "", ""},
		{"margin's keys first", "author: A. Writer\nbyline: Jane Doe\ndate: 2020-01-01\npublished: 2024-05-02", "Jane Doe", "2024-05-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "---\ntitle: Council budget\n" + tt.front + "\n---\n\nThe council said spending would rise.\n"
			a, err := Parse(context.Background(), "a.md", []byte(src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != tt.byline || a.Published != tt.published {
				t.Errorf("Byline, Published = %q, %q; want %q, %q", a.Byline, a.Published, tt.byline, tt.published)
			}
		})
	}
}

// gold is the structure part of a reference annotation in ../shared/eval.
type gold struct {
	Article        string   `json:"article"`
	MustNotAppear  []string `json:"must_not_appear"`
	MustAppearOnce []string `json:"must_appear_once"`
	MustBeJoined   []string `json:"must_be_joined"`
}

// keyPattern matches a gold key as the scorer does: curly and straight
// quotes alike, any run of white space for a space, any case.
func keyPattern(key string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("(?i)")
	for _, r := range key {
		switch {
		case r == '\'':
			b.WriteString("['‘’]")
		case r == '"':
			b.WriteString(`["“”]`)
		case r == ' ':
			b.WriteString(`\s+`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	return regexp.MustCompile(b.String())
}

// TestSampleStructure checks cleanup against every hand-made reference in
// ../shared/eval: boilerplate gone, the title once, broken lines joined.
func TestSampleStructure(t *testing.T) {
	files, _ := filepath.Glob("../../shared/eval/*.gold.json")
	if len(files) == 0 {
		t.Skip("no reference annotations in ../shared/eval")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g gold
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		a, err := Open(context.Background(), filepath.Join("..", g.Article), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range g.MustNotAppear {
			if strings.Contains(strings.ToLower(a.Text), strings.ToLower(k)) {
				t.Errorf("%s: boilerplate %q left in", g.Article, k)
			}
		}
		for _, k := range g.MustAppearOnce {
			if n := len(keyPattern(k).FindAllString(a.Text, -1)); n != 1 {
				t.Errorf("%s: %q appears %d times", g.Article, k, n)
			}
		}
		for _, k := range g.MustBeJoined {
			m := keyPattern(k).FindString(a.Text)
			if m == "" || strings.Contains(m, "\n") {
				t.Errorf("%s: %q not joined", g.Article, k)
			}
		}
	}
}

func TestNewReportCarriesTheResolvedSpeaker(t *testing.T) {
	a, err := Parse(context.Background(), "a.txt", []byte("The minister spoke. He said prices would fall."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	he := strings.Index(a.Text, "He")
	an := &Analysis{Claims: []claim.Claim{{
		Span:   a.Sentences[1],
		Kinds:  claim.KindsOf(claim.Attributed),
		Source: &claim.Source{Span: span.Span{Start: he, End: he + 2}, Resolved: span.Span{Start: 0, End: 12}},
	}}}
	r := NewReport(a, an)
	src := r.Claims[0].Source
	if src == nil || src.Text != "He" || src.Resolved == nil || src.Resolved.Text != "The minister" {
		t.Fatalf("source = %+v, want He resolved to The minister", src)
	}
}

func TestParseReadsMarkdownPastTheParsersLimitsAsText(t *testing.T) {
	tests := []struct {
		name, src, word string
		warned          bool
	}{
		{"reads ordinary markdown as markdown", "# Title\n\nThe *council* said [so](https://x.example).\n", "council", false},
		{"reads a deep quote as text", strings.Repeat(">", 10000) + " words\n", "words", true},
		{"reads a run of unclosed links as text", "# Title\n\n" + strings.Repeat("[a](", 5000), "Title", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), "a.md", []byte(tt.src), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Format != Markdown || (len(a.Warnings) > 0) != tt.warned {
				t.Fatalf("format %s, warnings %q; want markdown, warned %v", a.Format, a.Warnings, tt.warned)
			}
			for _, w := range a.Warnings {
				if !strings.Contains(w, "a.md") || !strings.Contains(w, "plain text") || strings.Contains(w, "\n") {
					t.Errorf("warning %q does not say, on one line, which file is read as plain text", w)
				}
			}
			if !strings.Contains(a.Text, tt.word) {
				t.Errorf("text %.80q lost the word %q", a.Text, tt.word)
			}
		})
	}
}

func TestTheFormatOfATextWithoutAName(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             Format
	}{
		{"a heading opens markdown on standard input", "-", "# Flood walls approved\n\nThe council voted.", Markdown},
		{"a second-level heading too", "-", "\n\n## Budget\n\nIt rose.", Markdown},
		{"front matter opens markdown", "-", "---\ntitle: Flood walls\n---\n\nThe council voted.", Markdown},
		{"a file without an extension is sniffed the same way", "notes/article", "# Title\n\nText.", Markdown},
		{"a hashtag is no heading", "-", "#FloodWalls trended all day.\n\nThe council voted.", Text},
		{"a lone hash mark is no heading", "-", "#\n\nThe council voted.", Text},
		{"a rule and prose is no front matter", "-", "---\nThe council voted on Monday.\n", Text},
		{"plain prose stays text", "-", "The council voted on Monday. It was close.", Text},
		{"a .txt file is text whatever it opens with", "a.txt", "# Title\n\nText.", Text},
		{"an HTML page on standard input", "-", "<!DOCTYPE html><html><body><p>Hi.</p></body></html>", HTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), tt.file, []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Format != tt.want {
				t.Errorf("format %s, want %s", a.Format, tt.want)
			}
		})
	}
}

func TestParseLinksTheAddressesWrittenOutInAPageAndVerbatimText(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Flood report</title></head><body><article><h1>Flood report</h1>` +
		`<p>The council published its findings on Tuesday, and the full report is at https://example.org/flood/report.pdf for anyone to read.</p>` +
		`<p>A summary is on <a href="https://example.org/summary">https://example.org/flood</a>, the council said, with maps of every street.</p>` +
		`</article></body></html>`
	tests := []struct {
		name, file, in string
		opts           Options
		want           []string // each "words → URL"
	}{
		{"a saved page", "flood.html", page, Options{}, []string{
			"https://example.org/flood/report.pdf → https://example.org/flood/report.pdf",
			"https://example.org/flood → https://example.org/summary",
		}},
		{"verbatim text", "flood.txt", "Title\n\nSee https://example.org/a.\nMail desk@example.org", Options{Verbatim: true}, []string{
			"https://example.org/a → https://example.org/a",
			"desk@example.org → mailto:desk@example.org",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), tt.file, []byte(tt.in), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, in := range a.Inlines {
				if in.Kind == doc.Link {
					got = append(got, in.In(a.Text)+" → "+in.URL)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("links = %q, want %q (text %q)", got, tt.want, a.Text)
			}
		})
	}
}

// TestAnErrorNamesStandardInputInWords checks that what cannot be read
// from standard input is said of "standard input", not of "-", and of the
// path for a file.
func TestAnErrorNamesStandardInputInWords(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"-", "read standard input: binary file"},
		{"notes.txt", "read notes.txt: binary file"},
	} {
		_, err := Parse(context.Background(), tt.name, []byte("a\x00b"), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error %v, want it to start %q", tt.name, err, tt.want)
		}
	}
}
