package ner

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"unsafe"
)

// Model is a trained tagger: int8 weights per (feature, tag) in an
// open-addressing table keyed by 32-bit feature hashes, and float transition
// scores between BIO tags. Read-only after loading, so safe to share.
type Model struct {
	// Types are the entity types, e.g. PER ORG LOC MISC. Tag 0 is O; tag
	// 1+2k is B-Types[k] and 2+2k is I-Types[k].
	Types []string
	nt    int
	scale float32
	trans []float32  // (nt+1) rows of nt: row p is the previous tag, row nt the start
	rows  *transRows // trans laid out for decode
	// slots hold the features' weights, each at or after the slot its key
	// spreads to under mask (a power of two less one), with no wrapping
	// around: the slots past mask+1 hold those pushed past the end, and
	// the last is always empty, so a probe ends there at the latest.
	slots []slot
	mask  uint32
	nfeat int
	// seen has a bit set for each feature's filterHash: most features a
	// text yields have no weights, and one bit in a table that stays in
	// cache answers for them without a probe of slots, which does not.
	seen  []uint64
	shift uint32 // 32 - log2 of the bits of seen
}

// maxTags bounds the tag set so that a feature's key and weights share one
// 32-byte slot: one cache line visit per feature.
const maxTags = 12

type slot struct {
	key uint32 // 0 = empty
	w   packed
}

// magic begins a model file; MNER1 held the sorted keys and their
// weights, from which each load built the tables.
const magic = "MNER2"

var negInf = float32(math.Inf(-1))

// NumTags is the number of BIO tags.
func (m *Model) NumTags() int { return m.nt }

// NumFeatures is the number of features with weights.
func (m *Model) NumFeatures() int { return m.nfeat }

// newModel builds a model from sorted unique keys and their weight rows.
func newModel(types []string, scale float32, trans []float32, keys []uint32, w []int8) *Model {
	nt := 1 + 2*len(types)
	m := &Model{Types: types, nt: nt, scale: scale, trans: trans, nfeat: len(keys)}
	n := 1
	for n < 3*len(keys)/2+2 {
		n <<= 1
	}
	m.mask = uint32(n - 1)
	m.slots = make([]slot, n+1)
	for i, k := range keys {
		s := int(spread(k) & m.mask)
		for m.slots[s].key != 0 {
			s++
		}
		if s == len(m.slots)-1 {
			m.slots = append(m.slots, slot{})
		}
		m.slots[s].key = k
		m.slots[s].w = pack(w[i*nt : i*nt+nt])
	}
	m.fillSeen(keys)
	m.constrain()
	m.rows = rowsOf(m.trans, nt)
	return m
}

// seenBitsPerKey sizes the filter: 8 bits a key let through about one
// feature without weights in eight, and fit 64 KB, nearer the core than
// 16 bits' 128 KB (Model.add took 0.41 s against 0.51, medians of four
// alternating 10x BenchmarkTag profiles).
const seenBitsPerKey = 8

func (m *Model) fillSeen(keys []uint32) {
	bits, logBits := 64, uint32(6)
	for bits < seenBitsPerKey*len(keys) {
		bits, logBits = bits<<1, logBits+1
	}
	m.seen = make([]uint64, bits/64)
	m.shift = 32 - logBits
	for _, k := range keys {
		h := m.filterHash(k)
		m.seen[h>>6] |= 1 << (h & 63)
	}
}

// filterHash takes the high bits of a product unlike spread's, so that the
// filter and the slots do not collide on the same keys.
func (m *Model) filterHash(k uint32) uint32 { return (k * 0x85EBCA77) >> m.shift }

// constrain forbids I-X except after B-X or I-X, so every decoded tag
// sequence spells well-formed spans.
func (m *Model) constrain() {
	for p := 0; p <= m.nt; p++ {
		for t := 2; t < m.nt; t += 2 {
			if p != t && p != t-1 {
				m.trans[p*m.nt+t] = negInf
			}
		}
	}
}

func spread(k uint32) uint32 { return k * 0x9E3779B1 }

// row returns the weights of feature k, or nil.
func (m *Model) row(k uint32) *packed {
	if !m.maybeHas(k) {
		return nil
	}
	return m.probe(k)
}

// maybeHas is false only for a feature without weights.
func (m *Model) maybeHas(k uint32) bool {
	h := m.filterHash(k)
	return m.seen[h>>6]&(1<<(h&63)) != 0
}

// probe finds feature k in slots, or returns nil.
func (m *Model) probe(k uint32) *packed {
	for s := spread(k) & m.mask; ; s++ {
		switch sl := &m.slots[s]; sl.key {
		case k:
			return &sl.w
		case 0:
			return nil
		}
	}
}

// Scratch holds the buffers one decoding needs; one per goroutine. It
// caches summed weights of the words it has seen (see wordSums), which
// depend on the model: use one Scratch with one Model only.
type Scratch struct {
	// sums holds the weights of a Vocab's words by their ids, edge those of
	// the boundary, and spare those of a word without an id as a
	// neighbour; local caches the local weights of the words without one.
	sums  []wordSums
	edge  wordSums
	spare wordSums
	local map[uint64]packed
	// entry, near and ownNear are what prepare looks up for a sentence.
	entry   []*wordSums
	near    []*[nRoles]packed
	ownNear [][nRoles]packed
	feats   []uint32
	emit    []float32
	back    []uint8
	tags    []int
}

// Reset empties the caches of word weights.
func (sc *Scratch) Reset() {
	clear(sc.local)
	clear(sc.sums)
}

// Len is the number of words whose weights the Scratch caches.
func (sc *Scratch) Len() int { return max(len(sc.local), len(sc.sums)) }

// Expect makes room for the sums of a Vocab of n words at once, rather than
// as they come, which copied them over and over.
func (sc *Scratch) Expect(n int) {
	n = min(n, maxSums)
	sc.sums = slices.Grow(sc.sums[:0], n)[:n]
	clear(sc.sums)
}

// maxCached bounds the cache of words without an id in a Scratch, and
// maxSums the ids it caches (328 bytes a word): a text's first words are
// its most frequent, and those it writes first after 16,384 others are 3%
// of the words of 5 MB of PolNeAR's training articles.
const (
	maxCached = 1 << 16
	maxSums   = 1 << 14
)

// add adds to acc the weights of the features feats.
func (m *Model) add(acc *packed, feats []uint32) {
	for _, k := range feats {
		if !m.maybeHas(k) {
			continue
		}
		if r := m.probe(k); r != nil {
			acc.add(r)
		}
	}
}

// Tag returns the BIO tag of each word of a prepared sentence.
func (m *Model) Tag(ws []Word, sc *Scratch) []int {
	n := len(ws)
	// maxTags scores a word, not nt: a row is written from the packed sums
	// at once, the places past nt as well (that decode skips), with no
	// unpacking into an array and copying it.
	sc.emit = slices.Grow(sc.emit[:0], n*maxTags)[:n*maxTags]
	if sc.local == nil || len(sc.local) > maxCached {
		sc.local = make(map[uint64]packed)
	}
	m.prepare(ws, sc)
	scale := m.scale
	for i := range ws {
		s := sc.entry[i]
		acc := m.localSums(&ws[i], s, sc)
		addNear(&acc, i, sc)
		m.addAggregate(&acc, ws, i, s, sc)
		sc.feats = pairFeatures(ws, i, sc.feats[:0])
		m.add(&acc, sc.feats)
		acc.scaled((*[maxTags]float32)(sc.emit[i*maxTags:]), scale)
	}
	sc.tags = decode(sc.emit, n, m.nt, maxTags, m.rows, sc)
	return sc.tags
}

// transRows are transitions laid out for decode: row p holds the scores of
// moving from tag p to each tag, row maxTags those of starting with each,
// and the places past a tag set's nt tags hold -Inf. lo[p] and hi[p] are
// the lowest and the highest score of moving from tag p to a tag that any
// tag may precede (O and B-X), for decode's bound.
type transRows struct {
	r      [maxTags + 1][maxTags]float32
	lo, hi [maxTags]float32
}

// rowsOf lays out trans, (nt+1) rows of nt, as transRows.
func rowsOf(trans []float32, nt int) *transRows {
	var tr transRows
	r := &tr.r
	for p := range r {
		for t := range r[p] {
			r[p][t] = negInf
		}
	}
	for p := 0; p < nt; p++ {
		copy(r[p][:nt], trans[p*nt:p*nt+nt])
	}
	copy(r[maxTags][:nt], trans[nt*nt:nt*nt+nt])
	for p := 0; p < nt; p++ {
		tr.lo[p], tr.hi[p] = r[p][0], r[p][0]
		for t := 1; t < nt; t += 2 {
			tr.lo[p], tr.hi[p] = min(tr.lo[p], r[p][t]), max(tr.hi[p], r[p][t])
		}
	}
	return &tr
}

// viterbi returns the best tag sequence of n words under emission scores
// emit (n rows of nt) and transitions trans (see Model.trans).
func viterbi(emit []float32, n, nt int, trans []float32, sc *Scratch) []int {
	return decode(emit, n, nt, nt, rowsOf(trans, nt), sc)
}

// decode is viterbi with the transitions laid out as transRows. The tags
// that may follow any tag, O and B-X (tag 0 and the odd tags: up to 9, as
// a tag set of at most maxTags = 12 has an odd number), are scored a
// previous tag at a time, against bests at fixed places that need no
// bounds checks: the same sums and comparisons in the same order per tag
// as a loop over the previous tags for each tag, so ties still go to the
// first previous tag, at half the instructions (that loop was 14% of an
// analysis). The check beside packed.add holds maxTags to the 12 written
// out. Word i's scores start at emit[i*stride].
func decode(emit []float32, n, nt, stride int, trs *transRows, sc *Scratch) []int {
	sc.tags = slices.Grow(sc.tags[:0], n)[:n]
	if n == 0 {
		return sc.tags
	}
	sc.back = slices.Grow(sc.back[:0], n*nt)[:n*nt]
	tr := &trs.r
	var cur [maxTags]float32
	for t := range emit[:nt] {
		cur[t] = tr[maxTags][t] + emit[t]
	}
	floor := reached(&cur, nt, trs)
	for i := 1; i < n; i++ {
		best := [maxTags]float32{negInf, negInf, 0, negInf, 0, negInf, 0, negInf, 0, negInf}
		var arg [maxTags]uint8
		for p, v := range cur[:nt] {
			if v+trs.hi[p] < floor {
				// Below what every O and B-X reaches anyway, and as
				// rounding a sum is monotonic, no move from p is the best
				// or ties it: true of most previous tags, as one tag's
				// emission outweighs the others' (about one previous tag
				// a word is left, and decode took 46 M instructions of a
				// run of BenchmarkAnalyzeNews before this and the B-X and
				// I-X loop below, 31 M after).
				continue
			}
			row := &tr[p]
			if s := v + row[0]; s > best[0] {
				best[0], arg[0] = s, uint8(p)
			}
			if s := v + row[1]; s > best[1] {
				best[1], arg[1] = s, uint8(p)
			}
			if s := v + row[3]; s > best[3] {
				best[3], arg[3] = s, uint8(p)
			}
			if s := v + row[5]; s > best[5] {
				best[5], arg[5] = s, uint8(p)
			}
			if s := v + row[7]; s > best[7] {
				best[7], arg[7] = s, uint8(p)
			}
			if s := v + row[9]; nt > 9 && s > best[9] {
				best[9], arg[9] = s, uint8(p)
			}
		}
		e, back := emit[i*stride:i*stride+nt], sc.back[i*nt:i*nt+nt]
		cur[0], back[0] = best[0]+e[0], arg[0]
		floor = cur[0] + trs.lo[0] // reached, in the same loop
		for b := 1; b+1 < nt; b += 2 {
			// I-X follows only B-X or I-X: its best is read from their
			// scores before they are overwritten.
			ib, ia := cur[b]+tr[b][b+1], uint8(b)
			if s := cur[b+1] + tr[b+1][b+1]; s > ib {
				ib, ia = s, uint8(b+1)
			}
			cur[b], back[b] = best[b]+e[b], arg[b]
			cur[b+1], back[b+1] = ib+e[b+1], ia
			if s := cur[b] + trs.lo[b]; s > floor {
				floor = s
			}
			if s := cur[b+1] + trs.lo[b+1]; s > floor {
				floor = s
			}
		}
	}
	top, at := negInf, 0
	for t, v := range cur[:nt] {
		if v > top {
			top, at = v, t
		}
	}
	for i := n - 1; i >= 0; i-- {
		sc.tags[i] = at
		at = int(sc.back[i*nt+at])
	}
	return sc.tags
}

// reached is a score that the best move to each of O and B-X reaches from
// the scores cur of the previous word: the most any previous tag reaches
// with its lowest move to them.
func reached(cur *[maxTags]float32, nt int, trs *transRows) float32 {
	floor := negInf
	for p, v := range cur[:nt] {
		// Compared, not max: max's care for NaN and signed zeros, which
		// the scores never are, took three times the instructions.
		if s := v + trs.lo[p]; s > floor {
			floor = s
		}
	}
	return floor
}

// The file holds the tables as they are probed, so that a load views them
// in place rather than building them: after the header (the magic, the
// types, the scale, the transitions, then as uvarints the count of
// features, of slots, of the slots a key spreads to and of the words of
// seen), zeros up to a multiple of slotSize, then the
// slots, each its key as a little-endian uint32, four zero bytes and the
// three words of its packed weights, then the words of seen. Building the
// slots from sorted keys and weight rows was half of a model's load, and
// most of that the page faults of their 4 MB of heap.
const slotSize = 32

// viewable is whether a slot lies in memory as in the file: 32 bytes, its
// key first, its weights from byte 8, little-endian. Otherwise (on a
// 32-bit machine, where a slot is 28 bytes) Read decodes the tables into
// the heap.
var viewable = unsafe.Sizeof(slot{}) == slotSize && unsafe.Offsetof(slot{}.w) == 8 &&
	binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// WriteTo writes the model in its file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(binary.AppendUvarint(nil, uint64(len(m.Types))))
	for _, t := range m.Types {
		b.Write(binary.AppendUvarint(nil, uint64(len(t))))
		b.WriteString(t)
	}
	binary.Write(&b, binary.LittleEndian, m.scale)
	binary.Write(&b, binary.LittleEndian, m.freeTransitions())
	for _, n := range []int{m.nfeat, len(m.slots), int(m.mask) + 1, len(m.seen)} {
		b.Write(binary.AppendUvarint(nil, uint64(n)))
	}
	b.Write(make([]byte, -b.Len()&(slotSize-1)))
	out := b.Bytes()
	for _, sl := range m.slots {
		out = binary.LittleEndian.AppendUint64(out, uint64(sl.key))
		for _, x := range sl.w {
			out = binary.LittleEndian.AppendUint64(out, x)
		}
	}
	for _, x := range m.seen {
		out = binary.LittleEndian.AppendUint64(out, x)
	}
	n, err := w.Write(out)
	if err != nil {
		return int64(n), fmt.Errorf("write model: %w", err)
	}
	return int64(n), nil
}

// Relaid is m with its tables built anew from its features' weights, as
// training builds them: the same bytes as m's when the layout is the one
// newModel makes now. It reads the slots as they lie, not by probing, so
// a model laid out under another spread or filter hash relays as well.
func (m *Model) Relaid() *Model {
	var feats []slot
	for _, sl := range m.slots {
		if sl.key != 0 {
			feats = append(feats, sl)
		}
	}
	slices.SortFunc(feats, func(a, b slot) int { return cmp.Compare(a.key, b.key) })
	keys := make([]uint32, len(feats))
	w := make([]int8, 0, len(feats)*m.nt)
	var row [maxTags]int32
	for i := range feats {
		keys[i] = feats[i].key
		feats[i].w.unpack(&row)
		for _, v := range row[:m.nt] {
			w = append(w, int8(v))
		}
	}
	return newModel(slices.Clone(m.Types), m.scale, m.freeTransitions(), keys, w)
}

// freeTransitions is a copy of the transitions without constrain's -Inf,
// which a load puts back: those a file holds and newModel takes.
func (m *Model) freeTransitions() []float32 {
	tr := slices.Clone(m.trans)
	for i, v := range tr {
		if math.IsInf(float64(v), -1) {
			tr[i] = 0
		}
	}
	return tr
}

var errCorrupt = errors.New("corrupt model file")

// Read reads a model written by WriteTo. Its tables are views of data,
// which must not change while the model is used, when data starts where a
// slot may (its tables start a multiple of slotSize into data, so a slot's
// own alignment, 8 bytes, is enough) and a slot lies in memory as in the
// file; else they are copied out of it. Embedded files have been aligned
// so, but only as the linker happens to align large symbols: a copy is
// slower, not wrong.
func Read(data []byte) (*Model, error) {
	r := bytes.NewReader(data)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("read model: %w: bad header", errCorrupt)
	}
	ntypes, err := binary.ReadUvarint(r)
	if err != nil || ntypes == 0 || 1+2*ntypes > maxTags {
		return nil, fmt.Errorf("read model: %w: types", errCorrupt)
	}
	types := make([]string, ntypes)
	for i := range types {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 64 {
			return nil, fmt.Errorf("read model: %w: type name", errCorrupt)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, fmt.Errorf("read model: %w: type name", errCorrupt)
		}
		types[i] = string(b)
	}
	nt := 1 + 2*len(types)
	m := &Model{Types: types, nt: nt, trans: make([]float32, (nt+1)*nt)}
	if err := binary.Read(r, binary.LittleEndian, &m.scale); err != nil {
		return nil, fmt.Errorf("read model: %w: scale", errCorrupt)
	}
	if err := binary.Read(r, binary.LittleEndian, m.trans); err != nil {
		return nil, fmt.Errorf("read model: %w: transitions", errCorrupt)
	}
	var sizes [4]uint64
	for i := range sizes {
		if sizes[i], err = binary.ReadUvarint(r); err != nil || sizes[i] > uint64(len(data)) {
			return nil, fmt.Errorf("read model: %w: table sizes", errCorrupt)
		}
	}
	nfeat, nslots, spreadTo, nseen := int(sizes[0]), int(sizes[1]), int(sizes[2]), int(sizes[3])
	off := len(data) - r.Len()
	off += -off & (slotSize - 1)
	// The tables' bytes are counted in uint64, where no count of slots
	// wraps round to the bytes left as it could in a 32-bit int.
	if !isPow2(spreadTo) || nslots <= spreadTo || nfeat >= nslots || !isPow2(nseen) ||
		len(data) < off || uint64(len(data)-off) != sizes[1]*slotSize+8*sizes[3] {
		return nil, fmt.Errorf("read model: %w: table sizes", errCorrupt)
	}
	m.nfeat, m.mask = nfeat, uint32(spreadTo-1)
	m.slots, m.seen = tables(data[off:], nslots, nseen)
	m.shift = 32 - uint32(bits.Len64(64*sizes[3])-1)
	if m.slots[nslots-1].key != 0 {
		// A probe that met no empty slot would run off the table.
		return nil, fmt.Errorf("read model: %w: last slot", errCorrupt)
	}
	m.constrain()
	m.rows = rowsOf(m.trans, nt)
	return m, nil
}

func isPow2(n int) bool { return n > 0 && n&(n-1) == 0 }

// tables are the slots and the seen filter held in b, viewed in place
// when their layout in memory is the file's.
func tables(b []byte, nslots, nseen int) ([]slot, []uint64) {
	seenAt := nslots * slotSize
	if viewable && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%unsafe.Alignof(slot{}) == 0 {
		return unsafe.Slice((*slot)(unsafe.Pointer(&b[0])), nslots),
			unsafe.Slice((*uint64)(unsafe.Pointer(&b[seenAt])), nseen)
	}
	slots := make([]slot, nslots)
	for i := range slots {
		s := b[i*slotSize:]
		slots[i].key = binary.LittleEndian.Uint32(s)
		for j := range slots[i].w {
			slots[i].w[j] = binary.LittleEndian.Uint64(s[8+8*j:])
		}
	}
	seen := make([]uint64, nseen)
	for i := range seen {
		seen[i] = binary.LittleEndian.Uint64(b[seenAt+8*i:])
	}
	return slots, seen
}
