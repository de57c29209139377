package htmlpage

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model/doc"

	"github.com/margin-reader/margin/model/markdown"
)

// TestExtractGolden extracts each saved page and compares it, written back
// as markdown with its metadata, to the golden file beside it.
func TestExtractGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no testdata/*.html pages: %v", err)
	}
	for _, in := range pages {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Extract(string(src), "https://news.example.com/island/ferry-timetable", readIn)
			if err != nil {
				t.Fatal(err)
			}
			got := markdown.Format(p.Doc, p.Front())
			if back, _ := markdown.Parse(got); back.Text != p.Doc.Text || !reflect.DeepEqual(back.Blocks, p.Doc.Blocks) || len(back.Inlines) != len(p.Doc.Inlines) {
				t.Errorf("the page saved as markdown reads back differently:\n%q\n%q", p.Doc.Text, back.Text)
			}
			golden.Check(t, strings.TrimSuffix(in, ".html")+".golden.md", got)
		})
	}
}

func TestExtractDropsPageFurniture(t *testing.T) {
	src, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(string(src), "https://news.example.com/island/ferry-timetable", readIn)
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"Subscribe", "Cheap flights", "The ferry leaving the harbour", "Related stories", "Nobody asked the nurses", "All rights reserved", "track(", "font-family"} {
		if strings.Contains(p.Doc.Text, junk) {
			t.Errorf("article text keeps %q", junk)
		}
	}
	for _, want := range []string{"six to five", "adult single £6.20", "fewer than twelve people", "village hall"} {
		if !strings.Contains(p.Doc.Text, want) {
			t.Errorf("article text lost %q", want)
		}
	}
	if p.Title != "Ferry timetable changes split island council" || p.Site != "The Harbour Gazette" || p.Published != "2024-05-02" {
		t.Errorf("metadata = %q / %q / %q", p.Title, p.Site, p.Published)
	}
	var links []string
	for _, in := range p.Doc.Inlines {
		if in.URL != "" {
			links = append(links, in.URL)
		}
	}
	joined := strings.Join(links, " ")
	for _, want := range []string{"https://news.example.com/documents/council-2024-05.pdf", "https://news.example.com/authors/ines-vartan"} {
		if !strings.Contains(joined, want) {
			t.Errorf("links %v lack the resolved %s", links, want)
		}
	}
}

func TestExtractWithoutArticle(t *testing.T) {
	tests := []struct{ name, src string }{
		{"an empty page", ""},
		{"a page of navigation only", `<html><body><nav><a href="/">Home</a></nav></body></html>`},
		{"a page whose body is a script", `<html><body><script>document.write("hi")</script></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.src, "", readIn)
			if !errors.Is(err, ErrNoArticle) {
				t.Fatalf("Extract = %v, want ErrNoArticle", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q spans lines", err)
			}
		})
	}
}

func TestExtractShortPage(t *testing.T) {
	p, err := Extract(`<html><head><title>Note</title></head><body><p>One short   paragraph
	with <i>a</i> <a href="x.html">link</a>.</p></body></html>`, "http://h.example/dir/page", readIn)
	if err != nil {
		t.Fatal(err)
	}
	if p.Doc.Text != "One short paragraph with a link." {
		t.Errorf("text = %q", p.Doc.Text)
	}
	if len(p.Doc.Inlines) != 2 || p.Doc.Inlines[1].URL != "http://h.example/dir/x.html" {
		t.Errorf("inlines = %+v", p.Doc.Inlines)
	}
}

func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob("testdata/*.html")
	for _, page := range pages {
		if src, err := os.ReadFile(page); err == nil {
			f.Add(string(src))
		}
	}
	f.Add(`<html><head><script type="application/ld+json">{"@type":["NewsArticle"],"headline":"A\nB | Site","author":[{"name":"X"},"Y"],"datePublished":"2020-01-02T03:04:05+09:00"}</script><meta property="og:site_name" content="Site"></head><body><p>Text of the article goes here.</p></body></html>`)
	f.Add(`<p>a <b>b</b> <a href="/c">c</a></p><ul><li>d<ol><li>e</li></ol></li></ul><pre>f</pre><table><tr><td>g</td></tr></table>`)
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Extract(src, "https://example.com/a/b", readIn)
		if err != nil {
			return
		}
		prev := -1
		for i, b := range p.Doc.Blocks {
			if b.Start >= b.End || b.End > len(p.Doc.Text) || (i > 0 && b.Start != prev+1) {
				t.Fatalf("block %d %v is empty, out of range or badly separated", i, b.Span)
			}
			prev = b.End
		}
		for _, in := range p.Doc.Inlines {
			if in.Empty() || in.End > len(p.Doc.Text) {
				t.Fatalf("inline %v out of range", in.Span)
			}
		}
		// A fetched page is saved as markdown and read back from there.
		back, front := markdown.Parse(markdown.Format(p.Doc, p.Front()))
		if back.Text != p.Doc.Text {
			t.Fatalf("saved as markdown the text reads back as\n%q\nnot\n%q", back.Text, p.Doc.Text)
		}
		if want := p.Front(); len(front)+len(want) > 0 && !reflect.DeepEqual(front, want) {
			t.Fatalf("front matter reads back as %q, not %q", front, want)
		}
		for _, d := range []string{p.Published, p.Modified} {
			if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
				t.Fatalf("date %q is not a date", d)
			}
		}
		checkFromPage(t, src, p.Doc)
	})
}

// checkFromPage fails when the article says what the page does not show:
// each block's text, its spaces aside, is a subsequence of the page's
// text, and so are the blocks after the first in order (the first may be
// the standfirst, which the page shows above or below the article). The JSON-LD articleBody, which a page may be read as, is the
// one text that does not show.
func checkFromPage(t *testing.T, src string, d doc.Doc) {
	t.Helper()
	root, _, err := parseBounded(composed(src))
	if err != nil {
		t.Fatalf("Extract read a page that does not parse: %v", err)
	}
	if body := readMeta(root, nil, readIn.Year()).body; body != "" && d.Text == bodyDoc(body).Text {
		return
	}
	visible := []rune(withoutSpaces(pageText(root)))
	var rest strings.Builder
	for i, b := range d.Blocks {
		text := b.In(d.Text)
		if !isSubsequence([]rune(withoutSpaces(text)), visible) {
			t.Fatalf("block %d %q is not in the page's text", i, text)
		}
		if i > 0 {
			rest.WriteString(text)
		}
	}
	if !isSubsequence([]rune(withoutSpaces(rest.String())), visible) {
		t.Fatalf("the blocks after the first are not in the page's order:\n%s", d.Text)
	}
}

// pageText is all the text of the page outside scripts and styles, a
// form's and a menu's too: the walk skips them, but an article may sit
// inside a form (ASP.NET wraps whole pages in one) and the standfirst in
// a menu.
func pageText(root *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				sb.WriteString(c.Data)
			case c.DataAtom != atom.Script && c.DataAtom != atom.Style:
				walk(c)
			}
		}
	}
	walk(root)
	return sb.String()
}

func withoutSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) {
			return -1
		}
		return r
	}, s)
}

// isSubsequence reports whether sub's runes appear in of in order.
func isSubsequence(sub, of []rune) bool {
	i := 0
	for _, r := range of {
		if i < len(sub) && sub[i] == r {
			i++
		}
	}
	return i == len(sub)
}

// TestExtractNewsPagePatterns reads pages written with the markup of a
// wire service, a site with name pop-ups and a fact-checker.
func TestExtractNewsPagePatterns(t *testing.T) {
	tests := []struct {
		name, file string
		want       Page
		gone, kept []string
	}{
		{
			name: "a wire story drops its also-on and share blocks and keeps no byline that repeats the site",
			file: "wire-service.html",
			want: Page{Title: "Port authority delays vote on harbour dredging", Site: "RT", Published: "2019-11-20", Modified: "2019-11-21"},
			gone: []string{"Also on rt.com", "Dockworkers walk out", "Like this story", "cookies", "All rights reserved", "Ferry fares rise"},
			kept: []string{"postponed a vote", "independent survey of the seabed", "take part in the consultation."},
		},
		{
			name: "name pop-ups leave only the name, and the title loses the site",
			file: "name-popups.html",
			want: Page{Title: "Governor signs bill to shorten the school holidays", Byline: "Dana Whitlow", Site: "TheHill", Published: "2020-03-10"},
			gone: []string{"Maren Elise Holt", "defends school calendar", "MORE", "Sign up", "Related News", "Capitol Hill Publishing"},
			kept: []string{"North Dakota Gov. Maren Holt (R) signed a bill", "State Sen. Owen Brandt (D), who voted against"},
		},
		{
			name: "a fact check names the writer, not the claimant, and says what it rates",
			file: "fact-check.html",
			want: Page{
				Title: "Were the reservoir photos staged?", Byline: "Mara Kellen", Site: "POLYGRAPH.info", Published: "2019-11-20",
				Rates: "Photos of the empty reservoir were staged by activists", Rating: "False", Reviewer: "POLYGRAPH.info",
			},
			gone: []string{"Subscribe", "RFE/RL", "Print", "####"},
			kept: []string{"Claim: The regional water ministry: Photos", "What the images show", "Why the water is low"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			p, err := Extract(string(src), "https://news.example.com/a/1", readIn)
			if err != nil {
				t.Fatal(err)
			}
			got := p
			got.Doc = tt.want.Doc
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("metadata:\n got %+v\nwant %+v", got, tt.want)
			}
			for _, s := range tt.gone {
				if strings.Contains(p.Doc.Text, s) {
					t.Errorf("text keeps %q", s)
				}
			}
			for _, s := range tt.kept {
				if !strings.Contains(p.Doc.Text, s) {
					t.Errorf("text lost %q", s)
				}
			}
		})
	}
}

func TestExtractKeepsHeadingLevels(t *testing.T) {
	src, err := os.ReadFile("testdata/fact-check.html")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Extract(string(src), "", readIn)
	if err != nil {
		t.Fatal(err)
	}
	levels := map[string]int{}
	for _, b := range p.Doc.Blocks {
		if b.Kind == doc.Heading {
			levels[b.In(p.Doc.Text)] = b.Level
		}
	}
	want := map[string]int{"What the images show": 2, "The ministry's account": 3, "Why the water is low": 4}
	if !reflect.DeepEqual(levels, want) {
		t.Errorf("headings = %v, want %v", levels, want)
	}
}

func TestExtractKeepsParagraphsReadabilityMakes(t *testing.T) {
	words := func(who, end string) string {
		return strings.Repeat(who+" went to the harbour to see the survey boats leave. ", 3) + end
	}
	// Readability wraps the loose text beside the inner <div> in <p>s.
	src := `<html><body><article class="story"><div>` + words("The mayor", "First ends.") +
		`<div>` + words("The council", "Second ends.") + `</div>` + words("The fishermen", "Third ends.") + `</div></article></body></html>`
	p, err := Extract(src, "", readIn)
	if err != nil {
		t.Fatal(err)
	}
	for _, joint := range []string{"First ends.\nThe council", "Second ends.\nThe fishermen"} {
		if !strings.Contains(p.Doc.Text, joint) {
			t.Errorf("paragraphs do not part at %q:\n%s", joint, p.Doc.Text)
		}
	}
}

func TestExtractComposesTheText(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"a letter and a combining accent become the one letter", "Cafe\u0301 owners met on Monday.", "Caf\u00e9 owners met on Monday."},
		{"a precomposed letter NFC leaves out is written as its base and sign", "\u0995\u09be\u09df\u09c7\u09b8 \u09ac\u09b2\u09c7\u09a8\u0964", "\u0995\u09be\u09af\u09bc\u09c7\u09b8 \u09ac\u09b2\u09c7\u09a8\u0964"},
		{"composed text is kept as it is", "Caf\u00e9 owners met on Monday.", "Caf\u00e9 owners met on Monday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract("<html><body><p>"+tt.body+"</p></body></html>", "", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if p.Doc.Text != tt.want {
				t.Errorf("text = %+q, want %+q", p.Doc.Text, tt.want)
			}
		})
	}
}
