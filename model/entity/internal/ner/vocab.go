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

// entryOf returns the profile entry of the words whose LowerHash is lower,
// made for the first of them.
func (v *Vocab) entryOf(lower uint64) int32 {
	if v.lowers == nil {
		v.lowers = make(map[uint64]int32)
	}
	k, ok := v.lowers[lower]
	if !ok {
		k = int32(len(v.profs))
		v.profs = append(v.profs, wordProfile{})
		v.lowers[lower] = k
	}
	return k
}

// AddProfile notes the words of one sentence Describe prepared in the
// document's profile, as Profile.Add does: the words of the Vocab in
// their entries by index, the others by their LowerHash.
func (v *Vocab) AddProfile(ws []Word) {
	for i := range ws {
		w := &ws[i]
		switch {
		case !notes(w):
		case w.id > 0:
			v.profs[v.entry[w.id-1]].note(ws, i)
		default:
			v.addRest(ws, i)
		}
	}
}

// addRest notes word i of ws, which has no index, in the entry of the
// Vocab's words it shares its LowerHash with, or else in rest.
func (v *Vocab) addRest(ws []Word, i int) {
	lower := ws[i].lower
	if k, ok := v.lowers[lower]; ok {
		v.profs[k].note(ws, i)
		return
	}
	if v.rest == nil {
		v.rest = Profile{}
	}
	v.rest.note(ws, i)
}

// profileOf is the profile of the words whose LowerHash is lower.
func (v *Vocab) profileOf(lower uint64) wordProfile {
	if k, ok := v.lowers[lower]; ok {
		return v.profs[k]
	}
	return v.rest[lower]
}

// ApplyProfile gives the document's profile, as AddProfile noted it, to
// every word v remembers and every word SentenceByIndex describes afresh.
func (v *Vocab) ApplyProfile() {
	for i := range v.words {
		v.words[i].prof = v.profs[v.entry[i]]
	}
}
