package markdown

import (
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/weblink"
)

// plain writes raw markdown text, linking bare URLs ("https://…",
// "www.…") and email addresses the way GitHub does. Links are found in the
// raw text, so an escaped "http\://" or "a\@b" stays text. Inside other
// marks nothing is linked: the link's brackets would stand where the
// emphasis delimiters need letters. wordStart says whether raw begins a
// word.
func (w *walker) plain(raw string, wordStart bool) {
	if w.links > 0 || w.b.Marked() {
		w.text(unescape(raw))
		return
	}
	done := 0
	for l := range weblink.All(raw, wordStart, weblink.Markdown) {
		w.text(unescape(raw[done:l.Start]))
		label := raw[l.Start:l.End]
		w.b.Mark(doc.Link, l.URL, func() { w.text(label) })
		done = l.End
	}
	w.text(unescape(raw[done:]))
}
