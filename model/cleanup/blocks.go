package cleanup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
)

// splitBlocks groups the lines of text into blocks: paragraphs separated by
// blank lines (a hard-wrapped paragraph's lines are joined), list items,
// and "#"-style or underlined headings. Widget lines are dropped.
func splitBlocks(text string, widgets boilerplate) []block {
	var (
		out   []block
		lines []string
	)
	flush := func() {
		if len(lines) > 0 {
			t := joinLines(lines)
			kind := doc.Paragraph
			if doc.IsCredit(t) {
				kind = doc.Caption
			}
			out = append(out, block{kind: kind, text: t, words: countWords(t)})
			lines = lines[:0]
		}
	}
	for len(text) > 0 {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = tidyLine(line)
		switch {
		case line == "":
			flush()
		case widgets.is(line):
			continue
		case isUnderline(line) && len(lines) == 1:
			out = append(out, block{kind: doc.Heading, level: underlineLevel(line), text: lines[0]})
			lines = lines[:0]
		default:
			if h, ok := hashHeading(line); ok {
				flush()
				out = append(out, h)
				continue
			}
			if marker, rest, ok := listItem(line); ok {
				flush()
				out = append(out, block{kind: doc.ListItem, marker: marker, text: rest})
				continue
			}
			if n := len(out); len(lines) == 0 && n > 0 && out[n-1].kind == doc.ListItem && continuesItem(line) {
				out[n-1].text = joinLines([]string{out[n-1].text, strings.TrimSpace(line)})
				continue
			}
			lines = append(lines, line)
		}
	}
	flush()
	return out
}

// tidyLine folds runs of spaces and tabs into one space, trims the line and
// drops control characters, which are never part of what a person reads. A
// no-break space standing alone is kept; one beside other spaces is folded
// with them.
func tidyLine(line string) string {
	if isTidy(line) {
		return strings.TrimSpace(line)
	}
	var b strings.Builder
	b.Grow(len(line))
	var run []rune
	for _, r := range line {
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0':
			run = append(run, r)
			continue
		case unicode.IsControl(r):
			continue
		}
		if len(run) > 0 && b.Len() > 0 {
			if len(run) == 1 && run[0] == '\u00a0' {
				b.WriteRune('\u00a0')
			} else {
				b.WriteByte(' ')
			}
		}
		run = run[:0]
		b.WriteRune(r)
	}
	return b.String()
}

// isTidy reports whether line has nothing for tidyLine to fold or drop
// but its edges: no control bytes, tabs, double spaces or bytes that may
// start a C1 control or a no-break space.
func isTidy(line string) bool {
	if strings.Contains(line, "  ") {
		return false
	}
	for i := 0; i < len(line); i++ {
		if c := line[i]; c < 0x20 || c == 0x7f || c == 0xc2 {
			return false
		}
	}
	return true
}

// joinLines joins the lines of one hard-wrapped paragraph, mending words
// hyphenated across a line end ("infor-" + "mation").
func joinLines(lines []string) string {
	if len(lines) == 1 {
		return lines[0]
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			if hyphenatedBreak(prev, l) {
				s := b.String()
				b.Reset()
				b.WriteString(s[:len(s)-1])
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// hyphenatedBreak reports whether prev ends in a word cut by a hyphen that
// next continues: a letter before the hyphen and a lower-case letter after.
func hyphenatedBreak(prev, next string) bool {
	if len(prev) < 2 || prev[len(prev)-1] != '-' {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	after, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(before) && unicode.IsLower(after)
}

// countWords counts the words of s, up to enough to tell a title or a
// heading from a sentence: the decisions made with the count never need
// more, and counting on through a long paragraph would cost time.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s) && n <= maxTitleWords; i++ {
		space := s[i] == ' '
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// isUnderline reports whether line is a setext underline ("====", "----").
func isUnderline(line string) bool {
	if len(line) < 3 {
		return false
	}
	c := line[0]
	return (c == '=' || c == '-') && strings.Count(line, string(c)) == len(line)
}

func underlineLevel(line string) int {
	if line[0] == '=' {
		return 1
	}
	return 2
}

// hashHeading recognises "# Heading" lines, which plain-text articles
// borrow from markdown.
func hashHeading(line string) (block, bool) {
	level := 0
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level >= len(line) || line[level] != ' ' {
		return block{}, false
	}
	text := strings.TrimSpace(strings.TrimRight(line[level:], "#"))
	if text == "" {
		return block{}, false
	}
	return block{kind: doc.Heading, level: level, text: text}, true
}

// listItem recognises a bulleted or numbered list item and returns its
// marker and text.
func listItem(line string) (marker, rest string, ok bool) {
	for _, bullet := range []string{"- ", "* ", "• ", "– ", "· "} {
		if strings.HasPrefix(line, bullet) {
			return "•", strings.TrimSpace(line[len(bullet):]), true
		}
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' ' {
		return line[:i] + ".", strings.TrimSpace(line[i+2:]), true
	}
	return "", "", false
}

// continuesItem reports whether a line directly under a list item carries
// on its text rather than starting a paragraph: it starts in lower case.
func continuesItem(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r)
}
