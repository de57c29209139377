package htmlpage

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDropDisguised(t *testing.T) {
	tests := []struct {
		name, block, probe string
		dropped            bool
	}{
		{"drops advertising spelt with Cyrillic look-alikes", "<p>Аdvеrtіѕе wіth thе most visited news site ~ Wе оffеr flехіblе расkаgеѕ.</p>", "most visited", true},
		{"keeps Russian text that names brands in Latin letters", "<p>Компания Apple представила новый iPhone и обновила macOS для всех пользователей.</p>", "новый iPhone", false},
		{"keeps a word or two that joins a brand to a Cyrillic ending", "<p>Пользователи iPhoneов и Androidа спорят о том, чья система лучше.</p>", "чья система", false},
		{"keeps English text", "<p>The council met on Tuesday to vote on the harbour budget.</p>", "harbour budget", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<article>" + tt.block + "<p>The ferry runs at nine.</p></article>"))
			if err != nil {
				t.Fatal(err)
			}
			dropDisguised(root)
			text := textOf(root)
			if dropped := !strings.Contains(text, tt.probe); dropped != tt.dropped {
				t.Errorf("dropped = %v, want %v; text %q", dropped, tt.dropped, text)
			}
			if !strings.Contains(text, "ferry runs") {
				t.Errorf("the article's own block was dropped: %q", text)
			}
		})
	}
}
