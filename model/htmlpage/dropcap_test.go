package htmlpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestJoinDropCaps(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"puts a drop cap back on its word", `<p><span class="cap">T</span></p><p><a href="/t">urkey</a>, Poland and Saba were removed.</p>`, "Turkey, Poland and Saba were removed."},
		{"keeps a letter before a capitalised paragraph", `<p>A</p><p>Bridge closes.</p>`, "A Bridge closes."},
		{"keeps a word of one lower-case letter", `<p>x</p><p>marks the spot.</p>`, "x marks the spot."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<div>" + tt.in + "</div>"))
			if err != nil {
				t.Fatal(err)
			}
			joinDropCaps(root)
			w := walker{}
			w.node(root)
			if got := strings.ReplaceAll(w.b.Doc().Text, "\n", " "); got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
		})
	}
}
