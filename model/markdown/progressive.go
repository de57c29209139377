package markdown

import (
	"strings"

	"github.com/margin-reader/margin/model/doc"
)

// Progressive parses a markdown source a group of top-level blocks at a
// time, so that the start of a long document can be shown while the rest
// is parsed, and the parser never holds more than one group. The result
// is the same Doc that Parse returns, built by appending: the text only
// grows, so every span made over an earlier Doc stays valid.
//
// Groups are cut only where no block can go on: at a line that follows a
// blank line outside fenced code and multi-line HTML blocks, starts at
// the margin and is not a list item (which could continue a loose list).
// A source with link reference definitions, which links anywhere in it
// may use, is parsed in one step.
type Progressive struct {
	body  string
	pos   int  // how much of body is parsed
	whole bool // parse everything in one step
	out   doc.Appender
	doc   doc.Doc // the document so far
}

// NewProgressive prepares src for parsing in steps and returns its front
// matter, which is read at once.
func NewProgressive(src string) (*Progressive, Front) {
	front, body := splitFront(normalize(src))
	return &Progressive{body: body, whole: strings.Contains(body, "]:")}, front
}

// Next parses the next group of blocks: about step bytes of source, more
// when no cut comes sooner. It returns the document so far and whether
// the whole source is parsed.
func (p *Progressive) Next(step int) (doc.Doc, bool) {
	end := len(p.body)
	if !p.whole && step < end-p.pos {
		end = nextCut(p.body, p.pos, max(step, 1))
	}
	switch {
	case p.pos == 0 && end == len(p.body):
		// Parsed in one step: the parse is the result, uncopied.
		p.doc = parseBody(p.body)
	case end > p.pos:
		p.out.Append(parseBody(p.body[p.pos:end]))
		p.doc = p.out.Doc()
	}
	p.pos = end
	return p.doc, p.pos == len(p.body)
}

// Parsed returns how many bytes of the source (front matter aside) are
// parsed, and how many there are.
func (p *Progressive) Parsed() (done, total int) { return p.pos, len(p.body) }

// nextCut returns the offset of the first line at or after from+step
// where a group of blocks may end, or len(body). from must itself be such
// a place (or 0), so that no fence or HTML block is open there.
func nextCut(body string, from, step int) int {
	var s cutScan
	for off := from; off < len(body); {
		line := body[off:]
		next := len(body)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], off+i+1
		}
		if off-from >= step && off > from && s.canCut(line) {
			return off
		}
		s.see(line)
		off = next
	}
	return len(body)
}

// cutScan is what nextCut knows of the lines before the current one.
type cutScan struct {
	blank   bool   // the line before was blank
	fence   string // the open code fence, or ""
	htmlEnd string // what ends the open multi-line HTML block, or ""
}

// canCut reports whether a group may start at line.
func (s *cutScan) canCut(line string) bool {
	if !s.blank || s.fence != "" || s.htmlEnd != "" || line == "" {
		return false
	}
	switch line[0] {
	case ' ', '\t', '-', '+', '*':
		return false
	}
	return listMarker(line) == 0
}

// see takes line into account for the lines after it.
func (s *cutScan) see(line string) {
	s.blank = strings.TrimSpace(line) == ""
	indent, rest := indentation(line)
	switch {
	case s.fence != "":
		if indent < 4 && closesFence(rest, s.fence) {
			s.fence = ""
		}
	case s.htmlEnd != "":
		if containsFold(line, s.htmlEnd) {
			s.htmlEnd = ""
		}
	case indent < 4:
		if f := fenceOpening(rest); f != "" {
			s.fence = f
		} else if end := htmlBlockEnd(rest); end != "" && !containsFold(rest[1:], end) {
			s.htmlEnd = end
		}
	}
}

// closesFence reports whether rest closes a code block opened by fence:
// a run of the same character at least as long, and nothing else.
func closesFence(rest, fence string) bool {
	run := strings.TrimLeft(rest, fence[:1])
	return len(rest)-len(run) >= len(fence) && strings.TrimSpace(run) == ""
}

// htmlBlockEnd returns what ends the HTML block that rest opens, for the
// kinds of HTML block that may hold blank lines (CommonMark types 1 to
// 5), or "".
func htmlBlockEnd(rest string) string {
	if !strings.HasPrefix(rest, "<") {
		return ""
	}
	lower := strings.ToLower(rest[:min(len(rest), 12)])
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if after, ok := strings.CutPrefix(lower, "<"+tag); ok && (after == "" || strings.ContainsAny(after[:1], " \t>")) {
			return "</" + tag + ">"
		}
	}
	switch {
	case strings.HasPrefix(lower, "<!--"):
		return "-->"
	case strings.HasPrefix(lower, "<?"):
		return "?>"
	case strings.HasPrefix(lower, "<![cdata["):
		return "]]>"
	case len(lower) > 2 && lower[1] == '!' && lower[2] >= 'a' && lower[2] <= 'z':
		return ">"
	}
	return ""
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), sub)
}
