// Package wire is the compact binary encoding of margin's note caches:
// unsigned varints and length-prefixed strings, appended to a buffer and
// read back in the same order. A Reader that meets a short or malformed
// buffer stops and reports it once, at the end, so a damaged cache is
// simply not used.
package wire

import (
	"encoding/binary"
	"errors"
	"time"
)

// Writer appends values to a buffer.
type Writer struct{ Buf []byte }

// Uint appends v.
func (w *Writer) Uint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }

// Int appends v, which may be negative.
func (w *Writer) Int(v int64) { w.Buf = binary.AppendVarint(w.Buf, v) }

// Time appends t to the nanosecond (its instant, not its zone); the
// zero time reads back as zero.
func (w *Writer) Time(t time.Time) {
	w.Int(t.Unix())
	w.Uint(uint64(t.Nanosecond()))
}

// String appends s with its length.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.Buf = append(w.Buf, s...)
}

// Strings appends a list of strings with its length.
func (w *Writer) Strings(ss []string) {
	w.Uint(uint64(len(ss)))
	for _, s := range ss {
		w.String(s)
	}
}

// ErrShort is a buffer that ends, or holds a length, where a value should be.
var ErrShort = errors.New("cache is damaged or short")

// Reader reads values from a string in the order they were written.
// Strings it returns share the string's memory: reading copies nothing.
type Reader struct {
	s   string
	n   int // len of the whole string
	err error
}

// NewReader reads s.
func NewReader(s string) *Reader { return &Reader{s: s, n: len(s)} }

// Pos is how many bytes have been read: after String, the string ends
// there, so the caller can take the same bytes from a []byte copy.
func (r *Reader) Pos() int { return r.n - len(r.s) }

// Err is ErrShort if any read ran past the end or met a bad varint.
func (r *Reader) Err() error { return r.err }

// Rest is what is left to read.
func (r *Reader) Rest() string { return r.s }

// Done reports whether everything was read without error.
func (r *Reader) Done() bool { return r.err == nil && r.s == "" }

// Uint reads an unsigned varint, as binary.Uvarint would, from the
// string itself.
func (r *Reader) Uint() uint64 {
	var v uint64
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // more than 64 bits
			}
			r.s = r.s[i+1:]
			return v | uint64(c)<<(7*i)
		}
		v |= uint64(c&0x7f) << (7 * i)
	}
	r.fail()
	return 0
}

// Int reads a signed varint (zig-zag encoded, as binary.AppendVarint).
func (r *Reader) Int() int64 {
	u := r.Uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// Time reads a time written by Writer.Time, in UTC.
func (r *Reader) Time() time.Time {
	sec, nsec := r.Int(), r.Uint()
	if nsec >= 1e9 {
		r.fail()
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).UTC()
}

// String reads a length-prefixed string.
func (r *Reader) String() string {
	n := r.Uint()
	if r.err != nil || n > uint64(len(r.s)) {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// Strings reads a list written by Writer.Strings; an empty list is nil.
func (r *Reader) Strings() []string {
	n := r.Uint()
	if r.err != nil || n > uint64(len(r.s)) {
		r.fail()
		return nil
	}
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.String()
	}
	return out
}

func (r *Reader) fail() {
	r.err = ErrShort
	r.s = ""
}
