package decode

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			out = append(out, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func utf16BE(s string, bom bool) []byte {
	le := utf16LE(s, false)
	var out []byte
	if bom {
		out = append(out, 0xFE, 0xFF)
	}
	for i := 0; i+1 < len(le); i += 2 {
		out = append(out, le[i+1], le[i])
	}
	return out
}

func TestBytes(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"keeps plain ASCII as it is", []byte("Hello, world.\n"), "Hello, world.\n", nil},
		{"keeps valid UTF-8 as it is", []byte("Café — naïve 日本 🙂"), "Café — naïve 日本 🙂", nil},
		{"reads an empty file as empty text", nil, "", nil},
		{"drops a UTF-8 byte order mark", []byte("\xEF\xBB\xBFTitle\n"), "Title\n", nil},
		{"reads UTF-16 little endian with a byte order mark", utf16LE("Grüße 🙂\r\n", true), "Grüße 🙂\r\n", nil},
		{"reads UTF-16 big endian with a byte order mark", utf16BE("Ελλάδα\n", true), "Ελλάδα\n", nil},
		{"reads a lone UTF-16 byte order mark as empty text", []byte{0xFF, 0xFE}, "", nil},
		{"turns an unpaired UTF-16 surrogate into U+FFFD", append(utf16LE("a", true), 0x00, 0xD8, 'b', 0), "a\uFFFDb", nil},
		{"turns a dangling odd UTF-16 byte into U+FFFD", append(utf16LE("ab", true), 'c'), "ab\uFFFD", nil},
		{"reads UTF-16 little endian without a byte order mark", utf16LE("Plain words here.", false), "Plain words here.", nil},
		{"reads UTF-16 big endian without a byte order mark", utf16BE("Plain words here.", false), "Plain words here.", nil},
		{"reads Latin-1 accents", []byte("caf\xE9 na\xEFve \xC0 la carte"), "café naïve À la carte", nil},
		{"reads Windows-1252 quotes and the euro sign", []byte("\x93Quoted\x94 costs \x80 5 \x96 cheap"), "\u201cQuoted\u201d costs € 5 – cheap", nil},
		{"replaces a stray byte in UTF-8 text with U+FFFD", []byte("naïve, café, d\xFF, déjà vu"), "naïve, café, d\uFFFD, déjà vu", nil},
		{"replaces each byte of a truncated sequence", []byte("日本語 \xE6\x97 ok 🙂"), "日本語 \uFFFD\uFFFD ok 🙂", nil},
		{"rejects data with NUL bytes as binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", ErrBinary},
		{"rejects UTF-16 text that decodes to NUL", utf16LE("a\x00b", true), "", ErrBinary},
		{"rejects a UTF-8 file with a NUL after the byte order mark", []byte("\xEF\xBB\xBFa\x00b"), "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Bytes(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("Bytes(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			if got != tt.want {
				t.Errorf("Bytes(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestErrBinaryIsOneLine(t *testing.T) {
	for _, c := range ErrBinary.Error() {
		if c == '\n' {
			t.Fatalf("ErrBinary %q spans lines", ErrBinary)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("\xEF\xBB\xBFbom"))
	f.Add(utf16LE("wide 🙂", true))
	f.Add(utf16BE("wide", false))
	f.Add([]byte("caf\xE9"))
	f.Add([]byte("a\x00b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Bytes(data)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Bytes(%q) = %q, not valid UTF-8", data, got)
		}
		for _, r := range got {
			if r == 0 {
				t.Fatalf("Bytes(%q) kept a NUL", data)
			}
		}
		plain := utf8.Valid(data) && !bytes.HasPrefix(data, bomUTF8) && bytes.IndexByte(data, 0) < 0
		if plain && got != string(data) {
			t.Fatalf("Bytes(%q) = %q, changed valid UTF-8", data, got)
		}
	})
}

// inPieces decodes data with a Decoder, cut into pieces at the offsets
// that seed gives (each cut a few bytes to a few kilobytes on).
func inPieces(data []byte, seed uint64) (string, error) {
	var d Decoder
	var out strings.Builder
	for len(data) > 0 {
		seed = seed*6364136223846793005 + 1442695040888963407
		n := min(len(data), int(seed>>33)%(3*headWindow)+1)
		if seed&1 == 0 {
			n = min(len(data), int(seed>>40)%5+1)
		}
		s, err := d.Decode(data[:n], false)
		if err != nil {
			return "", err
		}
		out.WriteString(s)
		data = data[n:]
	}
	s, err := d.Decode(nil, true)
	out.WriteString(s)
	return out.String(), err
}

func TestDecoderInPiecesGivesWhatBytesGives(t *testing.T) {
	long := strings.Repeat("Plain words of the report. ", 1000)
	tests := []struct {
		name string
		in   []byte
	}{
		{"UTF-8 with accents throughout", []byte(strings.Repeat("Café, naïve, 日本 🙂. ", 2000))},
		{"Latin-1 after a long ASCII start", []byte(long + "caf\xE9 na\xEFve")},
		{"UTF-16 little endian with a byte order mark", utf16LE(strings.Repeat("Grüße 🙂\r\n", 2000), true)},
		{"UTF-16 big endian without one", utf16BE(strings.Repeat("Plain words 🙂 here.", 1000), false)},
		{"a UTF-8 byte order mark and Windows-1252", append([]byte("\xEF\xBB\xBF"+long), "\x93q\x94"...)},
		{"a NUL far into the file", []byte(long + "\x00" + long)},
		{"UTF-8 with a stray byte", []byte(long + "é d\xFF é")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := Bytes(tt.in)
			for seed := range uint64(20) {
				got, err := inPieces(tt.in, seed)
				if got != want || !errors.Is(err, wantErr) {
					t.Fatalf("in pieces (seed %d) = %.60q… (error %v), want %.60q… (error %v)", seed, got, err, want, wantErr)
				}
			}
		})
	}
}

func TestDecoderChoosesFromTheStart(t *testing.T) {
	utf8Start := strings.Repeat("Déjà vu, naïve. ", 1000)
	tests := []struct {
		name    string
		in      []byte
		want    string
		invalid int64 // -1: none
	}{
		{"reads Latin-1 that starts after pages of ASCII", []byte(strings.Repeat("a", 10000) + "caf\xE9"), strings.Repeat("a", 10000) + "café", -1},
		{"replaces Latin-1 bytes after a UTF-8 start and says where", []byte(utf8Start + "caf\xE9"), utf8Start + "caf\uFFFD", int64(len(utf8Start) + 3)},
		{"says nothing of valid UTF-8", []byte(utf8Start), utf8Start, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d Decoder
			got, err := d.Decode(tt.in, true)
			at, ok := d.Invalid()
			if err != nil || got != tt.want {
				t.Fatalf("Decode = %.40q… (error %v), want %.40q…", got[max(0, len(got)-20):], err, tt.want[max(0, len(tt.want)-20):])
			}
			if want := tt.invalid >= 0; ok != want || ok && at != tt.invalid {
				t.Errorf("Invalid() = %d, %v; want %d, %v", at, ok, tt.invalid, want)
			}
		})
	}
}

func FuzzDecoderInPieces(f *testing.F) {
	f.Add([]byte("plain caf\xE9"), uint64(1))
	f.Add(utf16LE("wide 🙂 text", true), uint64(2))
	f.Add([]byte("日本語 \xE6\x97 ok 🙂"), uint64(3))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		// Repeated past the windows the encoding is chosen from, too.
		long := bytes.Repeat(data, 1+3*headWindow/max(len(data), 1))
		for _, in := range [][]byte{data, long} {
			want, wantErr := Bytes(in)
			got, err := inPieces(in, seed)
			if got != want || !errors.Is(err, wantErr) {
				t.Fatalf("in pieces = %.200q (error %v), Bytes = %.200q (error %v)", got, err, want, wantErr)
			}
		}
	})
}
