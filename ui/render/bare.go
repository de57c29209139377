package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

// BareLinks returns the spans of the http and https addresses written
// out in text[s.Start:s.End], in order: a plain-text article marks up no
// link, and its "see https://example.org/report." is one a reader wants
// to copy or open. An address ends at white space or a quotation mark,
// and loses the punctuation that ends its sentence and a closing bracket
// it did not open.
func BareLinks(text string, s span.Span) []span.Span {
	var out []span.Span
	for off := s.Start; off < s.End; {
		i := strings.Index(text[off:s.End], "http")
		if i < 0 {
			break
		}
		start := off + i
		end := addressEnd(text, start, s.End)
		if end > start && startsWord(text, start) && hasHost(text[start:end]) {
			out = append(out, span.Span{Start: start, End: end})
			off = end
			continue
		}
		off = start + len("http")
	}
	return out
}

// addressEnd is where an address starting at start ends, before limit.
func addressEnd(text string, start, limit int) int {
	end := start
	for end < limit {
		r, size := utf8.DecodeRuneInString(text[end:limit])
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("\"<>“”‘’«»", r) {
			break
		}
		end += size
	}
	for end > start {
		last := text[end-1]
		switch {
		case strings.IndexByte(".,;:!?'", last) >= 0:
		case last == ')' && strings.Count(text[start:end], "(") < strings.Count(text[start:end], ")"):
		case last == ']' && strings.Count(text[start:end], "[") < strings.Count(text[start:end], "]"):
		default:
			return end
		}
		end--
	}
	return end
}

// startsWord reports whether an address at start begins a word: not the
// "http" inside "xhttp://".
func startsWord(text string, start int) bool {
	if start == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// hasHost reports whether u is http:// or https:// and a host.
func hasHost(u string) bool {
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(u, scheme); ok {
			return rest != "" && rest[0] != '/'
		}
	}
	return false
}
