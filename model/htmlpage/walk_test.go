package htmlpage

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/margin-reader/margin/model/doc"
)

func TestWalkFurnitureKinds(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []doc.BlockKind
	}{
		{"makes a figure caption a caption",
			`<p>The pier reopened after a winter of repairs paid for by the harbour trust.</p><figure><img src="p.jpg"><figcaption>The pier at dawn</figcaption></figure>`,
			[]doc.BlockKind{doc.Paragraph, doc.Caption}},
		{"makes an element named as a credit a caption",
			`<div class="media-credit">Lena Park for the Gazette</div><p>The pier reopened after a winter of repairs paid for by the harbour trust.</p>`,
			[]doc.BlockKind{doc.Caption, doc.Paragraph}},
		{"makes a byline element a byline",
			`<div class="byline">Words by Omar Haddad</div><p>The pier reopened.</p>`,
			[]doc.BlockKind{doc.Byline, doc.Paragraph}},
		{"keeps a rel=author link inside its line",
			`<p>Written by <a rel="author" href="/o">Omar Haddad</a> on Monday</p>`,
			[]doc.BlockKind{doc.Paragraph}},
		{"keeps a long author box as text",
			`<div class="author-bio">` + strings.Repeat("Omar Haddad has covered the coast for the paper since the floods. ", 3) + `</div>`,
			[]doc.BlockKind{doc.Paragraph}},
		{"keeps a gallery's captions, which are its text, paragraphs",
			`<figure><figcaption>The pier at dawn</figcaption></figure><figure><figcaption>The pier at noon</figcaption></figure><p>Pier.</p>`,
			[]doc.BlockKind{doc.Paragraph, doc.Paragraph, doc.Paragraph}},
		{"keeps a list inside a caption a caption",
			`<figcaption><ul><li>Left: the old pier</li></ul></figcaption><p>The pier reopened after a winter of repairs paid for by the harbour trust.</p>`,
			[]doc.BlockKind{doc.Caption, doc.Paragraph}},
	}
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<div>" + tt.in + "</div>"))
			if err != nil {
				t.Fatal(err)
			}
			w := walker{captions: f.captions}
			w.node(root)
			d := w.finish()
			var got []doc.BlockKind
			for _, b := range d.Blocks {
				got = append(got, b.Kind)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("kinds = %v, want %v (text %q)", got, tt.want, d.Text)
			}
		})
	}
}

func TestWalkTableAlignment(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"reads align attributes, the header's or the body's",
			`<table><tr><th>Ward</th><th align="right">Homes</th></tr><tr><td>North</td><td>1,200</td></tr></table>`, "-r"},
		{"reads a text-align style",
			`<table><tr><td>North</td><td style="color: red; text-align: center">4.1 m</td></tr></table>`, "-c"},
		{"gives no alignment to a table that sets none",
			`<table><tr><td>North</td><td>4.1 m</td></tr></table>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<div>" + tt.in + "</div>"))
			if err != nil {
				t.Fatal(err)
			}
			var w walker
			w.node(root)
			d := w.finish()
			for _, b := range d.Blocks {
				if b.Kind == doc.TableRow && b.Align != tt.want {
					t.Errorf("row %q: align %q, want %q", b.In(d.Text), b.Align, tt.want)
				}
			}
		})
	}
}

// TestExtractKeepsTableAlignmentThroughReadability: readability drops
// align and style attributes from the article it finds; the columns'
// alignment still reaches the rows.
func TestExtractKeepsTableAlignmentThroughReadability(t *testing.T) {
	page := `<html><head><title>Election results by ward</title></head><body><article><h1>Election results by ward</h1>
<p>The returning officer said turnout was 41 percent, down from 47 percent at the last election, and that three wards needed recounts.</p>
<table><thead><tr><th>Ward</th><th align="right">Votes</th><th style="text-align:right">Turnout</th></tr></thead>
<tbody><tr><td>North</td><td align="right">1,204</td><td style="text-align: right" class="pct">38%</td></tr><tr><td>Harbour</td><td align="right">987</td><td style="text-align: right">44%</td></tr></tbody></table>
<p>The council will publish the full count on Friday, a spokesperson said, after the recounts in the three wards are done.</p></article></body></html>`
	p, err := Extract(page, "https://news.example.com/results", readIn)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, b := range p.Doc.Blocks {
		if b.Kind == doc.TableRow {
			rows++
			if b.Align != "-rr" {
				t.Errorf("row %q: align %q, want %q", b.In(p.Doc.Text), b.Align, "-rr")
			}
		}
	}
	if rows != 3 {
		t.Errorf("%d table rows, want 3:\n%s", rows, p.Doc.Text)
	}
}

func TestWalkTablePadding(t *testing.T) {
	wide := "<tr>" + strings.Repeat("<td>c</td>", maxTableCells/2) + "</tr>"
	tests := []struct {
		name, rows string
		kinds      []doc.BlockKind
		bytes      int
	}{
		{"pads a short row to the table's width", "<tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr>",
			[]doc.BlockKind{doc.TableRow, doc.TableRow}, len("a\tb\tc\nd\t\t")},
		{"reads a table too big to pad as paragraphs of its rows", wide + "<tr><td>d</td></tr><tr><td>e</td></tr>",
			[]doc.BlockKind{doc.Paragraph, doc.Paragraph, doc.Paragraph}, maxTableCells + len("\nd\ne") - 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<table>" + tt.rows + "</table>"))
			if err != nil {
				t.Fatal(err)
			}
			var w walker
			w.node(root)
			d := w.finish()
			var got []doc.BlockKind
			for _, b := range d.Blocks {
				got = append(got, b.Kind)
			}
			if !slices.Equal(got, tt.kinds) || len(d.Text) != tt.bytes {
				t.Errorf("kinds = %v, %d bytes; want %v, %d bytes", got, len(d.Text), tt.kinds, tt.bytes)
			}
		})
	}
}

func TestWalkLinksTheAddressesWrittenOut(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // each "words → URL"
	}{
		{"links an address written out in a paragraph",
			`<p>The report is at https://example.org/flood/report.pdf.</p>`,
			[]string{"https://example.org/flood/report.pdf → https://example.org/flood/report.pdf"}},
		{"keeps a link's own destination for an address inside it",
			`<p>See <a href="https://example.org/a">https://example.org/b</a> now.</p>`,
			[]string{"https://example.org/b → https://example.org/a"}},
		{"links an address in emphasis and a www address beside a link",
			`<p><em>https://example.org/e</em> and <a href="/x">the page</a> at www.example.org</p>`,
			[]string{"https://example.org/e → https://example.org/e", "the page → https://news.example/x", "www.example.org → http://www.example.org"}},
		{"leaves an address in code as code",
			`<p>Run <code>curl https://example.org/api</code> to see.</p>`,
			nil},
		{"leaves an address run on from a word across a tag",
			`<p>see<b>https://example.org/x</b></p>`,
			nil},
		{"links an email address in a table cell",
			`<table><tr><td>desk@example.org</td></tr></table>`,
			[]string{"desk@example.org → mailto:desk@example.org"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<div>" + tt.in + "</div>"))
			if err != nil {
				t.Fatal(err)
			}
			base, err := url.Parse("https://news.example/story")
			if err != nil {
				t.Fatal(err)
			}
			w := walker{base: base}
			w.node(root)
			d := w.finish()
			var got []string
			for _, in := range d.Inlines {
				if in.Kind == doc.Link {
					got = append(got, in.In(d.Text)+" → "+in.URL)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("links = %q, want %q (text %q)", got, tt.want, d.Text)
			}
		})
	}
}
