package htmlpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDensestFindsTheParagraphs(t *testing.T) {
	para := "<p>" + strings.Repeat("The survey of the seabed starts in spring. ", 5) + "</p>"
	links := "<p>" + strings.Repeat(`<a href="/x">A headline from elsewhere on the site</a> `, 10) + "</p>"
	tests := []struct {
		name, page, want string
	}{
		{"the element with the most paragraph text wins", `<div id="teaser">` + para + `</div><div id="story">` + para + para + `</div>`, "story"},
		{"link text does not count", `<div id="links">` + links + links + `</div><div id="story">` + para + `</div>`, "story"},
		{"furniture does not count", `<div class="related-stories">` + para + para + `</div><div id="story">` + para + `</div>`, "story"},
	}
	f, err := loadFurniture()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if n := densest(root, f); n == nil || attr(n, "id") != tt.want {
				t.Errorf("densest = %v, want #%s", n, tt.want)
			}
		})
	}
}
