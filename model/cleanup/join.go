package cleanup

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
)

//go:embed function_words.txt
var functionWordList string

// longRun is the word count from which a paragraph without closing
// punctuation is taken for a broken sentence rather than a heading.
const longRun = 14

// maxHeadingWords bounds a standalone line taken for a heading.
const maxHeadingWords = 12

// joinBroken re-joins paragraphs that a scraper split mid-sentence and
// marks short standalone unpunctuated lines as headings.
func joinBroken(blocks []block, ends map[string]bool) []block {
	out := blocks[:0]
	// run holds the pieces of the paragraph being mended; meanwhile the
	// paragraph's own text is its last piece, where the next join is
	// decided. Joining the pieces once keeps a long mend linear.
	var run []string
	flush := func() {
		if len(run) > 1 {
			out[len(out)-1].text = strings.Join(run, " ")
		}
		run = run[:0]
	}
	for _, b := range blocks {
		n := len(out)
		if n > 0 && b.kind == doc.Paragraph && out[n-1].kind == doc.Paragraph && continues(out[n-1], b, ends) {
			if len(run) == 0 {
				run = append(run, out[n-1].text)
			}
			run = append(run, b.text)
			out[n-1].text = b.text
			out[n-1].words = min(out[n-1].words+b.words, maxTitleWords+1)
			continue
		}
		flush()
		out = append(out, b)
	}
	flush()
	for i := range out {
		if isHeadingLine(out, i) {
			out[i].kind, out[i].level = doc.Heading, 2
		}
	}
	return out
}

// continues reports whether paragraph b carries on the sentence that
// paragraph a leaves unfinished.
func continues(a, b block, ends map[string]bool) bool {
	if endsSentence(a.text) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(b.text)
	switch {
	case unicode.IsLower(first):
		return true
	case ends[strings.ToLower(lastWord(a.text))]:
		return true
	default:
		return a.words >= longRun && (unicode.IsLetter(first) || unicode.IsDigit(first))
	}
}

// isHeadingLine reports whether paragraph i stands alone as a heading: a
// few words, no closing punctuation, and a paragraph after it.
func isHeadingLine(blocks []block, i int) bool {
	b := blocks[i]
	return b.kind == doc.Paragraph && b.words <= maxHeadingWords && !endsSentence(b.text) &&
		!strings.HasSuffix(b.text, ",") && i+1 < len(blocks) && blocks[i+1].kind == doc.Paragraph
}

// endsSentence reports whether s ends with sentence-closing punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	s = strings.TrimRight(s, "\"'”’»)]*_")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', ':', ';':
		return true
	}
	return false
}

func lastWord(s string) string {
	i := strings.LastIndexByte(s, ' ')
	return strings.TrimFunc(s[i+1:], func(r rune) bool { return !unicode.IsLetter(r) })
}

func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(list, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set
}
