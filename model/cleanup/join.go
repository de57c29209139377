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

// joiner re-joins paragraphs that a scraper split mid-sentence and marks
// short standalone unpunctuated lines as headings, a block at a time: a
// block is final once the block after it has arrived, since only that one
// can carry its sentence on or show it to be a heading.
type joiner struct {
	ends map[string]bool
	// out holds the blocks joined so far that are not yet taken; the last
	// is still open to joins.
	out []block
	// run holds the pieces of the paragraph being mended; meanwhile the
	// paragraph's own text is its last piece, where the next join is
	// decided. Joining the pieces once keeps a long mend linear.
	run []string
}

// add takes the next block.
func (j *joiner) add(b block) {
	n := len(j.out)
	if n > 0 && b.kind == doc.Paragraph && j.out[n-1].kind == doc.Paragraph && continues(j.out[n-1], b, j.ends) {
		if len(j.run) == 0 {
			j.run = append(j.run, j.out[n-1].text)
		}
		j.run = append(j.run, b.text)
		j.out[n-1].text = b.text
		j.out[n-1].words = min(j.out[n-1].words+b.words, maxTitleWords+1)
		return
	}
	j.flush()
	j.out = append(j.out, b)
}

// flush joins the pieces of the paragraph being mended.
func (j *joiner) flush() {
	if len(j.run) > 1 {
		j.out[len(j.out)-1].text = strings.Join(j.run, " ")
	}
	j.run = j.run[:0]
}

// take returns the blocks that are final, headings marked: all but the
// last, or all of them once the text has ended.
func (j *joiner) take(ended bool) []block {
	if ended {
		j.flush()
	}
	n := len(j.out)
	if !ended {
		n = max(n-1, 0)
	}
	for i := range n {
		if isHeadingLine(j.out, i) {
			j.out[i].kind, j.out[i].level = doc.Heading, 2
		}
	}
	final := j.out[:n:n]
	j.out = j.out[n:]
	return final
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
// few short words, no closing punctuation, and a paragraph after it.
func isHeadingLine(blocks []block, i int) bool {
	b := blocks[i]
	return b.kind == doc.Paragraph && headingShaped(b.text, b.words) && i+1 < len(blocks) && blocks[i+1].kind == doc.Paragraph
}

// headingShaped reports a line of words words that a heading could be: a
// few short words and no closing punctuation.
func headingShaped(text string, words int) bool {
	return words <= maxHeadingWords && len(text) <= maxHeadlineBytes && !endsSentence(text) &&
		!strings.HasSuffix(text, ",") && !strings.HasSuffix(text, "，") && !strings.HasSuffix(text, "、")
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
	s = strings.TrimRight(s, "\"'”’»)]*_」』）】》")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', ':', ';',
		// The full-width marks Chinese and Japanese close sentences with.
		'。', '！', '？', '：', '；', '．':
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
