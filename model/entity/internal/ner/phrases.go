package ner

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"
)

// phraseTable maps 64-bit phrase hashes to masks: an open-addressing table
// read in place from the embedded bytes, as it is probed, so that a load
// builds nothing. The gazetteer's maps, built from its word lists at each
// load, were half of a model's load.
type phraseTable struct {
	keys string // little-endian uint64s, a power of two of them; 0 is empty
	vals string // a little-endian uint16 a slot
	// shift is 64 - log2 of the slots; maxProbe the most slots past its
	// home that a key lies, which bounds a probe whatever the bytes.
	shift, maxProbe uint64
}

// phraseMix spreads a hash over the slots by its top bits.
const phraseMix = 0x9E3779B97F4A7C15

// newPhraseTable holds the entries of m, at most half of the slots full.
func newPhraseTable(m map[uint64]uint16) (*phraseTable, error) {
	if _, ok := m[0]; ok {
		return nil, errors.New("a phrase hashes to 0, the empty slot")
	}
	logN := uint64(1)
	for 1<<logN < 2*len(m) {
		logN++
	}
	n := uint64(1) << logN
	keys, vals := make([]uint64, n), make([]uint16, n)
	t := &phraseTable{shift: 64 - logN}
	// Sorted, so that the same entries give the same bytes.
	for _, k := range slices.Sorted(maps.Keys(m)) {
		i, d := t.home(k), uint64(0)
		for keys[i] != 0 {
			i, d = (i+1)&(n-1), d+1
		}
		keys[i], vals[i] = k, m[k]
		t.maxProbe = max(t.maxProbe, d)
	}
	var kb, vb []byte
	for i := range keys {
		kb = binary.LittleEndian.AppendUint64(kb, keys[i])
		vb = binary.LittleEndian.AppendUint16(vb, vals[i])
	}
	t.keys, t.vals = string(kb), string(vb)
	return t, nil
}

func (t *phraseTable) home(h uint64) uint64 { return h * phraseMix >> t.shift }

func (t *phraseTable) key(i uint64) uint64 {
	b := t.keys[8*i : 8*i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// get is the mask of phrase h, 0 for none.
func (t *phraseTable) get(h uint64) uint16 {
	mask := uint64(len(t.vals)/2 - 1)
	i := t.home(h)
	for d := uint64(0); d <= t.maxProbe; d++ {
		switch t.key(i) {
		case h:
			return uint16(t.vals[2*i]) | uint16(t.vals[2*i+1])<<8
		case 0:
			return 0
		}
		i = (i + 1) & mask
	}
	return 0
}

// appendTo appends the table: log2 of its slots and maxProbe as uint32s,
// then the keys, then the masks.
func (t *phraseTable) appendTo(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(64-t.shift))
	b = binary.LittleEndian.AppendUint32(b, uint32(t.maxProbe))
	return append(append(b, t.keys...), t.vals...)
}

// readPhraseTable reads a table written by appendTo from the start of
// data, in place, and returns the rest of data.
func readPhraseTable(data string) (*phraseTable, string, error) {
	if len(data) < 8 {
		return nil, "", errCorrupt
	}
	logN := uint64(binary.LittleEndian.Uint32([]byte(data[:4])))
	maxProbe := uint64(binary.LittleEndian.Uint32([]byte(data[4:8])))
	data = data[8:]
	if logN < 1 || logN > 40 || uint64(len(data)) < 10<<logN || maxProbe >= 1<<logN {
		return nil, "", errCorrupt
	}
	n := int(1) << logN
	t := &phraseTable{keys: data[:8*n], vals: data[8*n : 10*n], shift: 64 - logN, maxProbe: maxProbe}
	return t, data[10*n:], nil
}
