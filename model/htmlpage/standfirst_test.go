package htmlpage

import (
	"strings"
	"testing"
)

func TestStandfirst(t *testing.T) {
	story := "<p>" + strings.Repeat("The council met on Tuesday to vote on the new budget for the harbour. ", 20) + "</p>"
	lead := "Councillors say the harbour cannot wait another winter for its repairs."
	tests := []struct {
		name, page string
		want       bool
	}{
		{
			"a description shown under the headline opens the article",
			`<html><head><meta name="description" content="` + lead + `"></head><body><header><h1>Harbour budget</h1><p class="dek">` + lead + `</p></header><div class="share">Share</div><article>` + story + `</article></body></html>`,
			true,
		},
		{
			"a description the page never shows is not article text",
			`<html><head><meta name="description" content="` + lead + `"></head><body><h1>Harbour budget</h1><article>` + story + `</article></body></html>`,
			false,
		},
		{
			"a short description is a label",
			`<html><head><meta name="description" content="Harbour news"></head><body><h1>Harbour budget</h1><p>Harbour news</p><article>` + story + `</article></body></html>`,
			false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract(tt.page, "https://example.org/news/harbour", readIn)
			if err != nil {
				t.Fatal(err)
			}
			first := page.Doc.Text[page.Doc.Blocks[0].Span.Start:page.Doc.Blocks[0].Span.End]
			if got := first == lead || first == "Harbour news"; got != tt.want {
				t.Errorf("first block %q: standfirst %v, want %v", first, got, tt.want)
			}
		})
	}
}

func TestStandfirstIsNotRepeated(t *testing.T) {
	lead := "Councillors say the harbour cannot wait another winter for its repairs."
	story := "<p>" + lead + "</p><p>" + strings.Repeat("The council met on Tuesday to vote on the new budget. ", 20) + "</p>"
	page, err := Extract(`<html><head><meta name="description" content="`+lead+`"></head><body><article>`+story+`</article></body></html>`, "", readIn)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(page.Doc.Text, lead); n != 1 {
		t.Errorf("the lead shows %d times in %q", n, page.Doc.Text)
	}
}

func TestStandfirstCutShort(t *testing.T) {
	story := "<article>" + strings.Repeat("<p>The council met on Tuesday to vote on the new budget for the harbour.</p>", 20) + "</article>"
	lead := "Councillors say the harbour cannot wait another winter for its repairs, and the budget pays for them."
	short := `Councillors say the harbour cannot wait another winter for its...`
	tests := []struct {
		name, description, shown, want string
	}{
		{"a description cut short with dots is the paragraph it begins", short, `<p class="dek">` + lead + `</p>`, lead},
		{"an ellipsis character cuts it short too", strings.TrimSuffix(short, "...") + "\u2026", `<p class="dek">` + lead + `</p>`, lead},
		{"a date run into the paragraph after its last sentence is left out",
			short, `<h2 class="deck">` + lead + `<span class="date">Monday, 6 January 2020</span></h2>`, lead},
		{"a description cut short that no paragraph begins opens nothing",
			short, `<p class="dek">The harbour board says repairs can wait.</p>`, "The council met on Tuesday to vote on the new budget for the harbour."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract(`<html><head><meta name="description" content="`+tt.description+`"></head><body><header><h1>Harbour budget</h1>`+tt.shown+`</header>`+story+`</body></html>`, "", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if first := page.Doc.Text[page.Doc.Blocks[0].Start:page.Doc.Blocks[0].End]; first != tt.want {
				t.Errorf("first block %q, want %q", first, tt.want)
			}
		})
	}
}
