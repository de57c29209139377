package ner

import (
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// PhraseSet holds large hint lists (tens of thousands of place and person
// names) as the sorted 32-bit keys of their phrases' PhraseHash, each with
// a hint mask. It reads them in place from the embedded bytes, as the
// clusters and casing are read: decoding a table this large would double
// the model's load time. One 32-bit key in about 15,000 of another phrase
// collides.
type PhraseSet struct {
	keys  string // little-endian uint32s, sorted
	masks string // one byte a key
	// first[b] is the index of the first key whose top bits are b or more,
	// so that a lookup searches the keys of one bucket: a binary search
	// of the whole set missed the cache at nearly every step.
	first []uint32
	shift uint32 // 32 - log2 of the buckets
}

// keysPerBucket sizes the directory of a PhraseSet: 4 bytes a bucket of
// about 16 keys, 64 bytes, a cache line or two. Four keys a bucket cost
// four times the heap (520 KB) for no less time.
const keysPerBucket = 16

// index builds the directory of buckets over the sorted keys.
func (s *PhraseSet) index() {
	n, logB := len(s.masks), uint32(0)
	for 1<<logB < n/keysPerBucket && logB < 32 {
		logB++
	}
	s.shift = 32 - logB
	s.first = make([]uint32, 1<<logB+1)
	i := 0
	for b := range s.first {
		for i < n && uint64(s.key(i))>>s.shift < uint64(b) {
			i++
		}
		s.first[b] = uint32(i)
	}
}

const phraseSetMagic = "mgph1"

// maxHintWords is the most words a PhraseSet entry has; longer ones are
// left out when it is built.
const maxHintWords = 6

// Mask is the hint mask of the phrase with the given PhraseHash, 0 for
// none; a nil set is empty.
func (s *PhraseSet) Mask(h uint64) uint8 {
	if s == nil {
		return 0
	}
	if len(s.masks) == 0 {
		return 0
	}
	k := key(h)
	b := uint64(k) >> s.shift
	lo, end := int(s.first[b]), int(s.first[b+1])
	// sort.Search written out, without a call of a closure per step.
	for hi := end; lo < hi; {
		if mid := int(uint(lo+hi) >> 1); s.key(mid) < k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == end || s.key(lo) != k {
		return 0
	}
	return s.masks[lo]
}

func (s *PhraseSet) key(i int) uint32 {
	b := s.keys[4*i : 4*i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// Len is the number of phrases and phrase beginnings the set holds.
func (s *PhraseSet) Len() int { return len(s.masks) }

// BuildPhraseSet hashes the entries of the lists, written as in text:
// lists[li] sets hint bit li, so lists[HintCity] are cities. Entries of
// more than maxHintWords words are left out.
func BuildPhraseSet(lists [][]string) *PhraseSet {
	m := map[uint32]uint8{}
	var toks []Token
	for li, entries := range lists {
		for _, e := range entries {
			toks = Tokenize(e, 0, len(e), toks[:0])
			if len(toks) == 0 || len(toks) > maxHintWords {
				continue
			}
			h := uint64(0)
			for i, t := range toks {
				h = PhraseHash(h, ExactHash(e[t.Start:t.End]))
				if i < len(toks)-1 {
					m[key(h)] |= hintPrefix
				}
			}
			m[key(h)] |= 1 << li
		}
	}
	var kb, mb []byte
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kb = binary.LittleEndian.AppendUint32(kb, k)
		mb = append(mb, m[k])
	}
	s := &PhraseSet{keys: string(kb), masks: string(mb)}
	s.index()
	return s
}

// WriteTo writes the set: magic, the count of keys, the keys, the masks.
func (s *PhraseSet) WriteTo(w io.Writer) (int64, error) {
	var b []byte
	b = append(b, phraseSetMagic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s.masks)))
	b = append(b, s.keys...)
	b = append(b, s.masks...)
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("write hint phrases: %w", err)
	}
	return int64(n), nil
}

// ReadPhraseSet reads a set written by WriteTo, in place; empty data is an
// empty set.
func ReadPhraseSet(data string) (*PhraseSet, error) {
	if data == "" {
		return &PhraseSet{}, nil
	}
	bad := fmt.Errorf("read hint phrases: %w", errCorrupt)
	rest, ok := strings.CutPrefix(data, phraseSetMagic)
	if !ok || len(rest) < 4 {
		return nil, bad
	}
	n := int(binary.LittleEndian.Uint32([]byte(rest[:4])))
	rest = rest[4:]
	if len(rest) != 5*n {
		return nil, bad
	}
	s := &PhraseSet{keys: rest[:4*n], masks: rest[4*n:]}
	for i := 1; i < n; i++ {
		if s.key(i-1) >= s.key(i) {
			return nil, bad
		}
	}
	s.index()
	return s, nil
}
