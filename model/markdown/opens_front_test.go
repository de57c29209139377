package markdown

import "testing"

func TestOpensWithFront(t *testing.T) {
	tests := []struct {
		name, head string
		want       bool
	}{
		{"closed front matter", "---\ntitle: Flood walls\n---\n\nText.", true},
		{"front matter the head cuts short", "---\ntitle: Flood walls\nsource: x", true},
		{"a comment line inside", "---\n# saved by margin\ntitle: A\n---\n", true},
		{"a thematic break and prose", "---\nThe council voted on Monday.\n", false},
		{"CRLF line ends", "---\r\ntitle: Flood walls\r\n---\r\n\r\nText.", true},
		{"a byte order mark first", "\ufeff---\ntitle: Flood walls\n---\n\nText.", true},
		{"no rule at the start", "title: A\n---\n", false},
		{"prose", "The council voted.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OpensWithFront(tt.head); got != tt.want {
				t.Errorf("OpensWithFront(%q) = %v, want %v", tt.head, got, tt.want)
			}
		})
	}
}
