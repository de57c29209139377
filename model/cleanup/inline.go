package cleanup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/doc"
)

// writeInline writes a block's text, turning "_x_", "*x*", "__x__" and
// "**x**" into emphasis and strong marks. A delimiter counts only at a word
// edge, so snake_case names and "5 * 3" stay as they are.
func writeInline(b *doc.Builder, text string) {
	for {
		i := indexDelim(text)
		if i < 0 {
			b.Write(text)
			return
		}
		delim := emphasisDelim(text[i:])
		end := -1
		if opensAt(text, i, len(delim)) {
			end = closeAt(text, i+len(delim), delim)
		}
		if end < 0 {
			b.Write(text[:i+len(delim)])
			text = text[i+len(delim):]
			continue
		}
		b.Write(text[:i])
		kind := doc.Emphasis
		if len(delim) == 2 {
			kind = doc.Strong
		}
		b.StartInline(kind, "")
		b.Write(text[i+len(delim) : end])
		b.EndInline(kind)
		text = text[end+len(delim):]
	}
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

// indexDelim returns the index of the first "_" or "*" in s, or -1. Two
// byte searches beat one search for either byte on long runs of prose.
func indexDelim(s string) int {
	i, j := strings.IndexByte(s, '_'), strings.IndexByte(s, '*')
	if i < 0 || (j >= 0 && j < i) {
		return j
	}
	return i
}
