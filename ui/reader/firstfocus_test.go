package reader

import (
	"context"
	"testing"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/theme"
)

func TestTheFirstFocusIsOnTheArticleNotItsFurniture(t *testing.T) {
	for _, tt := range []struct {
		name, file, text, want string
	}{
		{"a page whose text opens with its byline", "story.html", "<html><head><title>Harbour wall delayed</title></head><body><article>" +
			"<h1>Harbour wall delayed</h1><p>By Jane Doe</p><p>The council said the wall would be finished by spring. Engineers disagreed with the council.</p>" +
			"<p>The mayor visited the north mole on Tuesday and said the work would go on.</p></article></body></html>",
			"The council said the wall would be finished by spring."},
		{"a text whose headline comes first keeps it", "story.txt", "Harbour wall delayed\n\nBy Jane Doe\n\nThe council said the wall would be finished by spring.\n",
			"Harbour wall delayed"},
		{"nothing but a byline", "story.txt", "By Jane Doe\n", "By Jane Doe"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := model.Parse(context.Background(), tt.file, []byte(tt.text), model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			m := New(a, keys.Default(), theme.New(theme.NoColor), Options{})
			f, ok := m.Focus()
			if !ok || f.In(a.Text) != tt.want {
				t.Fatalf("first focus %q (%v), want %q; blocks %v", f.In(a.Text), ok, tt.want, a.Doc.Blocks)
			}
		})
	}
}
