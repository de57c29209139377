package ner

import (
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// keyTable maps 32-bit word keys to small values, read in place from the
// embedded bytes: the sorted keys, the values of width bytes each in the
// same order, and a directory of buckets over the keys. Decoding the word
// clusters into a map was a fifth of a model load, and the map's heap
// outweighed the bytes it was decoded from; building the directory from
// the keys at each load was a tenth of what was left of it.
type keyTable struct {
	keys  string // little-endian uint32s, sorted
	vals  string // width bytes a key, little-endian
	width int
	// first holds, as little-endian uint32s, for each bucket b the index
	// of the first key whose top bits are b or more, and then the count of
	// keys: a lookup searches the keys of one bucket, a cache line or two,
	// not the whole table.
	first string
	shift uint32 // 32 - log2 of the buckets
}

// keysPerTableBucket sizes a keyTable's directory: 4 bytes a bucket of
// about 16 keys (64 bytes), a cache line or two. Four keys a bucket cost
// the hint phrases four times the heap (520 KB) for no less time.
const keysPerTableBucket = 16

// newKeyTable holds the entries of m, whose values must fit in width
// (1 or 2) bytes, sorted by key.
func newKeyTable(m map[uint32]uint16, width int) *keyTable {
	var kb, vb []byte
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kb = binary.LittleEndian.AppendUint32(kb, k)
		if width == 1 {
			vb = append(vb, byte(m[k]))
		} else {
			vb = binary.LittleEndian.AppendUint16(vb, m[k])
		}
	}
	t := &keyTable{keys: string(kb), vals: string(vb), width: width}
	t.index()
	return t
}

// index builds the directory of buckets over the keys and reports
// whether they are sorted, in one pass.
func (t *keyTable) index() bool {
	n, logB := t.Len(), uint32(0)
	for 1<<logB < n/keysPerTableBucket && logB < 32 {
		logB++
	}
	t.shift = 32 - logB
	first := make([]byte, 0, 4*(1<<logB+1))
	i, prev := 0, uint32(0)
	for b := range 1<<logB + 1 {
		for ; i < n; i++ {
			k := t.key(i)
			if uint64(k)>>t.shift >= uint64(b) {
				break
			}
			if i > 0 && k <= prev {
				return false
			}
			prev = k
		}
		first = binary.LittleEndian.AppendUint32(first, uint32(i))
	}
	t.first = string(first)
	return true
}

// bucket is the index of the first key of bucket b.
func (t *keyTable) bucket(b uint64) int {
	s := t.first[4*b : 4*b+4]
	return int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// Len is the number of keys.
func (t *keyTable) Len() int { return len(t.keys) / 4 }

func (t *keyTable) key(i int) uint32 {
	b := t.keys[4*i : 4*i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (t *keyTable) value(i int) uint16 {
	v := uint16(t.vals[t.width*i])
	if t.width == 2 {
		v |= uint16(t.vals[2*i+1]) << 8
	}
	return v
}

// lookup is the value of key k, 0 for none; a nil or empty table has none.
func (t *keyTable) lookup(k uint32) uint16 {
	if t == nil || len(t.keys) == 0 {
		return 0
	}
	b := uint64(k) >> t.shift
	lo, end := t.bucket(b), t.bucket(b+1)
	// sort.Search written out: a closure call a step cost more than the
	// search of a bucket.
	for hi := end; lo < hi; {
		if mid := int(uint(lo+hi) >> 1); t.key(mid) < k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == end || t.key(lo) != k {
		return 0
	}
	return t.value(lo)
}

// writeTo writes the table as it is held: magic, the count of keys
// (uint32), the keys, the values, log2 of the buckets (uint32) and the
// directory; what names the table in errors.
func (t *keyTable) writeTo(w io.Writer, magic, what string) (int64, error) {
	b := make([]byte, 0, len(magic)+8+len(t.keys)+len(t.vals)+len(t.first))
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(t.Len()))
	b = append(b, t.keys...)
	b = append(b, t.vals...)
	b = binary.LittleEndian.AppendUint32(b, 32-t.shift)
	b = append(b, t.first...)
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("write %s: %w", what, err)
	}
	return int64(n), nil
}

// readKeyTable reads a table written by writeTo with the same magic and
// width, in place: the table keeps slices of data. Empty data is an empty
// table. The directory is checked to keep each bucket within the keys;
// the keys' order, which only a wrong answer would show, is not.
func readKeyTable(data, magic string, width int, what string) (*keyTable, error) {
	if data == "" {
		return &keyTable{width: width}, nil
	}
	bad := fmt.Errorf("read %s: %w", what, errCorrupt)
	rest, ok := strings.CutPrefix(data, magic)
	if !ok || len(rest) < 4 {
		return nil, bad
	}
	n := uint64(binary.LittleEndian.Uint32([]byte(rest[:4])))
	rest = rest[4:]
	size := uint64(4+width) * n
	if uint64(len(rest)) < size+4 {
		return nil, bad
	}
	t := &keyTable{keys: rest[:4*n], vals: rest[4*n : size], width: width}
	rest = rest[size:]
	logB := binary.LittleEndian.Uint32([]byte(rest[:4]))
	if logB > 32 || uint64(len(rest)-4) != 4*(1<<logB+1) {
		return nil, bad
	}
	t.first, t.shift = rest[4:], 32-logB
	if !t.bucketsInOrder() {
		return nil, bad
	}
	return t, nil
}

// bucketsInOrder reports whether the directory starts at 0, never goes
// down and ends at the count of keys.
func (t *keyTable) bucketsInOrder() bool {
	last := uint64(len(t.first)/4 - 1)
	prev := 0
	for b := range last + 1 {
		at := t.bucket(b)
		if at < prev || b == 0 && at != 0 {
			return false
		}
		prev = at
	}
	return prev == t.Len()
}
