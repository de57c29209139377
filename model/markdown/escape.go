package markdown

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/mojibake"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/weblink"
)

// span writes the text of s with the marks that lie inside it.
func (f *formatter) span(s span.Span, ctx int) {
	text := f.d.Text
	for f.next < len(f.inlines) && f.inlines[f.next].Start < s.Start {
		f.next++
	}
	var stack []mark
	// lastClose is the delimiter just written to close a mark, if
	// nothing has been written since.
	var lastClose byte
	pos := s.Start
	for pos < s.End {
		for f.next < len(f.inlines) && f.inlines[f.next].Start == pos {
			m := f.inlines[f.next]
			f.next++
			if m.End > s.End || m.Empty() {
				continue
			}
			if m.Kind == doc.InlineCode {
				f.codeSpan(text[m.Start:m.End], ctx)
				ctx &^= atLineStart
				pos = m.End
				for f.next < len(f.inlines) && f.inlines[f.next].Start < pos {
					f.next++
				}
				break
			}
			if m.Kind == doc.Link && isAutolink(text[m.Start:m.End], m.URL) && !f.marksWithin(m) {
				f.sb.WriteString("<" + m.URL + ">")
				ctx &^= atLineStart
				pos = m.End
				break
			}
			open := openMark(m)
			if m.pad&padBefore != 0 {
				f.sb.WriteString("<!-- -->")
			} else if lastClose != 0 && open[0] == lastClose {
				// "*a**b*" would read as one run of delimiters; an empty
				// comment between them is read as nothing.
				f.sb.WriteString("<!-- -->")
			}
			f.sb.WriteString(open)
			lastClose = 0
			if ctx&atLineStart != 0 && m.Kind == doc.Link {
				ctx |= afterBracket
			}
			ctx &^= atLineStart
			stack = append(stack, m)
		}
		stop := s.End
		if f.next < len(f.inlines) && f.inlines[f.next].Start < stop {
			stop = f.inlines[f.next].Start
		}
		if n := len(stack); n > 0 && stack[n-1].End < stop {
			stop = stack[n-1].End
		}
		if stop > pos {
			c := ctx
			if slices.ContainsFunc(stack, func(m mark) bool { return m.Kind == doc.Link }) {
				c |= inLink
			}
			if n := len(stack); n > 0 && delimiter(stack[n-1].Kind) != '[' {
				if stack[n-1].Start == pos {
					c |= afterDelim
				}
				if stack[n-1].End == stop {
					c |= beforeDelim
				}
			}
			escapeRange(f.sb, text, pos, stop, s.End, c, f.leads)
			ctx &^= atLineStart | afterBracket
			lastClose = 0
			pos = stop
		}
		for n := len(stack); n > 0 && stack[n-1].End <= pos; n = len(stack) {
			closing := closeMark(stack[n-1])
			f.sb.WriteString(closing)
			lastClose = closing[len(closing)-1]
			if stack[n-1].pad&padAfter != 0 {
				f.sb.WriteString("<!-- -->")
				lastClose = 0
			}
			stack = stack[:n-1]
		}
	}
	for n := len(stack); n > 0; n = len(stack) {
		f.sb.WriteString(closeMark(stack[n-1]))
		stack = stack[:n-1]
	}
}

// autolinkRE is what CommonMark reads between angle brackets as a link,
// compiled when a link is first written rather than at every start-up.
var autolinkRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*$`)
})

// isAutolink reports whether a link can be written as <url>: its text is
// its target.
func isAutolink(label, url string) bool {
	return label == url && autolinkRE().MatchString(url)
}

// marksWithin reports whether any mark still to be written lies inside m.
func (f *formatter) marksWithin(m mark) bool {
	return f.next < len(f.inlines) && f.inlines[f.next].Start < m.End
}

func openMark(m mark) string {
	switch {
	case m.Kind == doc.Emphasis && m.under:
		return "_"
	case m.Kind == doc.Strong && m.under:
		return "__"
	}
	switch m.Kind {
	case doc.Emphasis:
		return "*"
	case doc.Strong:
		return "**"
	case doc.Strike:
		return "~~"
	case doc.Link:
		return "["
	}
	return ""
}

func closeMark(m mark) string {
	if m.Kind == doc.Link {
		return "](" + destination(m.URL) + ")"
	}
	return openMark(m)
}

// destination writes a link target so that markdown reads it back
// unchanged: punctuation that escapes or ends it is backslash-escaped, and
// targets with spaces go between angle brackets.
func destination(url string) string {
	var sb strings.Builder
	angle := url == "" || strings.ContainsAny(url, " \t")
	if angle {
		sb.WriteByte('<')
	}
	for i := 0; i < len(url); i++ {
		c := url[i]
		switch {
		case c == '\n' || c == '\r':
			sb.WriteString("%0A")
		case c == '\\' || c == '&' || c == '(' || c == ')' || c == '<' || c == '>':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		default:
			sb.WriteByte(c)
		}
	}
	if angle {
		sb.WriteByte('>')
	}
	return sb.String()
}

// codeSpan writes inline code with a fence of backticks longer than any
// run inside it.
func (f *formatter) codeSpan(code string, ctx int) {
	longest, run := 0, 0
	for i := 0; i < len(code); i++ {
		if code[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := code[0] == '`' || code[len(code)-1] == '`' ||
		(code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "")
	if ctx&inTable != 0 {
		code = strings.ReplaceAll(code, "|", `\|`)
	}
	if out := f.sb.String(); strings.HasSuffix(out, "`") && !strings.HasSuffix(out, "\\`") {
		// A code span right after another would join its fence into one
		// longer run; an empty comment between them is read as nothing.
		f.sb.WriteString("<!-- -->")
	}
	f.sb.WriteString(fence)
	if pad {
		f.sb.WriteByte(' ')
	}
	f.sb.WriteString(code)
	if pad {
		f.sb.WriteByte(' ')
	}
	f.sb.WriteString(fence)
}

// escapeText escapes s as text on its own, for a code block's language.
func escapeText(s string, ctx int) string {
	var sb strings.Builder
	escapeRange(&sb, s, 0, len(s), len(s), ctx, mojibake.Leads(s))
	return sb.String()
}

// escapeRange writes text[from:to] so that markdown reads it back as the
// same plain text. end is where the enclosing block or cell ends, where
// trailing whitespace would be dropped; leads are where text holds
// mojibake that Parse would mend (mojibake.Leads), left in the text by a
// character reference or a tag between its characters.
func escapeRange(sb *strings.Builder, text string, from, to, end, ctx int, leads []int) {
	var kept []int
	if ctx&inInfo == 0 {
		kept = keptGaps(text, from, to)
	}
	for i := from; i < to; i++ {
		if len(kept) > 0 && i == kept[0] {
			// Read in one text node with the word after it, the gap
			// would be folded; an empty comment ends the node.
			sb.WriteString("<!-- -->")
			kept = kept[1:]
		}
		c := text[i]
		if len(leads) > 0 && isLead(leads, i) {
			// As a character reference the lead is read back, not mended.
			r, n := utf8.DecodeRuneInString(text[i:])
			sb.WriteString("&#" + strconv.Itoa(int(r)) + ";")
			i += n - 1
			continue
		}
		if i == from && ctx&afterBracket != 0 && (c == 'x' || c == 'X' || c == ' ') {
			// "[x](…" opening a list item would read as a task box.
			sb.WriteString("&#" + strconv.Itoa(int(c)) + ";")
			continue
		}
		if i == from && ctx&atLineStart != 0 {
			if n := escapeLineStart(sb, text, i, to, ctx); n > 0 {
				i += n - 1
				continue
			}
		}
		switch c {
		case '*', '_', '~':
			if i == from || i == to-1 {
				// Next to a mark an escaped delimiter can still join its
				// run; a character reference never does.
				sb.WriteString(delimEntity[c])
				continue
			}
			sb.WriteByte('\\')
		case '\\', '`', '[', ']', '<':
			sb.WriteByte('\\')
		case '!':
			if i == to-1 {
				// A link may follow; "![" would make it an image.
				sb.WriteByte('\\')
			}
		case '|':
			if ctx&inTable != 0 {
				sb.WriteByte('\\')
			}
		case '#':
			if ctx&inHeading != 0 {
				sb.WriteByte('\\')
			}
		case '&':
			if i+1 < len(text) && (text[i+1] == '#' || isAlnum(text[i+1])) {
				sb.WriteByte('\\')
			}
		case ':':
			if ctx&inLink == 0 && hasSuffixWord(text[:i], "http", "https", "ftp") {
				sb.WriteByte('\\')
			}
		case '.':
			if ctx&inLink == 0 && hasSuffixWord(text[:i], "www") {
				sb.WriteByte('\\')
			}
		case '@':
			if ctx&inLink == 0 && i > 0 && weblink.InEmailName(text[i-1]) && i+1 < len(text) && isAlnum(text[i+1]) {
				sb.WriteByte('\\')
			}
		case ' ', '\t':
			// Emphasis may not start or end with a space; a character
			// reference is not one.
			if i == end-1 || (i == from && ctx&afterDelim != 0) || (i == to-1 && ctx&beforeDelim != 0) {
				sb.WriteString(entity(c))
				continue
			}
		}
		sb.WriteByte(c)
	}
}

// keptGaps returns where the runs of spaces in text[from:to] that the
// parser would fold to one (gaps) end: a gap the text holds was at a
// node's edge when it was read ("end.  <b></b>Next", the tag dropped),
// and written in one node with its words it would be read back folded.
func keptGaps(text string, from, to int) []int {
	var ends []int
	for i, n := range gaps(text[from:to]) {
		ends = append(ends, from+i+n)
	}
	return ends
}

// escapeLineStart handles the start of a line, where markdown reads
// headings, quotes, list markers and indentation. It returns how many
// bytes it wrote, 0 if none needed escaping.
func escapeLineStart(sb *strings.Builder, text string, i, to, ctx int) int {
	switch c := text[i]; {
	case c == ' ' || c == '\t':
		sb.WriteString(entity(c))
		return 1
	case ctx&inTable != 0:
		// A cell holds only inline text.
		return 0
	}
	switch c := text[i]; c {
	case '#', '>', '-', '+', '=':
		sb.WriteByte('\\')
		sb.WriteByte(c)
		return 1
	}
	j := i
	for j < to && j-i < 10 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j > i && j < to && (text[j] == '.' || text[j] == ')') {
		sb.WriteString(text[i:j])
		sb.WriteByte('\\')
		sb.WriteByte(text[j])
		return j + 1 - i
	}
	return 0
}

// isLead reports whether a mojibake sequence starts at i.
func isLead(leads []int, i int) bool {
	_, found := slices.BinarySearch(leads, i)
	return found
}

var delimEntity = map[byte]string{'*': "&#42;", '_': "&#95;", '~': "&#126;"}

func entity(c byte) string {
	if c == '\t' {
		return "&#9;"
	}
	return "&#32;"
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// hasSuffixWord reports whether s ends with one of the words; linkify
// would read them, with ':' or '.' after, as the start of a link.
func hasSuffixWord(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
