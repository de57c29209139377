package markdown

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// OpensWithFront reports whether head, the start of a text, opens with
// front matter as Parse reads it: whole in head, or begun there with no
// line yet that rules it out. A byte order mark before it is skipped, as
// the decoder drops it.
func OpensWithFront(head string) bool {
	head = strings.TrimPrefix(head, "\ufeff")
	front, _, ok := frontEnd(head, false)
	return front != nil || !ok && strings.HasPrefix(head, "---")
}

// frontEnd reads the front matter at the start of src and returns it and
// its length (nil and 0 if there is none). Unless src is final, it may
// not be able to tell yet: ok is false until src holds the line that
// ends the front matter or shows there is none. Only a block made of
// simple "key: value" lines counts, so a document that merely opens with
// a thematic break keeps its text.
func frontEnd(src string, final bool) (front Front, n int, ok bool) {
	first, rest, found := strings.Cut(src, "\n")
	if !found && !final {
		return nil, 0, false
	}
	if !found || strings.TrimRight(first, lineEnd) != "---" {
		return nil, 0, true
	}
	front = Front{}
	for rest != "" {
		var line string
		line, rest, found = strings.Cut(rest, "\n")
		if !found && !final {
			return nil, 0, false
		}
		trimmed := strings.TrimRight(line, lineEnd)
		if trimmed == "---" || trimmed == "..." {
			return front, len(src) - len(rest), true
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' || strings.HasPrefix(line, "- ") {
			// Nested YAML (lists, maps) is allowed but not read.
			continue
		}
		key, value, ok := strings.Cut(trimmed, ":")
		if !ok || !isKey(key) || (value != "" && value[0] != ' ' && value[0] != '\t') {
			return nil, 0, true
		}
		front[key] = yamlScalar(strings.TrimSpace(value))
	}
	return nil, 0, final
}

// lineEnd is what may trail a line of front matter: blanks, and the
// carriage return of a file written with CRLF line ends.
const lineEnd = " \t\r"

func isKey(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c == '_' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// yamlScalar reads a one-line YAML scalar: double-quoted with escapes,
// single-quoted (a quote doubled inside), or plain with an optional comment.
func yamlScalar(v string) string {
	switch {
	case len(v) >= 2 && v[0] == '"' && strings.LastIndexByte(v, '"') > 0:
		return unquoteDouble(v[1:strings.LastIndexByte(v, '"')])
	case len(v) >= 2 && v[0] == '\'' && strings.LastIndexByte(v, '\'') > 0:
		return strings.ReplaceAll(v[1:strings.LastIndexByte(v, '\'')], "''", "'")
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

func unquoteDouble(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			sb.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			sb.WriteByte('\n')
		case 't':
			sb.WriteByte('\t')
		case 'r':
			sb.WriteByte('\r')
		case '0':
			// A NUL has no place in a title or a date.
		case 'x', 'u', 'U':
			n := hexDigits(e)
			if i+1+n <= len(s) {
				if r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32); err == nil && utf8.ValidRune(rune(r)) {
					sb.WriteRune(rune(r))
					i += n
					continue
				}
			}
			sb.WriteByte('\\')
			sb.WriteByte(e)
		default:
			sb.WriteByte(e)
		}
	}
	return sb.String()
}

// hexDigits is how many hex digits follow a \x, \u or \U escape.
func hexDigits(e byte) int {
	switch e {
	case 'x':
		return 2
	case 'u':
		return 4
	}
	return 8
}
