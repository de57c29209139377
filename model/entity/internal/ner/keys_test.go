package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"
)

// randomKeys draws n distinct keys and values below limit, with a fixed seed.
func randomKeys(n int, limit uint16) map[uint32]uint16 {
	rng := rand.New(rand.NewPCG(1, 2))
	m := make(map[uint32]uint16, n)
	for len(m) < n {
		m[rng.Uint32()] = uint16(rng.IntN(int(limit)))
	}
	return m
}

func TestKeyTableFindsWhatAMapFinds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		width int
		limit uint16
	}{
		{"an empty table finds nothing", 0, 2, 1 << 15},
		{"a table of one key finds it", 1, 2, 1 << 15},
		{"a table of one bucket finds its keys", 10, 1, 6},
		{"a table of many buckets finds its 16-bit values", 5000, 2, 1 << 15},
		{"a table of many buckets finds its one-byte values", 5000, 1, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := randomKeys(tc.n, tc.limit)
			tab, err := readKeyTable(string(tableBytes(t, newKeyTable(m, tc.width))), "T", tc.width, "test")
			if err != nil {
				t.Fatal(err)
			}
			if tab.Len() != len(m) {
				t.Fatalf("read %d keys, wrote %d", tab.Len(), len(m))
			}
			for k, v := range m {
				if got := tab.lookup(k); got != v {
					t.Fatalf("key %x: got %d, want %d", k, got, v)
				}
			}
			rng := rand.New(rand.NewPCG(3, 4))
			for range 1000 {
				k := rng.Uint32()
				if got := tab.lookup(k); got != m[k] {
					t.Fatalf("key %x, absent or not: got %d, want %d", k, got, m[k])
				}
			}
		})
	}
}

// tableBytes is what tab writes with the magic "T".
func tableBytes(t *testing.T, tab *keyTable) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := tab.writeTo(&b, "T", "test"); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadKeyTableRejectsBadData(t *testing.T) {
	good := tableBytes(t, newKeyTable(map[uint32]uint16{5: 1, 9: 2}, 2))
	unsorted := append([]byte("T"), binary.LittleEndian.AppendUint32(nil, 2)...)
	for _, k := range []uint32{9, 5} {
		unsorted = binary.LittleEndian.AppendUint32(unsorted, k)
	}
	unsorted = append(unsorted, 1, 0, 2, 0)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"another magic is rejected", append([]byte("U"), good[1:]...)},
		{"a table cut short is rejected", good[:len(good)-1]},
		{"a table with bytes left over is rejected", append(bytes.Clone(good), 0)},
		{"a count without keys is rejected", good[:3]},
		{"keys out of order are rejected", unsorted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := readKeyTable(string(tc.data), "T", 2, "test"); !errors.Is(err, errCorrupt) {
				t.Errorf("got %v, want a corrupt table", err)
			}
		})
	}
}
