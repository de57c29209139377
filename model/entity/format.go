package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

// Format characters (Unicode's Cf) draw nothing and part no word: a soft
// hyphen says where a word may break ("Stan\u00adton"), a joiner or a mark
// of direction how to draw it. Scraped text keeps them, and so does the
// canonical text, whose byte offsets every span is in, so the tagger reads
// a copy without them and gives its spans back in the text's offsets: a
// name spans its whole word, and "Stan\u00adton" is tagged as "Stanton" is.
// The zero-width space is the exception: by its name, and by Unicode's word
// boundaries (UAX #29, which read the other format characters as part of
// the word they stand in), it parts words, so the copy has a space for it.
const ZeroWidthSpace = '\u200b'

// unformatted is a text without its format characters.
type unformatted struct {
	text string
	// cuts are where the copy leaves bytes of the text out, in order:
	// at the copy's offset at, the text has gone on by shift bytes more,
	// in all, than the copy.
	cuts []cut
}

type cut struct{ at, shift int }

// IsFormat reports whether r is a format character (Unicode's Cf), which
// tokenizers read past inside a word: a soft hyphen, a joiner, a mark of
// direction. Of the runes text commonly holds beyond ASCII, dashes and
// curly quotes (U+2010 to U+2027) are told apart without a table.
func IsFormat(r rune) bool {
	switch {
	case r < 0x2000:
		return r == '\u00ad' || r >= 0x600 && unicode.Is(unicode.Cf, r)
	case r < 0x2070:
		return 0x200b <= r && r <= 0x200f || 0x202a <= r && r <= 0x202e || 0x2060 <= r && r != 0x2065
	}
	return r >= 0xfeff && unicode.Is(unicode.Cf, r)
}

// formatAt returns the format character text starts with and its length,
// 0 if none. A format character is never ASCII.
func formatAt(text string) (r rune, n int) {
	if text == "" || text[0] < utf8.RuneSelf {
		return 0, 0
	}
	r, n = utf8.DecodeRuneInString(text)
	if IsFormat(r) {
		return r, n
	}
	return 0, 0
}

// WithoutFormat is w without its format characters, w itself when it holds
// none (most words: no byte beyond ASCII; in one with, a stray byte
// becomes U+FFFD, as strings.Map writes it). Tokenizers that keep a word's
// format characters in its span read the word so.
func WithoutFormat(w string) string {
	i := 0
	for i < len(w) && w[i] < utf8.RuneSelf {
		i++
	}
	if i == len(w) || !strings.ContainsFunc(w[i:], IsFormat) {
		return w
	}
	return strings.Map(func(r rune) rune {
		if IsFormat(r) {
			return -1
		}
		return r
	}, w)
}

// hasFormat reports whether text holds a format character. Most text holds
// none, and most of it is ASCII, which is passed over eight bytes at a time
// (one load: the compiler joins the bytes' loads); only the first byte of a
// wider rune is decoded.
func hasFormat(text string) bool {
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			s := text[i : i+8]
			w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
				uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
			if w&0x8080808080808080 == 0 {
				i += 8
				continue
			}
		}
		if utf8.RuneStart(text[i]) && text[i] >= utf8.RuneSelf {
			if _, n := formatAt(text[i:]); n > 0 {
				return true
			}
		}
		i++
	}
	return false
}

// unformat returns text without its format characters, a zero-width space
// written as a space.
func unformat(text string) unformatted {
	var b strings.Builder
	b.Grow(len(text))
	var cuts []cut
	from := 0
	for i := 0; i < len(text); {
		r, n := formatAt(text[i:])
		if n == 0 {
			i++
			continue
		}
		b.WriteString(text[from:i])
		kept := 0
		if r == ZeroWidthSpace {
			b.WriteByte(' ')
			kept = 1
		}
		shift := n - kept
		if len(cuts) > 0 {
			shift += cuts[len(cuts)-1].shift
		}
		cuts = append(cuts, cut{at: b.Len(), shift: shift})
		i += n
		from = i
	}
	b.WriteString(text[from:])
	return unformatted{text: b.String(), cuts: cuts}
}

// shiftAt is how many more bytes the text has than the copy before the
// copy's byte at.
func (u unformatted) shiftAt(at int) int {
	k := sort.Search(len(u.cuts), func(k int) bool { return u.cuts[k].at > at })
	if k == 0 {
		return 0
	}
	return u.cuts[k-1].shift
}

// inText turns a span of the copy into the text's: from its first byte to
// just after its last, so that the format characters inside it are in it
// and those at its edges are not.
func (u unformatted) inText(s span.Span) span.Span {
	if s.Empty() {
		at := s.Start + u.shiftAt(s.Start)
		return span.Span{Start: at, End: at}
	}
	return span.Span{Start: s.Start + u.shiftAt(s.Start), End: s.End + u.shiftAt(s.End-1)}
}

// inCopy turns a span of the text into the copy's: each edge moves back by
// the bytes left out before it.
func (u unformatted) inCopy(s span.Span) span.Span {
	return span.Span{Start: u.copyOffset(s.Start), End: u.copyOffset(s.End)}
}

// copyOffset is the copy's offset of the text's offset off: the first
// byte of the copy at or after it.
func (u unformatted) copyOffset(off int) int {
	// The bytes the cut at k leaves out end at the text's offset
	// cuts[k].at + cuts[k].shift; an offset inside them is the cut's.
	k := sort.Search(len(u.cuts), func(k int) bool { return u.cuts[k].at+u.cuts[k].shift > off })
	at := off
	if k > 0 {
		at -= u.cuts[k-1].shift
	}
	if k < len(u.cuts) {
		at = min(at, u.cuts[k].at)
	}
	return at
}
