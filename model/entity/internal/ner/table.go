package ner

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// writeTable writes a table of 32-bit word keys and 16-bit values deflated:
// magic, the sorted keys as deltas, then the values. what names the table
// in errors.
func writeTable(w io.Writer, magic string, m map[uint32]uint16, what string) (int64, error) {
	keys := make([]uint32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b bytes.Buffer
	b.WriteString(magic)
	appendKeys(&b, keys)
	for _, k := range keys {
		b.Write(binary.LittleEndian.AppendUint16(nil, m[k]))
	}
	return writeDeflated(w, b.Bytes(), what)
}

// appendKeys writes the count of sorted keys, then each as its distance
// from the one before.
func appendKeys(b *bytes.Buffer, keys []uint32) {
	b.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	prev := uint32(0)
	for _, k := range keys {
		b.Write(binary.AppendUvarint(nil, uint64(k-prev)))
		prev = k
	}
}

// writeDeflated writes raw deflated at the best compression and returns
// the bytes written; what names the data in errors.
func writeDeflated(w io.Writer, raw []byte, what string) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := flate.NewWriter(cw, flate.BestCompression)
	if err != nil {
		return cw.n, fmt.Errorf("write %s: %w", what, err)
	}
	if _, err := zw.Write(raw); err != nil {
		return cw.n, fmt.Errorf("write %s: %w", what, err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write %s: %w", what, err)
	}
	return cw.n, nil
}

// readTable decodes a table written by writeTable with the same magic;
// empty data is an empty table.
func readTable(data []byte, magic, what string) (map[uint32]uint16, error) {
	keys, vals, err := decodeTable(data, magic, what)
	if err != nil {
		return nil, err
	}
	m := make(map[uint32]uint16, len(keys))
	for i, key := range keys {
		m[key] = vals[i]
	}
	return m, nil
}

// decodeTable decodes a table written by writeTable with the same magic
// into its sorted keys and their values; empty data is an empty table.
func decodeTable(data []byte, magic, what string) ([]uint32, []uint16, error) {
	if len(data) == 0 {
		return nil, nil, nil
	}
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", what, err)
	}
	bad := fmt.Errorf("read %s: %w", what, errCorrupt)
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, nil, bad
	}
	raw = raw[len(magic):]
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return nil, nil, bad
	}
	raw = raw[k:]
	keys := make([]uint32, n)
	prev := uint64(0)
	for i := range keys {
		d, k := binary.Uvarint(raw)
		if k <= 0 || prev+d > math.MaxUint32 || i > 0 && d == 0 {
			return nil, nil, bad
		}
		raw, prev = raw[k:], prev+d
		keys[i] = uint32(prev)
	}
	if uint64(len(raw)) != 2*n {
		return nil, nil, bad
	}
	vals := make([]uint16, n)
	for i := range vals {
		vals[i] = binary.LittleEndian.Uint16(raw[2*i:])
	}
	return keys, vals, nil
}
