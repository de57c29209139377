package markdown

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/weblink"
)

// plain writes raw markdown text, linking bare URLs ("https://…",
// "www.…") and email addresses the way GitHub does. Links are found in the
// raw text, so an escaped "http\://" or "a\@b" stays text. Inside other
// marks nothing is linked: the link's brackets would stand where the
// emphasis delimiters need letters. wordStart says whether raw begins a
// word. The gap after a sentence is folded to one space (foldGaps).
func (w *walker) plain(raw string, wordStart bool) {
	if w.links > 0 || w.b.Marked() {
		w.text(foldGaps(unescape(raw)))
		return
	}
	done := 0
	for l := range weblink.All(raw, wordStart, weblink.Markdown) {
		w.text(foldGaps(unescape(raw[done:l.Start])))
		label := raw[l.Start:l.End]
		w.b.Mark(doc.Link, l.URL, func() { w.text(label) })
		done = l.End
	}
	w.text(foldGaps(unescape(raw[done:])))
}

// foldGaps writes the run of spaces typed after a sentence's end (two
// spaces, or ".&nbsp; " in a page saved as markdown) as one space: it is
// one gap to the reader, and kept it shows mid-line however the text is
// wrapped. Only a run between a sentence's closing mark (. or ?, past a
// closing quote or bracket) and a word (startsSentence) of the same text
// node is folded: a run at a node's edge may meet a code span's own
// spaces, or a delimiter that Format escapes into the node, and folding
// it would read a formatted article back differently. A lone no-break
// space is kept, as cleanup keeps it: it binds two words.
func foldGaps(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is written
	for i, n := range gaps(s) {
		if done == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[done:i])
		b.WriteByte(' ')
		done = i + n
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// gaps yields the start and length of each run of spaces in s, a text
// node, that foldGaps folds; Format keeps such a run, where the text
// holds one, by ending the node after it (keptGaps).
func gaps(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\u00a0") {
			return
		}
		for i := 0; i < len(s); {
			n := spaceRun(s[i:])
			if n == 0 {
				_, size := utf8.DecodeRuneInString(s[i:])
				i += size
				continue
			}
			if run := s[i : i+n]; run != " " && run != "\u00a0" && i > 0 && startsSentence(s[i+n:]) && endsSentence(s[:i]) && !yield(i, n) {
				return
			}
			i += n
		}
	}
}

// spaceRun returns the length of the run of spaces, tabs and no-break spaces at
// the start of s.
func spaceRun(s string) int {
	n := 0
	for n < len(s) {
		switch {
		case s[n] == ' ' || s[n] == '\t': // w.text writes a tab as a space
			n++
		case strings.HasPrefix(s[n:], "\u00a0"):
			n += len("\u00a0")
		default:
			return n
		}
	}
	return n
}

// startsSentence reports whether s starts with a letter, a digit or a
// curly opening quote: what starts a sentence and is never escaped by
// Format, which would join it to the node before.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '“' || r == '‘'
}

// endsSentence reports whether s ends with a full stop or a question
// mark, past any closing quotes and brackets. Not "!": goldmark cuts the
// text node after one (it may open an image) where Format's escaped "\\!"
// does not, so the same gap would sit at a node's edge in one reading
// and inside a node in the other.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?")
}
