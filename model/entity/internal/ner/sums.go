package ner

import "slices"

// wordSums caches the summed weights of the features of one word that are
// the same wherever it stands: its local features, which differ only by
// whether it starts a sentence or stands in one in capitals (the variant);
// its features as a neighbour, in each role; and its aggregate features
// with none of its mentions' contexts left out (see addAggregate). They
// lie side by side, so that a word seen again costs one look-up by its
// Vocab id, not a probe of the model per feature. The sums are packed, so
// the tags come out as if summed feature by feature.
type wordSums struct {
	word  uint64 // the word's hash and profile: the check that the sums are its
	cased uint8
	have  uint8 // bit v: local[v] is summed; bits nearBit, aggBit: near, agg are
	local [4]packed
	near  [nRoles]packed
	agg   packed
	ctx   [maxContexts]packed // each context's part of agg
}

const (
	nearBit = 1 << 4
	aggBit  = 1 << 5
)

// variant is which of a word's local sums its flags pick.
func variant(w *Word) int {
	v := 0
	if w.flags&fFirst != 0 {
		v |= 1
	}
	if w.flags&fCapsSent != 0 {
		v |= 2
	}
	return v
}

// sumsOf returns the cache entry of w, emptied if it held another word's;
// sc.sums must have room for w's id (see prepare).
func (sc *Scratch) sumsOf(w *Word) *wordSums {
	var s *wordSums
	switch {
	case w == &boundary:
		s = &sc.edge
	case w.id > 0 && w.id <= maxSums:
		s = &sc.sums[w.id-1]
	default:
		s = &sc.spare
	}
	if s.word != w.word || s.cased != w.prof.cased {
		s.word, s.cased, s.have = w.word, w.prof.cased, 0
	}
	return s
}

// prepare looks up once the cache entries of the words of a sentence, and
// their sums as neighbours, which it sums when they are not yet: each word
// is read as itself and as a neighbour of four others (looked up once per
// reading, the entries took 12% of the tagger's instructions). sc.entry[j]
// is word j's entry, nil for a word without one of its own (the spare
// entry is the next such word's); sc.near[j+2] its sums as a neighbour,
// and sc.near[0], [1], [n+2] and [n+3] the boundary's.
func (m *Model) prepare(ws []Word, sc *Scratch) {
	n, top := len(ws), 0
	for j := range ws {
		if id := int(ws[j].id); id <= maxSums {
			top = max(top, id)
		}
	}
	if top > len(sc.sums) {
		// Grown before any entry is taken, as the entries point into it.
		sc.sums = append(sc.sums, make([]wordSums, top-len(sc.sums))...)
	}
	sc.entry = slices.Grow(sc.entry[:0], n)[:n]
	sc.near = slices.Grow(sc.near[:0], n+4)[:n+4]
	sc.ownNear = slices.Grow(sc.ownNear[:0], n)[:n]
	edge := m.nearOf(sc.sumsOf(&boundary), &boundary, sc)
	sc.near[0], sc.near[1], sc.near[n+2], sc.near[n+3] = edge, edge, edge, edge
	for j := range ws {
		w := &ws[j]
		s := sc.sumsOf(w)
		near := m.nearOf(s, w, sc)
		if s == &sc.spare {
			sc.ownNear[j] = *near
			s, near = nil, &sc.ownNear[j]
		}
		sc.entry[j], sc.near[j+2] = s, near
	}
}

// nearOf returns the summed weights of w's features as a neighbour, in
// each role, kept in s, w's entry.
func (m *Model) nearOf(s *wordSums, w *Word, sc *Scratch) *[nRoles]packed {
	if s.have&nearBit == 0 {
		for r := range nRoles {
			s.near[r] = packed{}
			sc.feats = neighbourFeatures(w, r, sc.feats[:0])
			m.add(&s.near[r], sc.feats)
		}
		s.have |= nearBit
	}
	return &s.near
}

// localSums returns the summed weights of w's local features; s is w's
// entry, nil for a word without one.
func (m *Model) localSums(w *Word, s *wordSums, sc *Scratch) packed {
	if s == nil {
		lk := localKey(w)
		acc, ok := sc.local[lk]
		if !ok {
			sc.feats = localFeatures(w, sc.feats[:0])
			m.add(&acc, sc.feats)
			sc.local[lk] = acc
		}
		return acc
	}
	v := variant(w)
	if s.have&(1<<v) == 0 {
		s.local[v] = packed{}
		sc.feats = localFeatures(w, sc.feats[:0])
		m.add(&s.local[v], sc.feats)
		s.have |= 1 << v
	}
	return s.local[v]
}

// addNear adds to acc the weights of word i's neighbours as neighbours,
// from the sums prepare looked up.
func addNear(acc *packed, i int, sc *Scratch) {
	near := sc.near[i : i+5]
	acc.add(&near[1][roleM1])
	acc.add(&near[3][roleP1])
	acc.add(&near[0][roleM2])
	acc.add(&near[4][roleP2])
}

// addAggregate adds to acc the weights of the aggregate features of word
// i: the cached sum over all the contexts of the word's mentions, less
// the cached sums of the contexts that are this mention's own (few), which
// the features leave out (summed afresh, they were 6% of the tagger's
// instructions). Integer sums make the difference exact. s is the
// word's entry, nil for a word without one.
func (m *Model) addAggregate(acc *packed, ws []Word, i int, s *wordSums, sc *Scratch) {
	w, m1, p1 := &ws[i], neighbour(ws, i, roleM1), neighbour(ws, i, roleP1)
	if w.prof.n == 0 {
		return
	}
	if s == nil {
		sc.feats = aggregateFeatures(w, m1, p1, sc.feats[:0])
		m.add(acc, sc.feats)
		return
	}
	ctx := w.prof.ctx[:w.prof.n]
	if s.have&aggBit == 0 {
		s.agg = packed{}
		for k, c := range ctx {
			s.ctx[k] = packed{}
			sc.feats = c.features(sc.feats[:0])
			m.add(&s.ctx[k], sc.feats)
			s.agg.add(&s.ctx[k])
		}
		s.have |= aggBit
	}
	acc.add(&s.agg)
	before, after := key(m1.lower), key(p1.lower)
	for k := range ctx {
		if ctx[k].around(before, after) {
			acc.sub(&s.ctx[k])
		}
	}
}
