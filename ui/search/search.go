// Package search finds a query in an article's text, ignoring case and
// the difference between straight and curly quotes, and holds the matches
// and the one the reader is on.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model/span"
)

// All returns the non-overlapping spans of text equal to query when case
// is ignored and any quotation mark matches any other of its kind, in
// order. A text is searched as the reading pane draws it: a space of the
// query matches a run of spaces, and a soft hyphen inside a match is
// passed over.
func All(text, query string) []span.Span {
	query = foldSpaces(query)
	if query == "" {
		return nil
	}
	if isPlainASCII(query) {
		return allASCII(text, query)
	}
	return allFold(text, query)
}

// isPlainASCII reports whether s is ASCII without a quotation mark, which
// may stand for a curly one in the text: news writes "Beijing’s" and
// “disinformation”, and a reader types ' and ".
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\'' || s[i] == '"' {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func allASCII(text, query string) []span.Span {
	q := []byte(query)
	for i := range q {
		q[i] = lower(q[i])
	}
	var out []span.Span
	n := len(q)
	first := q[0]
	for i := 0; i+n <= len(text); i++ {
		if lower(text[i]) != first {
			continue
		}
		if end, ok := matchASCII(text, i+1, q[1:], q[0]); ok {
			out = append(out, span.Span{Start: i, End: end})
			i = end - 1
		}
	}
	return out
}

// matchASCII reports whether text from k on matches q, folded to lower
// case, and where the match ends; prev is the query byte before q.
func matchASCII(text string, k int, q []byte, prev byte) (int, bool) {
	for j := 0; j < len(q); {
		if k >= len(text) {
			return 0, false
		}
		if c := text[k]; lower(c) == q[j] {
			prev = q[j]
			j++
			k++
			continue
		} else if c != ' ' && c != softHyphen[0] {
			return 0, false
		}
		n := drawnAsNothing(text[k:], rune(prev))
		if n == 0 {
			return 0, false
		}
		k += n
	}
	return k, true
}

// softHyphen is drawn only where a line breaks at it.
const softHyphen = string(sanitize.SoftHyphen)

// drawnAsNothing returns the length of what s starts with that is not
// drawn after prev, the query's character before: a soft hyphen, or a
// space after a space (the reader draws a run of spaces as one); 0 if
// none.
func drawnAsNothing(s string, prev rune) int {
	switch {
	case strings.HasPrefix(s, softHyphen):
		return len(softHyphen)
	case prev == ' ' && s[0] == ' ':
		return 1
	}
	return 0
}

// foldSpaces returns query with each run of spaces written as one, as
// the text's are drawn.
func foldSpaces(query string) string {
	for strings.Contains(query, "  ") {
		query = strings.ReplaceAll(query, "  ", " ")
	}
	return query
}

// allFold matches rune by rune under Unicode simple case folding, so a
// match's length in bytes may differ from the query's. Where the query
// starts with an ASCII character, an ASCII byte of the text that is not
// that character in either case is passed over at once: only those
// characters fold to it (a quoted query went ten times slower than the
// ASCII search without this).
func allFold(text, query string) []span.Span {
	var out []span.Span
	first := int(utf8.RuneSelf)
	if query[0] < utf8.RuneSelf {
		first = int(lower(query[0]))
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && first < utf8.RuneSelf && int(lower(c)) != first {
			i++
			continue
		}
		if end, ok := foldPrefix(text[i:], query); ok {
			out = append(out, span.Span{Start: i, End: i + end})
			i += end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// foldPrefix reports whether s starts with query under case folding, and
// how many bytes of s that takes.
func foldPrefix(s, query string) (int, bool) {
	n := 0
	prev := rune(-1)
	for _, qr := range query {
		for {
			if n >= len(s) {
				return 0, false
			}
			r, size := utf8.DecodeRuneInString(s[n:])
			if equalFold(r, qr) {
				n += size
				break
			}
			if prev < 0 {
				return 0, false
			}
			skip := drawnAsNothing(s[n:], prev)
			if skip == 0 {
				return 0, false
			}
			n += skip
		}
		prev = qr
	}
	return n, true
}

func equalFold(a, b rune) bool {
	if a == b || anchor.QuoteKind(a) == anchor.QuoteKind(b) {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// Matches are the results of one search.
type Matches struct {
	Query   string
	Spans   []span.Span
	Current int
}

// Find searches text for query.
func Find(text, query string) Matches {
	return Matches{Query: query, Spans: All(text, query), Current: -1}
}

// Len returns the number of matches.
func (m Matches) Len() int { return len(m.Spans) }

// At makes the first match starting at or after off current, wrapping
// around to the first match; it reports false when there are none.
func (m *Matches) At(off int) bool {
	if len(m.Spans) == 0 {
		return false
	}
	m.Current = index(m.Spans, off) % len(m.Spans)
	return true
}

// Next makes the next match current, wrapping around.
func (m *Matches) Next() bool {
	if len(m.Spans) == 0 {
		return false
	}
	m.Current = (m.Current + 1) % len(m.Spans)
	return true
}

// Prev makes the previous match current, wrapping around.
func (m *Matches) Prev() bool {
	if len(m.Spans) == 0 {
		return false
	}
	m.Current = (m.Current - 1 + len(m.Spans)) % len(m.Spans)
	return true
}

// Span returns the current match.
func (m Matches) Span() (span.Span, bool) {
	if m.Current < 0 || m.Current >= len(m.Spans) {
		return span.Span{}, false
	}
	return m.Spans[m.Current], true
}

// index returns the first span starting at or after off.
func index(spans []span.Span, off int) int {
	lo, hi := 0, len(spans)
	for lo < hi {
		mid := (lo + hi) / 2
		if spans[mid].Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
