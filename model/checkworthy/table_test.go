package checkworthy

import (
	"math/bits"
	"testing"
)

func TestTableFindsWhatWasStoredAndNothingElse(t *testing.T) {
	tests := []struct {
		name string
		keys []uint64
	}{
		{"a few feature hashes", []uint64{HashFeature("w:said"), HashFeature("bi:has been"), HashFeature("x:past")}},
		{"the hash 0, which marks empty slots", []uint64{0, 1, 2}},
		{"keys differing only in their top bits", []uint64{1 << 60, 2 << 60, 3 << 60, 4 << 60}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTable(len(tt.keys))
			for i, k := range tt.keys {
				tb.at(k).weight = float32(i + 1)
			}
			for i, k := range tt.keys {
				if got := tb.find(k).weight; got != float32(i+1) {
					t.Errorf("key %#x: weight %v, want %v", k, got, i+1)
				}
			}
			if s := tb.find(HashFeature("w:absent")); s.weight != 0 || s.class != 0 {
				t.Errorf("an absent key found %+v", s)
			}
		})
	}
}

// The pair marks share the slots of words that have weights of their own;
// a table sized as if each mark needed a slot of its own is twice as large
// for nothing.
func TestEmbeddedModelsTableIsSizedByItsKeys(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, s := range m.table.slots {
		if s.key != 0 {
			used++
		}
	}
	if want := 1 << bits.Len(uint(4*used)); len(m.table.slots) > want {
		t.Errorf("%d slots for %d keys, want at most %d", len(m.table.slots), used, want)
	}
}
