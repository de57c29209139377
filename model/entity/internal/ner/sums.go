package ner

// wordSums caches the summed weights of the features of one word that are
// the same wherever it stands: its local features, which differ only by
// whether it starts a sentence or stands in one in capitals (the variant);
// its features as a neighbour, in each role; and its aggregate features
// with none of its mentions' contexts left out (see addAggregate). They
// lie side by side, so that a word seen again costs one look-up by its
// Vocab id, not a probe of the model per feature. Each sum adds at most 21
// int8 weights: int16 holds it exactly, and the tags come out as if summed
// feature by feature.
type wordSums struct {
	word  uint64 // the word's hash and profile: the check that the sums are its
	cased uint8
	have  uint8 // bit v: local[v] is summed; bits nearBit, aggBit: near, agg are
	local [4][maxTags]int16
	near  [nRoles][maxTags]int16
	agg   [maxTags]int16
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

// sumsOf returns the cache entry of w, emptied if it held another word's.
func (sc *Scratch) sumsOf(w *Word) *wordSums {
	var s *wordSums
	switch {
	case w == &boundary:
		s = &sc.edge
	case w.id > 0 && w.id <= maxSums:
		if int(w.id) > len(sc.sums) {
			sc.sums = append(sc.sums, make([]wordSums, int(w.id)-len(sc.sums))...)
		}
		s = &sc.sums[w.id-1]
	default:
		s = &sc.spare
	}
	if s.word != w.word || s.cased != w.prof.cased {
		s.word, s.cased, s.have = w.word, w.prof.cased, 0
	}
	return s
}

// localSums returns the summed weights of w's local features.
func (m *Model) localSums(w *Word, sc *Scratch) [maxTags]int32 {
	if w.id == 0 || w.id > maxSums {
		lk := localKey(w)
		acc, ok := sc.local[lk]
		if !ok {
			sc.feats = localFeatures(w, sc.feats[:0])
			m.add(&acc, sc.feats)
			sc.local[lk] = acc
		}
		return acc
	}
	s, v := sc.sumsOf(w), variant(w)
	var acc [maxTags]int32
	if s.have&(1<<v) == 0 {
		sc.feats = localFeatures(w, sc.feats[:0])
		m.add(&acc, sc.feats)
		narrow(&s.local[v], &acc)
		s.have |= 1 << v
		return acc
	}
	widen(&acc, &s.local[v])
	return acc
}

// addNear adds to acc the weights of word i's neighbours as neighbours.
func (m *Model) addNear(acc *[maxTags]int32, ws []Word, i int, sc *Scratch) {
	for r := range nRoles {
		n := neighbour(ws, i, r)
		s := sc.sumsOf(n)
		if s.have&nearBit == 0 {
			for r := range nRoles {
				var sum [maxTags]int32
				sc.feats = neighbourFeatures(n, r, sc.feats[:0])
				m.add(&sum, sc.feats)
				narrow(&s.near[r], &sum)
			}
			s.have |= nearBit
		}
		widen(acc, &s.near[r])
	}
}

// addAggregate adds to acc the weights of the aggregate features of word
// i: the cached sum over all the contexts of the word's mentions, less
// those of the contexts that are this mention's own (few), which the
// features leave out. Integer sums make the difference exact.
func (m *Model) addAggregate(acc *[maxTags]int32, ws []Word, i int, sc *Scratch) {
	w, m1, p1 := &ws[i], neighbour(ws, i, roleM1), neighbour(ws, i, roleP1)
	if w.prof.n == 0 {
		return
	}
	if w.id == 0 || w.id > maxSums {
		sc.feats = aggregateFeatures(w, m1, p1, sc.feats[:0])
		m.add(acc, sc.feats)
		return
	}
	s := sc.sumsOf(w)
	if s.have&aggBit == 0 {
		sc.feats = sc.feats[:0]
		for _, c := range w.prof.ctx[:w.prof.n] {
			sc.feats = c.features(sc.feats)
		}
		var sum [maxTags]int32
		m.add(&sum, sc.feats)
		narrow(&s.agg, &sum)
		s.have |= aggBit
	}
	widen(acc, &s.agg)
	for _, c := range w.prof.ctx[:w.prof.n] {
		if c.around(m1, p1) {
			var own [maxTags]int32
			m.add(&own, c.features(sc.feats[:0]))
			for t := range acc {
				acc[t] -= own[t]
			}
		}
	}
}

// narrow stores sums that fit int16.
func narrow(dst *[maxTags]int16, src *[maxTags]int32) {
	for t, v := range src {
		dst[t] = int16(v)
	}
}

// widen adds sums, written out as the compiler does not unroll loops.
// The index below compiles only while maxTags is the 12 written out.
func widen(acc *[maxTags]int32, s *[maxTags]int16) {
	acc[0] += int32(s[0])
	acc[1] += int32(s[1])
	acc[2] += int32(s[2])
	acc[3] += int32(s[3])
	acc[4] += int32(s[4])
	acc[5] += int32(s[5])
	acc[6] += int32(s[6])
	acc[7] += int32(s[7])
	acc[8] += int32(s[8])
	acc[9] += int32(s[9])
	acc[10] += int32(s[10])
	acc[11] += int32(s[11])
}

var _ = [1]struct{}{}[maxTags-12]
