package markdown

import (
	"fmt"
	"strings"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/mojibake"
)

// Progressive parses a markdown source a group of top-level blocks at a
// time, as the source comes (NewStream, Add) or given whole
// (NewProgressive), so that the start of a long document can be shown
// while the rest is read and parsed, and the parser never holds more
// than one group. The result is the same Doc however the source is cut
// into pieces and steps, built by appending: the text only grows, so
// every span made over an earlier Doc stays valid.
//
// Groups are cut only where no block can go on: at a line that follows a
// blank line outside fenced code and multi-line HTML blocks, starts at
// the margin and is not a list item (which could continue a loose list).
// The stretch between two such lines, a unit, is also what the parser's
// limits (CheckLimits) are checked on: a unit that passes one is read as
// plain text, with a warning, and the rest stays markdown. Link
// reference definitions may be used by links anywhere in the source, so
// at the first group that holds a "[" Progressive asks whether the source
// may hold any, and if so parses the rest in one step once it has come
// (the groups before have no link for a definition to change).
type Progressive struct {
	in    *doc.Source
	whole bool // parse the rest in one step
	// refs says whether the source may hold link reference definitions;
	// nil once asked.
	refs func() bool
	// front is the front matter, read before the first group.
	front     Front
	frontRead bool
	// lines is how many lines are taken, for the warnings' line numbers.
	lines    int
	warnings []string
	hungry   bool
	out      doc.Appender
	doc      doc.Doc // the document so far
}

// NewProgressive prepares src for parsing in steps and returns its front
// matter, which is read at once.
func NewProgressive(src string) (*Progressive, Front) {
	// The source is normalised once, as a stream's is: the front matter
	// is read off the normalised source.
	p := NewStream(func() bool { return strings.Contains(src, "]:") })
	p.Add(src, true)
	p.readFront()
	return p, p.front
}

// NewStream prepares to parse a source that comes in pieces, by Add;
// refs says whether it may hold link reference definitions (whether it
// holds "]:"), asked at most once.
func NewStream(refs func() bool) *Progressive {
	return &Progressive{in: doc.NewSource(normalize, mojibake.Tail), refs: refs}
}

// Add appends the next piece of the source; final says it is the last.
func (p *Progressive) Add(src string, final bool) { p.in.Add(src, final) }

// Grow makes room for n more bytes of the document's text, about what
// the rest of the source will take, so it is never copied as it grows.
func (p *Progressive) Grow(n int) { p.out.Grow(n) }

// Hungry reports whether the last Next parsed nothing because the source
// added so far ends before the next place where it may cut.
func (p *Progressive) Hungry() bool { return p.hungry }

// Front returns the front matter, once the first step has read it.
func (p *Progressive) Front() (Front, bool) { return p.front, p.frontRead }

// Warnings says which units were read as plain text, and why.
func (p *Progressive) Warnings() []string { return p.warnings }

// Next parses the next group of blocks: about step bytes of source, more
// when no cut comes sooner. It returns the document so far and whether
// the whole source is parsed.
func (p *Progressive) Next(step int) (doc.Doc, bool) {
	step = max(step, 1)
	final := p.in.Final()
	if p.hungry = !final && (p.whole || p.in.Available() <= step); p.hungry {
		return p.doc, false
	}
	if !p.frontRead && !p.readFront() {
		p.hungry = true
		return p.doc, false
	}
	rest := p.in.Rest()
	end := len(rest)
	if !p.whole && (step < end || !final) {
		if end = cutAfter(rest, step, final); end < 0 {
			p.hungry = true
			return p.doc, false
		}
	}
	if p.refs != nil && strings.IndexByte(rest[:end], '[') >= 0 {
		if p.whole, p.refs = p.refs(), nil; p.whole {
			if !final {
				p.hungry = true
				return p.doc, false
			}
			end = len(rest)
		}
	}
	p.parse(rest[:end])
	return p.doc, final && p.in.Available() == 0
}

// readFront takes the front matter off the source, once enough of it has
// come to tell where it ends.
func (p *Progressive) readFront() bool {
	front, n, ok := frontEnd(p.in.Rest(), p.in.Final())
	if !ok {
		return false
	}
	p.front, p.frontRead = front, true
	p.in.Take(n)
	return true
}

// parse parses group, the source up to a cut, unit by unit where a unit
// passes the parser's limits.
func (p *Progressive) parse(group string) {
	for group != "" {
		bad, next, err := firstBadUnit(group)
		if err == nil {
			p.add(parseBody(group), group)
			return
		}
		unit := group[bad:next]
		first := p.lines + strings.Count(group[:bad], "\n") + 1
		last := first + strings.Count(strings.TrimSuffix(unit, "\n"), "\n")
		err.Line += p.lines
		if bad > 0 {
			p.add(parseBody(group[:bad]), group[:bad])
		}
		lines := fmt.Sprintf("lines %d-%d are", first, last)
		if first == last {
			lines = fmt.Sprintf("line %d is", first)
		}
		p.warnings = append(p.warnings, fmt.Sprintf("%s read as plain text: %v", lines, err))
		p.add(plainUnit(unit), unit)
		group = group[next:]
	}
}

// add appends d, parsed from src, to the document and takes src.
func (p *Progressive) add(d doc.Doc, src string) {
	p.lines += strings.Count(src, "\n")
	p.in.Take(len(src))
	doc.MarkFurniture(d, len(p.doc.Blocks))
	if p.doc.Text == "" && len(p.doc.Blocks) == 0 && p.in.Final() && p.in.Available() == 0 {
		p.doc = d // parsed in one step: the parse is the result, uncopied
		return
	}
	p.out.Append(d)
	p.doc = p.out.Doc()
}

// firstBadUnit returns where the first unit of group that passes one of
// the parser's limits starts and ends, and the limit (its line counted
// from group's start); len(group) twice and nil if no unit does.
func firstBadUnit(group string) (start, end int, err *LimitError) {
	var cuts cutScan
	var limits limitScan
	unit, lineNo := 0, 0
	for off := 0; off < len(group); lineNo++ {
		line := group[off:]
		next := len(group)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], off+i+1
		}
		if off > unit && cuts.canCut(line) {
			if err != nil {
				return unit, off, err
			}
			unit, limits = off, limitScan{}
		}
		cuts.see(line)
		if err == nil {
			if err = limits.line(line); err != nil {
				err.Line = lineNo + 1
			}
		}
		off = next
	}
	if err != nil {
		return unit, len(group), err
	}
	return len(group), len(group), nil
}

// plainUnit reads a unit of source as plain text: a paragraph for each
// run of lines between blank lines, its lines joined.
func plainUnit(src string) doc.Doc {
	var b doc.Builder
	b.Grow(len(src))
	for _, para := range strings.Split(src, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.StartBlock(doc.Block{Kind: doc.Paragraph})
			b.Write(para)
			b.EndBlock()
		}
	}
	return b.Doc()
}

// Parsed returns how many bytes of the source (front matter aside) are
// parsed, and how many are added.
func (p *Progressive) Parsed() (done, total int) {
	return p.in.Taken(), p.in.Taken() + p.in.Available()
}

// cutAfter returns the offset of the first line at or after step where a
// group of blocks may end; len(src) if there is none and src is final,
// -1 if src is not final and ends before such a line is whole.
func cutAfter(src string, step int, final bool) int {
	end := nextCut(src, 0, step)
	if final {
		return end
	}
	if end == len(src) || strings.IndexByte(src[end:], '\n') < 0 {
		return -1
	}
	return end
}

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
	s.blank = isBlank(line)
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
	return len(rest)-len(run) >= len(fence) && isBlank(run)
}

// isBlank reports whether line is blank as goldmark reads it: spaces and
// tabs only. A vertical tab or form feed, white space to Go, is text to
// goldmark, so a cut after such a line split a paragraph in two.
func isBlank(line string) bool {
	return strings.Trim(line, " \t") == ""
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
