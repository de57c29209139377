package ner

// wordIndex finds the index of a word in a Vocab by its text: open
// addressing over the words' hashes. It does what a map[string]int32 did
// with about half the instructions a look-up (the map's look-ups were 4%
// of an analysis, one for every word of the text).
type wordIndex struct {
	slots []int32  // one more than an index into words; 0 for none
	words []string // by index
}

// minSlots is the size of a new index's table.
const minSlots = 1 << 10

// find returns the index of s, or -1, and the slot where s is or would go.
func (x *wordIndex) find(s string) (int32, int) {
	if x.slots == nil {
		x.slots = make([]int32, minSlots)
	}
	mask := len(x.slots) - 1
	at := int(textHash(s)) & mask
	for {
		k := x.slots[at] - 1
		if k < 0 {
			return -1, at
		}
		if x.words[k] == s {
			return k, at
		}
		at = (at + 1) & mask
	}
}

// textHash is FNV-1a over the bytes of s, mixed so that its low bits,
// which pick a slot, depend on every byte: written in line, it costs a
// third of hash/maphash's calls for words of a few bytes.
func textHash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h ^ h>>29
}

// add gives s, which find did not find at slot at, the next index.
func (x *wordIndex) add(s string, at int) int32 {
	k := int32(len(x.words))
	x.words = append(x.words, s)
	x.slots[at] = k + 1
	if 2*len(x.words) > len(x.slots) {
		x.grow()
	}
	return k
}

// grow doubles the table, keeping it at most half full.
func (x *wordIndex) grow() {
	x.slots = make([]int32, 2*len(x.slots))
	mask := len(x.slots) - 1
	for k, s := range x.words {
		at := int(textHash(s)) & mask
		for x.slots[at] != 0 {
			at = (at + 1) & mask
		}
		x.slots[at] = int32(k) + 1
	}
}

// reset forgets every word, keeping the table's room.
func (x *wordIndex) reset() {
	clear(x.slots)
	x.words = x.words[:0]
}
