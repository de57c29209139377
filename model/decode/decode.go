// Package decode turns the bytes of a file into UTF-8 text: UTF-8 with or
// without a byte order mark, UTF-16 with a byte order mark, and the
// single-byte Latin-1 / Windows-1252 encoding that older tools still write;
// and a web page in the charset it declares (Page), unless its bytes are
// UTF-8 with at most a few stray bytes, which no other charset gives by
// chance: a page that declares another charset then has a wrong
// declaration, and is read as UTF-8 with each stray byte as U+FFFD.
package decode

import (
	"errors"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ErrBinary is returned for data that is not text.
var ErrBinary = errors.New("binary file (contains NUL bytes), not an article")

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Bytes returns data as UTF-8 text. A byte order mark is dropped. Data that
// is not valid UTF-8 is read as Windows-1252 when it looks like a
// single-byte encoding; otherwise each invalid byte becomes U+FFFD. Data
// holding NUL bytes (after UTF-16 is recognised) is ErrBinary. It is a
// Decoder given all of data at once, so a file read in pieces decodes
// to the same text.
func Bytes(data []byte) (string, error) {
	var d Decoder
	return d.Decode(data, true)
}

// fromUTF16 decodes UTF-16 code units; unpaired surrogates and a dangling
// odd byte become U+FFFD.
func fromUTF16(data []byte, bigEndian bool) (string, error) {
	units := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if bigEndian {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	var sb strings.Builder
	sb.Grow(len(data) / 2)
	for _, r := range utf16.Decode(units) {
		if r == 0 {
			return "", ErrBinary
		}
		sb.WriteRune(r)
	}
	if len(data)%2 == 1 {
		sb.WriteRune(utf8.RuneError)
	}
	return sb.String(), nil
}

// looksUTF16 recognises UTF-16 written without a byte order mark: mostly
// ASCII text in which every other byte is NUL, all on the same side.
func looksUTF16(data []byte) (bigEndian, ok bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return false, false
	}
	var zeros [2]int
	for i, c := range data {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(data) / 2
	switch {
	case zeros[0] == 0 && zeros[1]*10 >= half*9:
		return false, true
	case zeros[1] == 0 && zeros[0]*10 >= half*9:
		return true, true
	}
	return false, false
}

// looksSingleByte reports whether invalid UTF-8 is better read as a
// single-byte encoding. Text in Latin-1 or Windows-1252 almost never forms
// a valid multi-byte UTF-8 sequence by accident, while UTF-8 text damaged
// in a few places keeps many valid ones; so the bytes are single-byte when
// the invalid high bytes outnumber the valid sequences.
func looksSingleByte(data []byte) bool {
	valid, invalid := countUTF8(data)
	return invalid > valid
}

// countUTF8 counts the valid multi-byte UTF-8 sequences of data and the
// bytes outside ASCII that start none.
func countUTF8(data []byte) (valid, invalid int) {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return valid, invalid
}

func fromWindows1252(data []byte) string {
	var sb strings.Builder
	sb.Grow(len(data) + len(data)/8)
	for _, c := range data {
		if c < utf8.RuneSelf {
			sb.WriteByte(c)
			continue
		}
		sb.WriteRune(charmap.Windows1252.DecodeByte(c))
	}
	return sb.String()
}

// replaceInvalid turns each byte that does not start a valid UTF-8
// sequence into U+FFFD, the way a range over a string reads it.
func replaceInvalid(data []byte) string {
	var sb strings.Builder
	sb.Grow(len(data) + 16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(data[i : i+size])
		}
		i += size
	}
	return sb.String()
}
