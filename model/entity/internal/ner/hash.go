package ner

import (
	"unicode"
	"unicode/utf8"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix combines two hashes into one, order-sensitively.
func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	return x
}

// key folds a feature hash to the 32-bit key stored in the model; 0 is
// reserved for empty slots.
func key(h uint64) uint32 {
	k := uint32(h ^ h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// hashRune extends FNV-1a hash h by the UTF-8 bytes of r. The one byte of
// ASCII is hashed here, small enough to be inlined; the rest in hashWide
// (a call for every rune was a third of describing a new word).
func hashRune(h uint64, r rune) uint64 {
	if r < 0x80 {
		return (h ^ uint64(r)) * fnvPrime
	}
	return hashWide(h, r)
}

func hashWide(h uint64, r rune) uint64 {
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	for i := 0; i < n; i++ {
		h ^= uint64(b[i])
		h *= fnvPrime
	}
	return h
}

// normRune maps the curly quotes and dashes of web text to their newswire
// forms, so "Kyiv’s" and "Kyiv's" look alike to the model.
func normRune(r rune) rune {
	switch r {
	case '’', '‘', '`', '´':
		return '\''
	case '“', '”', '„':
		return '"'
	case '‐', '–', '—':
		return '-'
	}
	return r
}

func lowerRune(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	return unicode.ToLower(r)
}

// LowerHash is the hash of w lower-cased with quotes normalised and digits
// written as 0, the key the gazetteers are looked up by.
func LowerHash(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		if r >= '0' && r <= '9' {
			r = '0'
		}
		h = hashRune(h, lowerRune(normRune(r)))
	}
	return h
}

// ExactHash is the hash of w with quotes normalised, case kept.
func ExactHash(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		h = hashRune(h, normRune(r))
	}
	return h
}

// PhraseHash extends the hash of a phrase by one more word hash.
func PhraseHash(phrase, word uint64) uint64 { return mix(phrase, word) }
