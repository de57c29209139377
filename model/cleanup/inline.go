package cleanup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/weblink"
)

// writeInline writes a block's text, turning "_x_", "*x*", "__x__" and
// "**x**" into emphasis and strong marks and the web and email addresses
// written out in it into links. A delimiter counts only at a word edge, so
// snake_case names and "5 * 3" stay as they are. Text between marks is
// written in one piece, so an address's "_" that opens nothing does not
// cut it in two.
func writeInline(b *doc.Builder, block string) {
	s := newInlineScan(block)
	text, base := block, 0 // text is block[base:]
	done := 0              // block[:done] is written
	for {
		i := s.indexDelim(base)
		if i < 0 {
			writeLinked(b, block, done, len(block))
			return
		}
		i -= base
		delim := emphasisDelim(text[i:])
		end := -1
		if opensAt(text, i, len(delim)) {
			end = s.closeAt(text, base, i+len(delim), delim)
		}
		if end < 0 {
			text, base = text[i+len(delim):], base+i+len(delim)
			continue
		}
		writeLinked(b, block, done, base+i)
		kind := doc.Emphasis
		if len(delim) == 2 {
			kind = doc.Strong
		}
		b.StartInline(kind, "")
		writeLinked(b, block, base+i+len(delim), base+end)
		b.EndInline(kind)
		text, base = text[end+len(delim):], base+end+len(delim)
		done = base
	}
}

// writeLinked writes block[from:to], marking the addresses in it as links.
func writeLinked(b *doc.Builder, block string, from, to int) {
	weblink.Write(b, block[from:to], weblink.StartsAfter(block[:from]))
}

// inlineScan is what writeInline's searches have learnt about one block,
// as offsets into it, so that a block of many delimiters is read in one
// pass: searching for the next "_" and "*" afresh, or for a closer after
// each of a thousand unclosed openers, took time quadratic in the block
// (an 80 KB block of "*_a" took 36 s).
type inlineScan struct {
	block string
	// next holds the offset of the next '_' and '*' at or after the last
	// search, or -1 when there is none.
	next [2]int
	// noCloser holds, per delimiter ("*", "**", "_", "__"), an offset
	// from which closeAt found no closer; from any later offset it finds
	// none either, since it sees fewer candidates that pass the same
	// tests. len(block)+1 while unknown.
	noCloser [4]int
}

func newInlineScan(block string) *inlineScan {
	s := &inlineScan{block: block}
	for i, c := range []byte{'_', '*'} {
		s.next[i] = strings.IndexByte(block, c)
	}
	for i := range s.noCloser {
		s.noCloser[i] = len(block) + 1
	}
	return s
}

// indexDelim returns the offset of the first "_" or "*" at or after from,
// or -1.
func (s *inlineScan) indexDelim(from int) int {
	first := -1
	for i, c := range []byte{'_', '*'} {
		if n := s.next[i]; n >= 0 && n < from {
			s.next[i] = indexByteFrom(s.block, from, c)
		}
		if n := s.next[i]; n >= 0 && (first < 0 || n < first) {
			first = n
		}
	}
	return first
}

func indexByteFrom(s string, from int, c byte) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// closeAt is closeAt for text, which starts at offset base of the block,
// skipping the search when an earlier one showed there is no closer.
func (s *inlineScan) closeAt(text string, base, from int, delim string) int {
	key := len(delim) - 1
	if delim[0] == '_' {
		key += 2
	}
	if base+from >= s.noCloser[key] {
		return -1
	}
	end := closeAt(text, from, delim)
	if end < 0 {
		s.noCloser[key] = base + from
	}
	return end
}

// emphasisDelim returns the delimiter run at the start of s: one or two of
// the same character.
func emphasisDelim(s string) string {
	if len(s) > 1 && s[1] == s[0] {
		return s[:2]
	}
	return s[:1]
}

// opensAt reports whether the delimiter at text[i:i+n] can open a mark: it
// starts the text or follows a space or opening punctuation, and a
// non-space follows it.
func opensAt(text string, i, n int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) && !strings.ContainsRune("([{\"'“‘", r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(text[i+n:])
	return i+n < len(text) && !unicode.IsSpace(r)
}

// closeAt finds the delimiter that closes a mark opened before from: one
// that follows a non-space and is followed by the end, a space or
// punctuation.
func closeAt(text string, from int, delim string) int {
	for j := from; ; {
		k := strings.Index(text[j:], delim)
		if k < 0 {
			return -1
		}
		k += j
		before, _ := utf8.DecodeLastRuneInString(text[:k])
		after, _ := utf8.DecodeRuneInString(text[k+len(delim):])
		if k > from && !unicode.IsSpace(before) &&
			(k+len(delim) == len(text) || !(unicode.IsLetter(after) || unicode.IsDigit(after) || after == rune(delim[0]))) {
			return k
		}
		j = k + len(delim)
	}
}
