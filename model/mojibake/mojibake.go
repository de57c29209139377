// Package mojibake mends mojibake, in the text of every format. Mojibake
// is UTF-8 read as Windows-1252 or Latin-1 and written out
// again: each byte of a character beyond ASCII becomes a character of its
// own ("François" becomes "FranÃ§ois", "don’t" "donâ€™t"), and text that
// went through twice doubles up again ("FranÃƒÂ§ois"). A run is mended
// when its characters, written back as those single bytes, are a lead
// byte and the continuation bytes UTF-8 wants after it; legitimate text
// almost never reads so, since a lead byte is an accented capital or a
// small letter with a grave, circumflex, tilde or diaeresis and a
// continuation byte a symbol, a C1 control or a curly quote or dash
// ("Ã" in "SÃO PAULO" is followed by a letter, and stays). Where the
// characters leave doubt, the run must show more (mojibakeSequence).
package mojibake

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Read as Latin-1, the lead bytes of UTF-8 are the characters from
// U+00C2 to U+00F4, whose own UTF-8 starts with 0xC3: text without that
// byte has no mojibake and is passed over at once.
const (
	leadMin, leadMax = 0xc2, 0xf4
	leadFirstByte    = 0xc3
)

// Repair returns text with its mojibake mended, over and over
// until none is left, so that text mended once is left as it is.
func Repair(text string) string {
	for strings.IndexByte(text, leadFirstByte) >= 0 {
		fixed, changed := repairOnce(text)
		if !changed {
			break
		}
		text = fixed
	}
	return text
}

// sequence is one character's mojibake: text[start:end] writes r.
type sequence struct {
	start, end int
	r          rune
	// sure says the sequence is mojibake by itself; one that is not is
	// mended only next to another.
	sure bool
}

// Leads returns where the sequences start that Repair mends first, in
// order: a writer that spells the character there otherwise (as a
// character reference) keeps a text that holds mojibake as it is when
// the text is read back and mended.
func Leads(text string) []int {
	var at []int
	for _, s := range mended(text) {
		at = append(at, s.start)
	}
	return at
}

// repairOnce mends one layer of mojibake.
func repairOnce(text string) (string, bool) {
	var out []byte
	from := 0
	for _, s := range mended(text) {
		if out == nil {
			out = make([]byte, 0, len(text))
		}
		out = appendComposed(append(out, text[from:s.start]...), s.r)
		from = s.end
	}
	if out == nil {
		return text, false
	}
	return string(append(out, text[from:]...)), true
}

// mended returns the sequences of text that one layer of mending mends:
// the sure ones, and those next to another.
func mended(text string) []sequence {
	if strings.IndexByte(text, leadFirstByte) < 0 {
		return nil
	}
	var found []sequence
	for i := 0; ; {
		k := strings.IndexByte(text[i:], leadFirstByte)
		if k < 0 {
			break
		}
		i += k
		if s, ok := mojibakeSequence(text, i); ok {
			found = append(found, s)
			i = s.end
		} else {
			i++
		}
	}
	var kept []sequence
	for k, s := range found {
		joined := k > 0 && found[k-1].end == s.start || k+1 < len(found) && found[k+1].start == s.end
		if s.sure || joined {
			kept = append(kept, s)
		}
	}
	return kept
}

// appendComposed appends r to out, composed with the character before it
// when r is an accent of decomposed text (NFC, as the loader composes the
// text before it is cleaned), unless that would lengthen them.
func appendComposed(out []byte, r rune) []byte {
	if r < 0x300 || norm.NFC.PropertiesString(string(r)).BoundaryBefore() {
		return utf8.AppendRune(out, r)
	}
	_, n := utf8.DecodeLastRune(out)
	pair := utf8.AppendRune(slices.Clone(out[len(out)-n:]), r)
	if c := norm.NFC.Bytes(pair); len(c) <= len(pair) {
		pair = c
	}
	return append(out[:len(out)-n], pair...)
}

// mojibakeSequence reads the mojibake of one character at text[i:], if
// the character there is a lead byte's and the continuation bytes follow.
//
// Which runs are sure: one with a C1 control, which no text has; one led
// by "Â" or "Ã", the lead bytes of U+0080 to U+00FF, or "â", of the
// punctuation and symbols from U+2000 (before two symbols or curly quotes,
// as no word has it); and one of four bytes. A capital from "Ä" to "ß"
// before one symbol may be a capitalised word's end before a quote or a
// dash ("JOSÉ’S", "PERÚ—"), which reads as a small letter or a letter of
// no case (ɒ, ڗ): it is sure when it writes a capital ("ÄŒapek") or
// stands inside a word, after a small letter ("GdaÅ„sk"), unless it is
// ß, which is small itself. A small letter before two symbols may be a
// word's end before two. Those that are not sure are mended next to
// another sequence (Cyrillic, CJK).
func mojibakeSequence(text string, i int) (sequence, bool) {
	// Most characters led by 0xC3 are accented letters before a letter:
	// what follows a lead is beyond ASCII, or a space before a mark.
	if i+2 >= len(text) || text[i+2] < utf8.RuneSelf && text[i+2] != ' ' {
		return sequence{}, false
	}
	lead, n := utf8.DecodeRuneInString(text[i:])
	if lead < leadMin || lead > leadMax {
		return sequence{}, false
	}
	size := 4
	if lead < 0xe0 {
		size = 2
	} else if lead < 0xf0 {
		size = 3
	}
	var buf [utf8.UTFMax]byte
	buf[0] = byte(lead)
	end, control := i+n, false
	for k := 1; k < size; k++ {
		c, w, ok := continuationByte(text[end:])
		if !ok {
			return sequence{}, false
		}
		r, _ := utf8.DecodeRuneInString(text[end:])
		buf[k], control = c, control || unicode.IsControl(r)
		end += w
	}
	r, got := utf8.DecodeRune(buf[:size])
	if got != size || r == utf8.RuneError || unicode.IsControl(r) {
		return sequence{}, false
	}
	s := sequence{start: i, end: end, r: r}
	switch {
	case control || lead <= 0xc3 || lead == 0xe2 || size == 4:
		s.sure = true
	case size == 2 && unicode.IsLetter(r):
		// ß, the one small letter among these leads, ends words after
		// small letters ("ließ“", "gemäß" and a no-break space).
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		s.sure = unicode.IsUpper(r) || lead != 'ß' && unicode.IsLower(before)
	}
	return s, true
}

// continuationByte returns the continuation byte (0x80 to 0xBF) that the
// character at the start of text is the Windows-1252 or Latin-1 reading
// of, and the character's length. A space before a combining mark is
// read as the symbol whose compatibility form it is (¨ ¯ ´ ¸: text
// folded to NFKC after it went wrong, "naÃ ̄ve" for "naÃ¯ve").
func continuationByte(text string) (byte, int, bool) {
	r, n := utf8.DecodeRuneInString(text)
	switch {
	case r >= 0x80 && r < 0xc0:
		return byte(r), n, true
	case r > 0xff:
		if b, ok := charmap.Windows1252.EncodeRune(r); ok && b >= 0x80 && b < 0xc0 {
			return b, n, true
		}
	case r == ' ':
		mark, m := utf8.DecodeRuneInString(text[n:])
		if !unicode.Is(unicode.Mn, mark) {
			return 0, 0, false
		}
		folded := text[:n+m]
		for b := 0xa0; b < 0xc0; b++ {
			if norm.NFKC.String(string(rune(b))) == folded {
				return byte(b), n + m, true
			}
		}
	}
	return 0, 0, false
}

// maxTail is the most of a text's end that Tail holds back.
const maxTail = 64

// Tail is where the end of a piece of text that may hold the
// start of a sequence begins, the rest of which may come in the next
// piece: the run of characters at its end that mojibake is written in,
// with the character before it, which a sequence may need
// (mojibakeSequence). So the last character is always held back. The
// run is cut to its last maxTail bytes: a sequence is far shorter (a
// four-byte character read wrongly twice is 16 bytes), and a text of
// nothing but such characters would otherwise be held, and joined
// again, whole at every piece.
func Tail(text string) int {
	i := len(text)
	for i > 0 {
		if len(text)-i >= maxTail {
			return i
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r < 0x80 && r != ' ' || r > 0xff && !isWindows1252(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		i -= n
	}
	_, n := utf8.DecodeLastRuneInString(text[:i])
	return i - n
}

// isWindows1252 reports whether Windows-1252 writes r as one byte from
// 0x80 to 0x9F (curly quotes, dashes, €).
func isWindows1252(r rune) bool {
	b, ok := charmap.Windows1252.EncodeRune(r)
	return ok && b >= 0x80
}
