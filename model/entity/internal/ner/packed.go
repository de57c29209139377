package ner

// packed holds one integer per tag as the digits, in base 2^16, of three
// 64-bit words: tag 4k+j is digit j of word k. Digits are signed, a
// negative one borrowing from the digit above, so that adding two packed
// sums is adding their words: 3 additions where adding the tags one by one
// took 12, each after widening an int8 weight or an int16 sum (those
// additions were an eighth of the tagger's instructions; packed, PolNeAR
// dev took 370 M instructions a run against 391 M). The words wrap
// around, but unpack gives each tag's sum exactly while it lies within
// ±2^15: a word's sums add at most maxWeights weights of at most 128.
type packed [maxTags / 4]uint64

// maxWeights is the most feature weights one word's sums add: 21 local,
// 10 of its neighbours, 7 of the pairs of it and a neighbour, 33 of the
// gazetteer matches (11 lists each for it and the words either side) and
// 12 of the contexts of its mentions.
const maxWeights = 21 + 10 + 7 + 3*nMarks + 3*maxContexts

// The build stops, the array's length being negative, once maxWeights
// weights of 128 could leave a digit's range.
var _ [1<<15 - 1 - 128*maxWeights]struct{}

// pack returns the weights w, one a tag, packed: written out, as a loop
// over the tags was an eighth of a model's load.
func pack(w []int8) packed {
	var a [maxTags]int8
	copy(a[:], w)
	digit := func(t, j int) uint64 { return uint64(int64(a[t])) << (16 * j) }
	var p packed
	for k := range p {
		p[k] = digit(4*k, 0) + digit(4*k+1, 1) + digit(4*k+2, 2) + digit(4*k+3, 3)
	}
	return p
}

// add adds q's sums to p's.
func (p *packed) add(q *packed) {
	p[0] += q[0]
	p[1] += q[1]
	p[2] += q[2]
}

// sub subtracts q's sums from p's.
func (p *packed) sub(q *packed) {
	p[0] -= q[0]
	p[1] -= q[1]
	p[2] -= q[2]
}

// unpack stores the tags' sums in dst. Adding half a digit below digit j
// carries into it the borrow a negative digit below took.
func (p *packed) unpack(dst *[maxTags]int32) {
	for k, x := range p {
		dst[4*k] = int32(int16(x))
		dst[4*k+1] = int32(int16((x + 0x8000) >> 16))
		dst[4*k+2] = int32(int16((x + 0x8000_8000) >> 32))
		dst[4*k+3] = int32(int16((x + 0x8000_8000_8000) >> 48))
	}
}

// scaled stores in e each tag's sum times scale, as float32(sum) * scale
// would: the unpacking and the scaling of a tag in one step, written out.
func (p *packed) scaled(e *[maxTags]float32, scale float32) {
	digit := func(x uint64, j int) float32 {
		return float32(int16((x+0x8000_8000_8000>>(48-16*j))>>(16*j))) * scale
	}
	a, b, c := p[0], p[1], p[2]
	e[0], e[1], e[2], e[3] = digit(a, 0), digit(a, 1), digit(a, 2), digit(a, 3)
	e[4], e[5], e[6], e[7] = digit(b, 0), digit(b, 1), digit(b, 2), digit(b, 3)
	e[8], e[9], e[10], e[11] = digit(c, 0), digit(c, 1), digit(c, 2), digit(c, 3)
}

// The words of add and sub are written out: the index below compiles only
// while maxTags is the 12 they hold.
var _ = [1]struct{}{}[maxTags-12]
