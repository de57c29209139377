package decode

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Decoder decodes a file that is read in pieces, so that the start of a
// long file can be shown before the rest is read. It decides the
// encoding as Bytes does, but from fixed windows at the start of the
// file rather than from all of it, so that its text is the same however
// the file is cut into pieces:
//
//   - the first headWindow bytes tell a byte order mark, UTF-16 written
//     without one, and a binary file;
//   - text that is ASCII so far reads the same in every encoding, so the
//     choice between UTF-8 and Windows-1252 waits for the first byte
//     that is not ASCII and is made from the guessWindow bytes from it.
//
// When UTF-8 is chosen, a later byte that is not UTF-8 becomes U+FFFD,
// and Invalid says where the first was, for a warning: the text already
// given cannot be decoded again.
type Decoder struct {
	enc encoding
	// held is what is not decoded yet: the start of the file until the
	// encoding is known, or a character cut by a piece's end.
	held []byte
	// offset is the file offset of what is passed next.
	offset int64
	// invalid is 1 + the file offset of the first byte replaced, 0 if
	// none is.
	invalid int64
}

type encoding int

const (
	undecided encoding = iota // nothing is known yet
	ascii                     // ASCII so far: UTF-8 or a single-byte encoding
	utf8Text
	windows1252
	utf16LittleEndian
	utf16BigEndian
)

// The windows the Decoder decides from.
const (
	headWindow  = 4 << 10
	guessWindow = 4 << 10
)

// Decode decodes the next piece of the file; final says it is the last.
// It returns the text decoded so far from the pieces, which may hold
// back the end of this one (a character cut in two, or the start of the
// file until the encoding is known); ErrBinary once a NUL is met.
func (d *Decoder) Decode(p []byte, final bool) (string, error) {
	buf := p
	if len(d.held) > 0 {
		buf = append(d.held, p...)
	}
	start := d.offset - int64(len(d.held))
	d.offset += int64(len(p))
	n, text, err := d.decode(buf, start, final)
	if err != nil {
		return "", err
	}
	d.held = append(d.held[:0:0], buf[n:]...)
	return string(text), nil
}

// Invalid returns the file offset of the first byte that was not valid
// UTF-8 in a file read as UTF-8, if there was one.
func (d *Decoder) Invalid() (int64, bool) { return d.invalid - 1, d.invalid > 0 }

// decode decodes what it can of buf, which starts at file offset start,
// and returns how many bytes it used.
func (d *Decoder) decode(buf []byte, start int64, final bool) (int, []byte, error) {
	used := 0
	if d.enc == undecided {
		if len(buf) < headWindow+len(bomUTF8) && !final {
			return 0, nil, nil
		}
		skip, err := d.decideHead(buf, final)
		if err != nil {
			return 0, nil, err
		}
		used = skip
	}
	var out []byte
	if d.enc == ascii {
		n, err := d.asciiPrefix(buf[used:], final)
		if err != nil {
			return 0, nil, err
		}
		out = buf[used : used+n]
		used += n
		if d.enc == ascii {
			return used, out, nil
		}
	}
	n, text, err := d.decodeIn(buf[used:], start+int64(used), final)
	if err != nil {
		return 0, nil, err
	}
	if out == nil {
		return used + n, text, nil
	}
	return used + n, append(out[:len(out):len(out)], text...), nil
}

// decideHead picks the encoding from the start of the file and returns
// the length of its byte order mark.
func (d *Decoder) decideHead(buf []byte, final bool) (int, error) {
	switch {
	case bytes.HasPrefix(buf, bomUTF16LE):
		d.enc = utf16LittleEndian
		return len(bomUTF16LE), nil
	case bytes.HasPrefix(buf, bomUTF16BE):
		d.enc = utf16BigEndian
		return len(bomUTF16BE), nil
	}
	skip := 0
	if bytes.HasPrefix(buf, bomUTF8) {
		skip = len(bomUTF8)
	}
	head := buf[skip:]
	if len(head) > headWindow || !final {
		head = head[:min(len(head), headWindow)]
	}
	d.enc = ascii
	if bytes.IndexByte(head, 0) >= 0 {
		bigEndian, ok := looksUTF16(head)
		if !ok {
			return 0, ErrBinary
		}
		d.enc = utf16LittleEndian
		if bigEndian {
			d.enc = utf16BigEndian
		}
	}
	return skip, nil
}

// asciiPrefix returns how much of buf is ASCII and, at the first byte
// that is not, decides between UTF-8 and Windows-1252 once it has the
// window to decide from.
func (d *Decoder) asciiPrefix(buf []byte, final bool) (int, error) {
	h := 0
	for h < len(buf) && buf[h] < utf8.RuneSelf {
		h++
	}
	if bytes.IndexByte(buf[:h], 0) >= 0 {
		return 0, ErrBinary
	}
	if h == len(buf) {
		return h, nil
	}
	end := h + guessWindow
	if end+utf8.UTFMax > len(buf) && !final {
		return h, nil
	}
	end = min(end, len(buf))
	// A window that cuts a character in two would count it invalid.
	for end < len(buf) && end < h+guessWindow+utf8.UTFMax && !utf8.RuneStart(buf[end]) {
		end++
	}
	d.enc = utf8Text
	if looksSingleByte(buf[h:end]) {
		d.enc = windows1252
	}
	return h, nil
}

// decodeIn decodes buf, which starts at file offset start, in the chosen
// encoding, and returns how many bytes it used.
func (d *Decoder) decodeIn(buf []byte, start int64, final bool) (int, []byte, error) {
	switch d.enc {
	case utf16LittleEndian, utf16BigEndian:
		return d.decodeUTF16(buf, final)
	}
	if bytes.IndexByte(buf, 0) >= 0 {
		return 0, nil, ErrBinary
	}
	if d.enc == windows1252 {
		return len(buf), []byte(fromWindows1252(buf)), nil
	}
	n := len(buf)
	if !final {
		n -= cutRune(buf)
	}
	if utf8.Valid(buf[:n]) {
		return n, buf[:n], nil
	}
	if d.invalid == 0 {
		d.invalid = 1 + start + int64(firstInvalid(buf[:n]))
	}
	return n, []byte(replaceInvalid(buf[:n])), nil
}

// cutRune returns the length of the character that buf's end cuts short
// (0 if none): the rest of it comes with the next piece.
func cutRune(buf []byte) int {
	for i := 1; i < utf8.UTFMax && i <= len(buf); i++ {
		c := buf[len(buf)-i]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if utf8.FullRune(buf[len(buf)-i:]) {
				return 0
			}
			return i
		}
	}
	return 0
}

// firstInvalid returns the index of the first byte of buf that does not
// start a valid UTF-8 sequence.
func firstInvalid(buf []byte) int {
	for i := 0; i < len(buf); {
		r, size := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(buf)
}

// decodeUTF16 decodes whole code units of buf, holding back an odd byte
// and a high surrogate at its end until the next piece.
func (d *Decoder) decodeUTF16(buf []byte, final bool) (int, []byte, error) {
	n := len(buf) &^ 1
	if !final && n >= 2 {
		if u := d.unit(buf[n-2:]); utf16.IsSurrogate(rune(u)) && u < 0xDC00 {
			n -= 2
		}
	}
	if final {
		n = len(buf)
	}
	text, err := fromUTF16(buf[:n], d.enc == utf16BigEndian)
	if err != nil {
		return 0, nil, err
	}
	return n, []byte(text), nil
}

func (d *Decoder) unit(b []byte) uint16 {
	if d.enc == utf16BigEndian {
		return uint16(b[0])<<8 | uint16(b[1])
	}
	return uint16(b[1])<<8 | uint16(b[0])
}
