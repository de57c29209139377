// Package sanitize is the one place that decides which characters of
// untrusted text (articles, notes, file names, error messages) may reach
// each destination margin writes to. Article text is hostile by default: an
// ESC or a C1 control can drive a terminal, a bidirectional override can
// make a reader see words in an order other than the one stored, and a bare
// CR can make one line of a worksheet overwrite another when it is viewed.
//
// There is one function per destination, because what is safe differs:
// a terminal shows controls as visible pictures so that nothing is silently
// hidden from a fact-checker; a markdown file drops them so that the file
// stays clean text; JSON keeps every character but escapes the invisible
// ones so that a reader of the raw file sees them.
package sanitize

import (
	"strings"
	"unicode/utf8"
)

// TabWidth is how many columns a tab takes on the terminal. Tabs are drawn
// as spaces so that every column a layout counts is a column the terminal
// shows.
const TabWidth = 4

// Picture returns what the rune r is drawn as on a terminal when it is not
// drawn as itself, and whether it is replaced at all. C0 controls and DEL
// become their Unicode control pictures (␛ for ESC), C1 controls become
// U+FFFD, bidirectional overrides and isolates are dropped, and the Unicode
// line and paragraph separators become a space. The soft hyphen, a place
// a word may be broken that scraped pages keep, is dropped too: terminals
// draw it as a hyphen mid-word, a column the layout (uniseg gives it
// none) does not count, or as nothing. Layout code measures widths with
// Picture so that its column counts match what Terminal draws.
func Picture(r rune) (string, bool) {
	switch {
	case r == '\t':
		return "    ", true
	case r < 0x20:
		return string(rune(0x2400 + r)), true // ␀ ... ␟
	case r == 0x7f:
		return "\u2421", true // ␡
	case IsC1(r):
		return "\ufffd", true
	case IsBidiControl(r), r == SoftHyphen:
		return "", true
	case isLineSeparator(r):
		return " ", true
	}
	return "", false
}

// SoftHyphen (U+00AD) marks where a word may be broken with a hyphen.
const SoftHyphen = '\u00ad'

// IsC1 reports whether r is a C1 control (U+0080-U+009F); U+009B alone
// starts a CSI sequence on many terminals.
func IsC1(r rune) bool { return r >= 0x80 && r < 0xa0 }

// IsBidiControl reports whether r is an explicit bidirectional embedding,
// override or isolate (U+202A-U+202E, U+2066-U+2069): the characters that
// can reorder what a reader sees, as in "Trojan Source" attacks. The
// implicit marks (LRM, RLM, ALM) cannot, and are kept.
func IsBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// IsZeroWidthFormat reports whether r is an invisible format character
// that changes nothing on screen but can hide inside a word: zero-width
// space, non-joiner, joiner, the implicit direction marks, word joiner,
// invisible operators and the byte order mark.
func IsZeroWidthFormat(r rune) bool {
	switch {
	case r >= 0x200b && r <= 0x200f, r >= 0x2060 && r <= 0x2064, r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

func isLineSeparator(r rune) bool { return r == 0x2028 || r == 0x2029 }

// Terminal returns s as it is safe to write to a terminal: every C0 and C1
// control and DEL is shown as a visible picture, bidirectional overrides
// and isolates are dropped, invalid UTF-8 becomes U+FFFD and tabs become
// TabWidth spaces (see Picture). The result holds no byte below 0x20, so
// a line break is shown as ␊ rather than taken: use TerminalLine for a
// field whose line breaks should read as spaces.
func Terminal(s string) string {
	return rewrite(s, func(r rune, rest string, size int) (string, int) {
		if p, ok := Picture(r); ok {
			return p, size
		}
		return rest[:size], size
	})
}

// TerminalLine is Terminal for a one-line field such as a title, a status
// message or an error: line breaks and runs of white space become one
// space, and leading and trailing white space is dropped.
func TerminalLine(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		f = Terminal(f)
		if f == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// Markdown returns s as it is safe to write into a markdown or plain-text
// file: C0 controls other than line feed and tab, DEL, C1 controls and
// bidirectional overrides and isolates are removed, CR and CRLF become a
// line feed, and invalid UTF-8 becomes U+FFFD. Nothing is shown as a
// picture, so the file reads as the words themselves. Keeping a line from
// becoming markdown structure (a heading, a list item) is the exporter's
// job, since only it knows where a line starts.
func Markdown(s string) string {
	return rewrite(s, func(r rune, rest string, size int) (string, int) {
		switch {
		case r == '\r' && strings.HasPrefix(rest, "\r\n"):
			return "\n", 2
		case r == '\r':
			return "\n", 1
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || IsC1(r) || IsBidiControl(r):
			return "", size
		}
		return rest[:size], size
	})
}

// rewrite returns s with each rune outside printable ASCII replaced by
// what each says: the text to write for the rune that starts rest (size
// bytes long) and how many bytes of rest that consumes. Invalid UTF-8
// becomes U+FFFD before each is asked; plain ASCII is copied in runs, and
// a string of nothing else is returned as it is.
func rewrite(s string, each func(r rune, rest string, size int) (string, int)) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if j := plainRun(s, i); j > i {
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteString("\ufffd")
			i += size
			continue
		}
		out, n := each(r, s[i:], size)
		b.WriteString(out)
		i += n
	}
	return b.String()
}

// JSON returns the encoded JSON b with every C1 control, DEL, bidirectional
// override or isolate, line or paragraph separator, zero-width format
// character and invalid byte written as a \uXXXX escape. Outside strings
// valid JSON is plain ASCII, so these runes occur only inside strings and
// the result decodes to the same values, while a person or a tool reading
// the raw file sees every invisible character spelled out. encoding/json
// already escapes C0 controls.
func JSON(b []byte) []byte {
	return AppendJSON(nil, b)
}

// AppendJSON appends JSON(b) to dst and returns the extended slice.
func AppendJSON(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		if c := b[i]; c < 0x7f {
			j := i + 1
			for j < len(b) && b[j] < 0x7f {
				j++
			}
			dst = append(dst, b[i:j]...)
			i = j
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			dst = appendEscape(dst, utf8.RuneError)
		case needsJSONEscape(r):
			dst = appendEscape(dst, r)
		default:
			dst = append(dst, b[i:i+size]...)
		}
		i += size
	}
	return dst
}

func needsJSONEscape(r rune) bool {
	return r == 0x7f || IsC1(r) || IsBidiControl(r) || isLineSeparator(r) || IsZeroWidthFormat(r)
}

const hexDigits = "0123456789abcdef"

// appendEscape writes r, which is in the Basic Multilingual Plane, as \uXXXX.
func appendEscape(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u',
		hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
}

func isPlainASCII(s string) bool {
	return plainRun(s, 0) == len(s)
}

// plainRun returns the end of the run of printable ASCII that starts at i.
func plainRun(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	return i
}
