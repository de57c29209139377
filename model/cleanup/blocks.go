package cleanup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
)

// longParagraph is the size from which the lines gathered into one
// paragraph are ended at a line break the joins would not mend: a text
// with single line breaks only would otherwise be one paragraph as long
// as the file, shown only once all of it is cleaned. On the developers'
// PolNeAR dev articles (1,839 blank-line blocks) no line is over 960
// bytes and 99.9% of blocks are under 3.3 KB; the one block over 4 KB is
// 22 one-line paragraphs run together.
const longParagraph = 4 << 10

// splitBlocks groups the lines of text into blocks: paragraphs separated by
// blank lines (a hard-wrapped paragraph's lines are joined), list items,
// and "#"-style or underlined headings. Widget lines are dropped.
func splitBlocks(text string, widgets boilerplate, ends map[string]bool) []block {
	s := splitter{widgets: widgets, ends: ends}
	for len(text) > 0 {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		s.add(tidyLine(line))
	}
	s.flush()
	return s.out
}

// splitter makes blocks of tidied lines, one line at a time.
type splitter struct {
	at      gathering
	widgets boilerplate
	ends    map[string]bool
	// lines are the lines of the paragraph being gathered.
	lines []string
	out   []block
}

// add takes the next tidied line.
func (s *splitter) add(line string) {
	role, b := s.at.role(line, s.widgets, s.ends)
	switch role {
	case blankLine, ruleLine:
		s.flush()
	case underlineLine:
		b.text = s.lines[0]
		s.out = append(s.out, b)
		s.lines = s.lines[:0]
	case headingLine, itemLine:
		s.flush()
		s.out = append(s.out, b)
	case itemTailLine:
		n := len(s.out)
		s.out[n-1].text = joinLines([]string{s.out[n-1].text, strings.TrimSpace(line)})
	case breakLine:
		s.flush()
		s.lines = append(s.lines, line)
	case textLine:
		s.lines = append(s.lines, line)
	}
	s.at.see(role, line)
}

// flush ends the paragraph being gathered.
func (s *splitter) flush() {
	if len(s.lines) == 0 {
		return
	}
	t := joinLines(s.lines)
	kind := doc.Paragraph
	if doc.IsCredit(t) {
		kind = doc.Caption
	}
	b := block{kind: kind, text: t, words: countWords(t)}
	if len(s.lines) > 1 {
		b.firstLine = len(s.lines[0])
	}
	s.out = append(s.out, b)
	s.lines = s.lines[:0]
}

// lineRole is what a tidied line does to the blocks being made.
type lineRole int

const (
	textLine      lineRole = iota // carries the paragraph on, or starts one
	blankLine                     // ends the paragraph
	widgetLine                    // is dropped
	underlineLine                 // makes the one line gathered a heading
	headingLine                   // is a "#" heading
	itemLine                      // is a list item
	itemTailLine                  // carries on the list item above it
	breakLine                     // starts a paragraph after a long one
	ruleLine                      // ends the paragraph and is dropped
)

// gathering is all that splitting lines into blocks keeps from the lines
// before the next one: which role a line takes depends on nothing else.
// Where the lines from a line on would give the same gathering split on
// their own, they give the same blocks (splitsAfresh).
type gathering struct {
	// lines and size count the lines of the paragraph gathered so far
	// and their bytes with their line breaks; last is the last of them.
	lines, size int
	last        string
	// item says the last block made is a list item, which the next line
	// may carry on.
	item bool
}

// role tells what line does, and returns the heading or list item it
// makes. Short of a blank line, a heading or a list item, a paragraph is
// ended before a line only once it is longParagraph bytes long, and only
// where the joins would not carry it on to the next paragraph: judged on
// its last line and this one alone, as for a paragraph of many words, so
// where a sentence ends, or where this line starts with neither a letter
// nor a digit and the last did not end on a function word.
func (g *gathering) role(line string, widgets boilerplate, ends map[string]bool) (lineRole, block) {
	switch {
	case line == "":
		return blankLine, block{}
	case widgets.is(line):
		return widgetLine, block{}
	case isUnderline(line) && g.lines == 1:
		return underlineLine, block{kind: doc.Heading, level: underlineLevel(line)}
	case isRule(line):
		return ruleLine, block{}
	}
	if h, ok := hashHeading(line); ok {
		return headingLine, h
	}
	if marker, rest, ok := listItem(line); ok {
		return itemLine, block{kind: doc.ListItem, marker: marker, text: rest}
	}
	if (g.lines == 0 || endsSentence(g.last)) && capitalsHeading(line) {
		return headingLine, block{kind: doc.Heading, level: 2, text: line}
	}
	switch {
	case g.lines == 0 && g.item && continuesItem(line):
		return itemTailLine, block{}
	case g.size >= longParagraph && !continues(block{text: g.last, words: longRun}, block{text: line}, ends):
		return breakLine, block{}
	}
	return textLine, block{}
}

// capitalsHeading reports a line in capitals only, of a few words and
// without closing punctuation ("THE BORROWING"): a section heading even
// where no blank line parts it from the paragraph it heads, which would
// otherwise take it for its first words.
func capitalsHeading(line string) bool {
	letters := 0
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2 && headingShaped(line, countWords(line))
}

// splitsAfresh reports whether the lines from one of the role given on,
// split on their own, give the blocks they give after the lines before:
// the gathering after it is the same either way. That holds before a
// breakLine, and where no paragraph is gathered unless a list item is
// open and the line is one that may carry it on or is dropped.
func (g *gathering) splitsAfresh(role lineRole) bool {
	switch {
	case role == breakLine:
		return true
	case g.lines > 0:
		return false
	case !g.item:
		return true
	}
	return role == textLine || role == headingLine || role == itemLine
}

// see moves on past a line of the role given.
func (g *gathering) see(role lineRole, line string) {
	switch role {
	case widgetLine, itemTailLine:
		return
	case textLine:
		g.lines, g.size, g.last, g.item = g.lines+1, g.size+len(line)+1, line, false
		return
	case blankLine:
		if g.lines == 0 {
			return // nothing gathered: the list item above stays open
		}
	}
	*g = gathering{item: role == itemLine}
	if role == breakLine {
		g.see(textLine, line)
	}
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

// ruleMarks are the marks a line drawn across the text is made of.
const ruleMarks = "-_*=~#—–·•"

// isRule reports whether line is a separator drawn between sections
// ("* * *", "----", "___", "# # #"): two marks or more from ruleMarks,
// spaced or not, and nothing else but the full stop some archives close
// every paragraph with ("___."). Like markdown's thematic break it only
// parts the paragraphs on either side; it is not words. On PolNeAR's 924
// train and dev texts 237 lines are rules (231 "___.", 3 "__.", "***",
// "~~~~~.", "—-"), each between two paragraphs.
func isRule(line string) bool {
	marks := 0
	for _, r := range strings.TrimSuffix(line, ".") {
		switch {
		case strings.ContainsRune(ruleMarks, r):
			marks++
		case r != ' ':
			return false
		}
	}
	return marks >= 2
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
