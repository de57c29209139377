package ner

import (
	"bytes"
	"encoding/binary"
)

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
