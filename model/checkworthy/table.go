package checkworthy

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/margin-reader/margin/model/entity"
)

// slot is what a feature hash maps to: its weight and, for a word, its
// closed classes and its share of the sentence's meaning term (Meaning),
// so scoring finds all with one probe.
type slot struct {
	key    uint64
	weight float32
	class  wordClass
	// meaning is the word's idf times its vector's dot product with the
	// learned direction, idf its idf: a sentence adds the sum of meaning
	// over the sum of idf, its idf-weighted mean vector's score.
	meaning, idf float32
}

// table is an open-addressing hash table from feature hashes to slots.
// Scoring probes it for every word and word pair of every sentence, and a
// Go map spent half of scoring's time hashing keys that are already hashes.
// Key 0 marks an empty slot; the one feature that might hash to 0 lives in
// zero.
type table struct {
	slots []slot
	shift uint
	zero  slot
	// fixed are the weights of the features that are not words and
	// have hashes known before any sentence, looked up once (fix).
	fixed fixedWeights
}

// fixedWeights are the weights of the length, capitals, entity-count,
// question, address and class features, by bucket or class: a sentence
// has five or six of them, and each look-up cost more than its weight's
// load.
type fixedWeights struct {
	length              [len(lengthBuckets)]float32
	caps, ents          [len(countBuckets)]float32
	question, addressed float32
	classes             [numClasses]float32
	// kinds and labels are the weights of the claim kinds the model
	// names and of every entity label, by name: a sentence has one or
	// two of each, and its name's hash and look-up cost more than a
	// search of a few names.
	kinds, labels []namedWeight
}

// namedWeight is a feature's weight under the part of its name after the
// prefix ("statistical" of "k:statistical").
type namedWeight struct {
	name   string
	weight float32
}

// fix looks the fixed features' weights up, once the table is filled;
// names are the weighted features' names by hash.
func (t *table) fix(names map[uint64]string) {
	f := &t.fixed
	for _, name := range names {
		if kind, ok := strings.CutPrefix(name, "k:"); ok {
			f.kinds = append(f.kinds, namedWeight{kind, t.find(hashString(kindPrefix, kind)).weight})
		}
	}
	// In the map's order, which changes from one run to the next, the
	// kinds were searched in a different order each run: scoring's
	// instructions moved by 0.7 M a run of the claims' benchmark.
	slices.SortFunc(f.kinds, func(a, b namedWeight) int { return strings.Compare(a.name, b.name) })
	for _, l := range entity.Labels {
		f.labels = append(f.labels, namedWeight{string(l), t.find(hashString(labelPrefix, string(l))).weight})
	}
	for i, h := range lengthHashes {
		f.length[i] = t.find(h).weight
	}
	for i := range countBuckets {
		f.caps[i], f.ents[i] = t.find(capsHashes[i]).weight, t.find(entsHashes[i]).weight
	}
	f.question, f.addressed = t.find(questionHash).weight, t.find(addressedHash).weight
	for i, h := range classHashes {
		f.classes[i] = t.find(h).weight
	}
}

// newTable returns a table for about n keys, at most a quarter full so a
// miss, the commonest probe, ends after one or two slots.
func newTable(n int) *table {
	size := 1 << max(4, bits.Len(uint(4*n)))
	return &table{slots: make([]slot, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// home is the first slot to probe for h: FNV's low bits are weak, so the
// hash is mixed by a Fibonacci multiply and its top bits taken. The shift
// is masked to what it is, below 64, so the compiler need not test it.
func (t *table) home(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> (t.shift & 63) }

// find returns the slot of h, or an empty slot (weight 0, no classes),
// which the caller must not change. A pointer, not a copy: the slot
// copied out of each look-up, with the shift's test, cost scoring 4.4 M
// instructions a run of the claims' benchmark.
func (t *table) find(h uint64) *slot {
	if h == 0 {
		return &t.zero
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.key == h || s.key == 0 {
			return s
		}
	}
}

// at returns the slot of h to fill, claiming an empty one if h is new.
func (t *table) at(h uint64) *slot {
	if h == 0 {
		return &t.zero
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == 0 {
			s.key = h
		}
		if s.key == h {
			return s
		}
	}
}
