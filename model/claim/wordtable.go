package claim

import (
	"iter"
	"math/bits"
)

// wordTable is a read-only map from word hashes to values, by open
// addressing. Its keys are FNV hashes already, so one multiply spreads
// them over the slots: a Go map hashed every key a second time, which was
// a quarter of the detector's time in BenchmarkAnalyze.
//
// A key and its value share a slot, so that a probe, most of them on a
// line no other probe of the sentence touched, reads one cache line, not
// one for the keys and another for the values.
type wordTable[V any] struct {
	slots []wordSlot[V] // key 0 marks an empty slot; the key 0 itself is kept aside
	shift uint
	// zero is the value of the key 0, and hasZero whether it is present.
	zero    V
	hasZero bool
}

// wordSlot is one slot of a wordTable.
type wordSlot[V any] struct {
	key uint64
	val V
}

// fibonacci is 2^64 over the golden ratio, the multiplier of Fibonacci hashing.
const fibonacci = 0x9E3779B97F4A7C15

// newWordTable copies m into a table with at most half its slots full,
// so that probes stay short.
func newWordTable[V any](m map[uint64]V) wordTable[V] { return spreadWordTable(m, 2) }

// newTokenTable is newWordTable for the table tokenize looks every token
// up in, at most a quarter full: many words of a text are in no set and
// no lexicon, and such a miss probes (1 + 1/(1-a)^2)/2 slots on average
// in a table a full (linear probing), up to 2.5 at half full and 1.4 at a
// quarter, and the branches cannot foretell where a probe ends
// (cachegrind Analyze$/^claims$ 3.9 M instructions and 0.1 M branch
// misses fewer a run).
func newTokenTable[V any](m map[uint64]V) wordTable[V] { return spreadWordTable(m, 4) }

// spreadWordTable copies m into a table of at least spread slots a key.
func spreadWordTable[V any](m map[uint64]V, spread int) wordTable[V] {
	size := 2
	for size < spread*len(m) {
		size *= 2
	}
	t := wordTable[V]{slots: make([]wordSlot[V], size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
	for k, v := range m {
		if k == 0 {
			t.zero, t.hasZero = v, true
			continue
		}
		i := t.slot(k)
		for t.slots[i].key != 0 {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = wordSlot[V]{key: k, val: v}
	}
	return t
}

// slot is k's first slot. shift is below 64 (a table has two slots at
// least); masking it says so, which spares the compiler's test for a
// shift of 64 or more in every look-up.
func (t *wordTable[V]) slot(k uint64) int { return int((k * fibonacci) >> (t.shift & 63)) }

// get returns the value of key k and whether it is present.
func (t *wordTable[V]) get(k uint64) (V, bool) {
	if k == 0 {
		return t.zero, t.hasZero
	}
	mask := len(t.slots) - 1
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch sl := &t.slots[i]; sl.key {
		case k:
			return sl.val, true
		case 0:
			var none V
			return none, false
		}
	}
}

// all yields every key and value of the table.
func (t *wordTable[V]) all() iter.Seq2[uint64, V] {
	return func(yield func(uint64, V) bool) {
		if t.hasZero && !yield(0, t.zero) {
			return
		}
		for i := range t.slots {
			if sl := &t.slots[i]; sl.key != 0 && !yield(sl.key, sl.val) {
				return
			}
		}
	}
}
