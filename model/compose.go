package model

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// composer writes a text that comes in pieces in Unicode's composed form
// (NFC), as htmlpage reads a web page: "é" written as e and an accent in
// a plain-text or markdown file is then the one character a typed quote,
// a search or a word list has. It holds back a piece's end from its last
// character that starts a segment (norm's BoundaryBefore), which an
// accent in the next piece may still compose with; each part is then
// composed as the whole text would be, however the file is cut, and what
// is given is never taken back.
type composer struct{ held string }

// compose returns the composed text of the pieces so far, past what it
// returned before; final says text is the last piece.
func (c *composer) compose(text string, final bool) string {
	s := c.held + text
	c.held = ""
	if !final {
		cut := lastSegment(s)
		s, c.held = s[:cut], s[cut:]
	}
	return norm.NFC.String(s)
}

// lastSegment is where the last segment of s starts: before its last
// character that nothing before it composes with, 0 if none does.
func lastSegment(s string) int {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if norm.NFC.PropertiesString(s[i:]).BoundaryBefore() {
			return i
		}
	}
	return 0
}
