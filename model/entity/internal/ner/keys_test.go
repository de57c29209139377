package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/margin-reader/margin/model/entity/data"
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
	down := bytes.Clone(good)
	binary.LittleEndian.PutUint32(down[len(down)-8:], 2)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"another magic is rejected", append([]byte("U"), good[1:]...)},
		{"a table cut short is rejected", good[:len(good)-1]},
		{"a table with bytes left over is rejected", append(bytes.Clone(good), 0)},
		{"a count without keys is rejected", good[:3]},
		{"a directory that does not start at the first key is rejected", down},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := readKeyTable(string(tc.data), "T", 2, "test"); !errors.Is(err, errCorrupt) {
				t.Errorf("got %v, want a corrupt table", err)
			}
		})
	}
}

// TestEmbeddedDirectoriesAreBuiltFromTheKeys builds the directory of each
// embedded table anew from its keys: the keys must be sorted and the
// directory the one read, as the read checks neither.
func TestEmbeddedDirectoriesAreBuiltFromTheKeys(t *testing.T) {
	for _, tc := range []struct {
		name, data, magic string
		width             int
	}{
		{"clusters.bin", data.Clusters(), clustersMagic, 2},
		{"casing.bin", data.Casing(), casingMagic, 1},
		{"hints.bin", data.Hints(), phraseSetMagic, 1},
	} {
		read, err := readKeyTable(tc.data, tc.magic, tc.width, tc.name)
		if err != nil {
			t.Fatal(err)
		}
		built := &keyTable{keys: read.keys, vals: read.vals, width: read.width}
		if !built.index() {
			t.Errorf("%s: keys out of order", tc.name)
		}
		if built.first != read.first || built.shift != read.shift {
			t.Errorf("%s: the directory read is not the one its keys build", tc.name)
		}
	}
}
