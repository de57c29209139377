// Package htmlpage reduces a saved web page to its article: readability
// finds the article, and its HTML becomes a doc.Doc with the same blocks
// and marks a markdown article gets.
package htmlpage

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/markdown"
	"github.com/margin-reader/margin/model/mojibake"
	"github.com/margin-reader/margin/model/weblink"
)

// ErrNoArticle is returned for a page in which no article text was found.
var ErrNoArticle = errors.New("no article found in the page")

// Page is the article found in a web page.
type Page struct {
	Doc                 doc.Doc
	Title, Byline, Site string
	// Published and Modified are dates, 2006-01-02, as the page gives them.
	Published, Modified string
	// A fact-check page's ClaimReview markup: the claim it rates, its
	// rating and who reviewed it.
	Rates, Rating, Reviewer string
	// Cut says where and why a page past margin's bounds was cut short,
	// "" when it was read whole.
	Cut string
}

// Extract finds the article in an HTML page. pageURL, which may be empty,
// resolves relative links. now is when the page is read: a date written
// with a two-digit year past the next is not read as one ("3.4.56").
// A page past margin's bounds is read up to where it passes them, and
// Page.Cut says so.
func Extract(src string, pageURL string, now time.Time) (Page, error) {
	var base *url.URL
	if pageURL != "" {
		u, err := url.Parse(pageURL)
		if err != nil {
			return Page{}, fmt.Errorf("page address %q: %w", pageURL, err)
		}
		base = u
	}
	src = composed(src)
	root, cut, err := parseBounded(src)
	if err != nil {
		return Page{}, err
	}
	meta := readMeta(root, base, now.Year())
	if meta.claimant != "" {
		// Readability takes the first byline-like element for the byline
		// and cuts it from the text; on a fact-check page that is the
		// claimant in the claim box. Naming the author keeps it.
		addAuthorMeta(root, first(meta.byline(meta.site), meta.reviewer, meta.claimant))
	}
	furn, err := loadFurniture()
	if err != nil {
		return Page{}, err
	}
	d, art := furn.find(src, root, base, meta)
	if len(meta.body) > otherOverReadability*len(d.Text) {
		d = bodyDoc(meta.body)
	}
	d = withStandfirst(d, meta.standfirst)
	if len(d.Blocks) == 0 {
		return Page{}, ErrNoArticle
	}
	p := meta.page(d, art)
	p.Cut = cut
	return p, nil
}

// composed is the page as valid UTF-8 in Unicode's composed form (NFC),
// the form the web's guidelines ask for, so that the same words compare
// equal whichever way a page's bytes spell them: "é" as e and an accent,
// or Bengali's য় as the one letter U+09DF, which NFC writes as য and its
// dot. Its mojibake is mended too, before the page is parsed, so that
// every span is laid over the mended text: the page is decoded in its
// charset (model/decode), and what mojibake is left was in its bytes.
func composed(src string) string {
	if !utf8.ValidString(src) {
		src = strings.ToValidUTF8(src, "\uFFFD")
	}
	return mojibake.Repair(norm.NFC.String(src))
}

// find is the article's text: readability's, or a second opinion when
// readability finds little, or much less than the page's densest
// paragraphs hold.
func (f *furniture) find(src string, root *html.Node, base *url.URL, meta pageMeta) (doc.Doc, readability.Article) {
	// Measured before readability rewrites the tree: all the densest
	// element's text, an upper bound on what its article would hold.
	dense := 0
	if n := densest(root, f); n != nil {
		dense = len(oneLine(textOf(n)))
	}
	markAlign(root)
	parser := readability.NewParser()
	// Classes name the language of code blocks, and furniture, and carry
	// table cells' alignment (markAlign).
	parser.KeepClasses = true
	var d doc.Doc
	art, err := parser.ParseAndMutate(root, base)
	h := meta.header(art)
	if err == nil && art.Node != nil {
		d = f.article(art.Node, base, h)
	}
	over := float64(otherOverReadability)
	if len(d.Text) >= shortArticle {
		over = denserOverReadability
	}
	if float64(dense) <= over*float64(len(d.Text)) {
		return d, art
	}
	// Readability has rewritten the tree: the second opinion reads the
	// page afresh.
	again, _, err := parseBounded(src)
	if err != nil {
		return d, art
	}
	if n := densest(again, f); n != nil {
		if other := f.article(n, base, h); float64(len(other.Text)) > over*float64(len(d.Text)) {
			d = other
		}
	}
	return d, art
}

// page puts the markup's metadata first and readability's guesses
// second.
func (m pageMeta) page(d doc.Doc, art readability.Article) Page {
	title, site := cleanTitle(first(m.title, oneLine(art.Title())), first(m.site, oneLine(art.SiteName())), m.host, m.thisYear)
	p := Page{
		Doc: d, Title: m.shown(title, site), Site: site,
		Byline:    m.byline(site, art.Byline()),
		Published: m.published, Modified: m.modified,
		Rates: m.rates, Rating: m.rating, Reviewer: m.reviewer,
	}
	if t, err := art.PublishedTime(); err == nil && p.Published == "" {
		p.Published = t.Format(time.DateOnly)
	}
	if t, err := art.ModifiedTime(); err == nil && p.Modified == "" {
		p.Modified = t.Format(time.DateOnly)
	}
	return p
}

// addAuthorMeta adds <meta name="author"> to the page's <head>.
func addAuthorMeta(root *html.Node, author string) {
	var head *html.Node
	visit(root, func(n *html.Node) {
		if n.DataAtom == atom.Head && head == nil {
			head = n
		}
	})
	if head == nil {
		return
	}
	head.AppendChild(&html.Node{Type: html.ElementNode, Data: "meta", DataAtom: atom.Meta, Attr: []html.Attribute{
		{Key: "name", Val: "author"}, {Key: "content", Val: author},
	}})
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shortArticle is the article text, in bytes, below which readability
// is asked for a second opinion: the element with the most paragraph
// text.
const shortArticle = 1000

// otherOverReadability is how much longer than readability's article a
// second opinion (the densest paragraphs, the JSON-LD articleBody) must
// be to be read instead: readability then took a teaser or a side block
// for the article.
const otherOverReadability = 2

// denserOverReadability is how much longer than an article readability
// found (of shortArticle bytes or more) the densest paragraphs' text must
// be to be read instead: readability then took a side block, a list of
// signatories say, for the letter they signed.
const denserOverReadability = 1.5

// header is the title and byline as the page's header will show them.
type header struct {
	title, byline string
	thisYear      int // the year the page is read in (dateIn)
}

func (m pageMeta) header(art readability.Article) header {
	site := first(m.site, oneLine(art.SiteName()))
	title, _ := cleanTitle(first(m.title, oneLine(art.Title())), site, m.host, m.thisYear)
	return header{title: m.shown(title, site), byline: m.byline(site, art.Byline()), thisYear: m.thisYear}
}

// article is the text of an article element, its furniture pruned,
// lines that only repeat the header's title and byline among it.
func (f *furniture) article(n *html.Node, base *url.URL, h header) doc.Doc {
	setAtoms(n)
	f.prune(n)
	dropDisguised(n)
	dropTitle(n, h.title)
	dropBylines(n, h.byline, h.thisYear)
	f.dropEdges(n)
	joinDropCaps(n)
	w := walker{base: base, captions: f.captions}
	w.node(n)
	d := f.trimEdges(w.finish())
	doc.MarkFurniture(d, 0)
	return d
}

// setAtoms gives the elements readability made or renamed (a <p> around
// loose text, a <div> that was a <p>) the atom of their new name, which
// it leaves unset or stale, so that they are read as what they are: a
// made <p> without its atom reads as inline text, run into its
// neighbours.
func setAtoms(n *html.Node) {
	if n.Type == html.ElementNode {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		setAtoms(c)
	}
}

// bodyDoc is a JSON-LD articleBody as paragraphs, one a line, with the
// addresses written out in it as links.
func bodyDoc(body string) doc.Doc {
	var b doc.Builder
	for line := range strings.SplitSeq(body, "\n") {
		if words := strings.Fields(line); len(words) > 0 {
			b.StartBlock(doc.Block{Kind: doc.Paragraph})
			weblink.Write(&b, strings.Join(words, " "), true)
			b.EndBlock()
		}
	}
	return b.Doc()
}

// Front is the page's metadata as saved markdown's front matter, empty
// values left out.
func (p Page) Front() markdown.Front {
	front := markdown.Front{
		"title": p.Title, "byline": p.Byline, "site": p.Site,
		"published": p.Published, "modified": p.Modified,
		"rates": p.Rates, "rating": p.Rating, "reviewer": p.Reviewer,
		"cut": p.Cut,
	}
	for k, v := range front {
		if v == "" {
			delete(front, k)
		}
	}
	return front
}
