package markdown

import (
	"fmt"
	"strings"
)

// The parser margin uses (goldmark) takes time or memory that grows faster
// than the input for a few shapes of markdown; measured on this machine
// with goldmark v1.8.7 (the smallest input that hurts, and how it grows
// when doubled):
//
//   - mixed emphasis delimiters in one paragraph ("*_a" repeated): 79 KB
//     takes 15 s, about 15x per doubling;
//   - unclosed link destinations ("[a](" repeated): 80 KB takes 12 s, 4-6x;
//   - block quotes nested on one line (">" repeated): 40 KB takes 4 s, 4x;
//   - list items nested on one line ("- " repeated): 40 KB takes 6 s, 4x;
//   - a wide table: 2,000 columns and as many rows (17 KB) take 10 s, since
//     every row is padded to the header's width;
//   - lists nested by indentation: 80 KB (about 200 levels) takes 0.26 s,
//     12x per doubling.
//
// CheckLimits finds these shapes in one linear pass, so that a file that
// has them is read as plain text instead of freezing margin. The bounds are
// far above what articles use.
const (
	// MaxNesting is how many block quote and list markers may open a line.
	MaxNesting = 64
	// MaxListIndent is how far (in columns) a list item may be indented.
	MaxListIndent = 256
	// MaxInlineDelimiters is how many runs of *, _, ~, [, ], <, ( and `
	// one paragraph, list item, heading or table row may hold.
	MaxInlineDelimiters = 1000
	// MaxTableColumns is how many columns a table's delimiter row may have.
	MaxTableColumns = 128
)

// LimitError says which bound a markdown source passes, and where.
type LimitError struct {
	Line   int // 1-based
	What   string
	Amount int
	Bound  int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("line %d: %s %d (more than %d), which the markdown parser handles in more than linear time", e.Line, e.What, e.Amount, e.Bound)
}

// CheckLimits returns a *LimitError if src passes one of the bounds above,
// and nil otherwise. The contents of fenced code blocks are not parsed as
// markdown, and are not counted.
func CheckLimits(src string) error {
	var s limitScan
	for lineNo := 1; len(src) > 0; lineNo++ {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		if err := s.line(line); err != nil {
			err.Line = lineNo
			return err
		}
	}
	return nil
}

// limitScan is the state of CheckLimits between lines.
type limitScan struct {
	fence      string // the open code fence ("```", "~~~~"), or ""
	delimiters int    // delimiter runs in the current inline block
}

func (s *limitScan) line(line string) *LimitError {
	indent, rest := indentation(line)
	if s.fence != "" {
		if indent < 4 && strings.HasPrefix(strings.TrimRight(rest, " \t"), s.fence) {
			s.fence = ""
		}
		return nil
	}
	nesting, listIndent, content := containers(line)
	switch {
	case nesting > MaxNesting:
		return &LimitError{What: "block quotes and list items nested", Amount: nesting, Bound: MaxNesting}
	case listIndent > MaxListIndent:
		return &LimitError{What: "a list item indented by columns", Amount: listIndent, Bound: MaxListIndent}
	}
	if f := fenceOpening(content); f != "" {
		s.fence, s.delimiters = f, 0
		return nil
	}
	if nesting > 0 || startsBlock(content) {
		s.delimiters = 0
	}
	if n := tableColumns(content); n > MaxTableColumns {
		return &LimitError{What: "a table with columns", Amount: n, Bound: MaxTableColumns}
	}
	s.delimiters += delimiterRuns(content)
	if s.delimiters > MaxInlineDelimiters {
		return &LimitError{What: "emphasis, link and code delimiters in one paragraph", Amount: s.delimiters, Bound: MaxInlineDelimiters}
	}
	return nil
}

// indentation returns the column width of line's leading spaces and tabs
// (a tab reaching the next multiple of 4) and the rest of the line.
func indentation(line string) (int, string) {
	col, i := 0, 0
	for ; i < len(line); i++ {
		switch line[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, line[i:]
		}
	}
	return col, ""
}

// containers counts the block quote and list markers that open line, and
// returns the indentation of the innermost list marker and the content
// after the markers.
func containers(line string) (nesting, listIndent int, content string) {
	col := 0
	for {
		w, rest := indentation(line)
		col += w
		switch n := listMarker(rest); {
		case strings.HasPrefix(rest, ">"):
			nesting++
			col++
			line = rest[1:]
		case n > 0:
			nesting++
			listIndent = col
			col += n
			line = rest[n:]
		default:
			return nesting, listIndent, rest
		}
	}
}

// listMarker returns the length of the list marker ("-", "*", "+", "1.",
// "1)") and the space after it that starts s, or 0.
func listMarker(s string) int {
	n := 0
	switch {
	case s == "":
		return 0
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && (s[n] == ' ' || s[n] == '\t') {
		return n + 1
	}
	return 0
}

// fenceOpening returns the fence a code block opens with ("```" or "~~~",
// at least three), or "".
func fenceOpening(content string) string {
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(content) && content[n] == c {
			n++
		}
		if n >= 3 {
			return content[:n]
		}
	}
	return ""
}

// startsBlock reports whether content begins a new inline block on its
// own line: a blank line, a heading or a table row.
func startsBlock(content string) bool {
	return strings.TrimSpace(content) == "" || content[0] == '#' || content[0] == '|'
}

// tableColumns returns how many columns content has if it is a table's
// delimiter row (cells of dashes with optional colons), or 0.
func tableColumns(content string) int {
	row := strings.TrimSpace(content)
	if !strings.Contains(row, "-") || strings.Trim(row, "|:- \t") != "" {
		return 0
	}
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	if !strings.Contains(row, "|") {
		return 0 // a thematic break or a setext underline, not a table
	}
	return strings.Count(row, "|") + 1
}

// delimiterChars are the bytes that open or close inline markup.
const delimiterChars = "*_~[]<(`"

// delimiterRuns counts the runs of inline delimiter characters in s. A
// character after a backslash is text, no delimiter: Format escapes the
// brackets of a text of many, and "\]" a thousand times over passed the
// bound its source "]]]…", one run, did not, so the page it saved read
// back as plain text, backslashes and all.
func delimiterRuns(s string) int {
	n := 0
	for {
		i := strings.IndexAny(s, delimiterChars+"\\")
		if i < 0 {
			return n
		}
		if s[i] == '\\' {
			s = s[min(i+2, len(s)):]
			continue
		}
		n++
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		s = s[j:]
	}
}
