package htmlpage

import (
	"strings"
	"testing"
)

func TestNoscriptArticles(t *testing.T) {
	story := strings.Repeat("The harbour board voted to close the eastern pier for repairs. ", 20)
	tests := []struct {
		name, page, want, notWant string
	}{
		{
			"an article given only inside noscript is read",
			`<html><body><script type="text/template"><p>` + story + `</p></script><noscript><div class="post"><p>` + story + `</p></div></noscript></body></html>`,
			"eastern pier", "",
		},
		{
			"a short noscript notice stays out of the article",
			`<html><body><div class="post"><p>` + story + `</p></div><noscript><p>Please enable JavaScript to view the comments.</p></noscript></body></html>`,
			"eastern pier", "enable JavaScript",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := Extract(tt.page, "https://example.org/news/pier", readIn)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(page.Doc.Text, tt.want) {
				t.Errorf("text lacks %q: %q", tt.want, page.Doc.Text)
			}
			if tt.notWant != "" && strings.Contains(page.Doc.Text, tt.notWant) {
				t.Errorf("text keeps %q: %q", tt.notWant, page.Doc.Text)
			}
		})
	}
}
