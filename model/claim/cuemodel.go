package claim

import (
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

// The cue tagger scores every token for being part of a reporting cue, from
// the token and its neighbours: an averaged perceptron over hashed
// features, trained on PolNeAR train (go run ./model/claim/polnear -tagger)
// and stored as lexicon/cues.bin: 2^cueBits hashed weights as int16.
const cueBits = 17

// cueModel holds the tagger's weights.
type cueModel struct {
	// w are the weights as stored, in units of scale: half the memory of
	// float32s, for a table the tagger reads at random, and summed exactly
	// as integers. An array, so that a slot, which cueSlot keeps below its
	// length, is read without a bounds check.
	w     *[1 << cueBits]int16
	scale float32
}

// feature templates; each is mixed with one or two token hashes.
const (
	fBias uint64 = iota + 1
	fWord
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevWord
	fWordNext
	fSuffix
	fShape
	fRatio
)

// numCueFeatures is how many features a token has.
const numCueFeatures = 11

// cueFeatures sets fs to the feature slots of token i; ratio is the token's
// learned cue ratio, -1 when it has none. An array, not an appended slice:
// the tagger scores a token every few words; the caller's, by pointer, as
// an array returned was copied twice on its way to score.
func cueFeatures(fs *[numCueFeatures]uint32, text string, toks []token, i int, ratio float32) {
	at := func(k int) uint64 {
		if k < 0 {
			return 1
		}
		if k >= len(toks) {
			return 2
		}
		return toks[k].h
	}
	t := &toks[i]
	shape := uint64(t.kind)<<2 | b2u(t.upper)<<1 | b2u(i > 0 && toks[i-1].upper)
	bucket := uint64(11)
	if ratio >= 0 {
		bucket = uint64(ratio * 10)
	}
	w := wordAt(text, t)
	suffix := suffixHash(w)
	// Slot by slot, in the order training used: a loop over an array
	// literal built the array first.
	// Each neighbour read once: the word and the next ones serve two or
	// three features each.
	prev, next := at(i-1), at(i+1)
	fs[0] = cueSlot(mix(fBias, 0))
	fs[1] = cueSlot(mix(fWord, t.h))
	fs[2] = cueSlot(mix(fPrev, prev))
	fs[3] = cueSlot(mix(fNext, next))
	fs[4] = cueSlot(mix(fPrev2, at(i-2)))
	fs[5] = cueSlot(mix(fNext2, at(i+2)))
	fs[6] = cueSlot(mix(mix(fPrevWord, prev), t.h))
	fs[7] = cueSlot(mix(mix(fWordNext, t.h), next))
	fs[8] = cueSlot(mix(fSuffix, suffix))
	fs[9] = cueSlot(mix(fShape, shape))
	fs[10] = cueSlot(mix(mix(fRatio, bucket), b2u(t.upper)))
}

// suffixHash is hashWord of the last three bytes of w. Three ASCII bytes,
// most suffixes, are hashed in line: the loop of hashWord cost a third of
// the features' instructions.
func suffixHash(w string) uint64 {
	if len(w) < 3 || w[len(w)-3]|w[len(w)-2]|w[len(w)-1] >= utf8.RuneSelf {
		return hashWord(w[max(0, len(w)-3):])
	}
	return hashASCII(hashASCII(hashASCII(fnvOffset, w[len(w)-3]), w[len(w)-2]), w[len(w)-1])
}

// cueSlot is the weight slot of a mixed feature hash.
func cueSlot(f uint64) uint32 { return uint32(f >> (64 - cueBits)) }

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// mix combines a template or hash with a value into a well-spread hash.
func mix(a, b uint64) uint64 {
	h := (a ^ b*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	return h ^ h>>31
}

// score is the tagger's score for the features fs; above 0 is a cue.
// The sum is written out: the loop read m.w again for every slot, and its
// count and branch were as many instructions as the reads.
func (m *cueModel) score(fs *[numCueFeatures]uint32) float32 {
	const k = 1<<cueBits - 1
	w := m.w
	s := int32(w[fs[0]&k]) + int32(w[fs[1]&k]) + int32(w[fs[2]&k]) + int32(w[fs[3]&k]) +
		int32(w[fs[4]&k]) + int32(w[fs[5]&k]) + int32(w[fs[6]&k]) + int32(w[fs[7]&k]) +
		int32(w[fs[8]&k]) + int32(w[fs[9]&k]) + int32(w[fs[10]&k])
	return float32(s) * m.scale
}

// encodeCueModel stores weights as a scale and int16 values.
func encodeCueModel(w []float32) []byte {
	var top float32
	for _, v := range w {
		top = max(top, float32(math.Abs(float64(v))))
	}
	scale := top / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	out := make([]byte, 4+2*len(w))
	binary.LittleEndian.PutUint32(out, math.Float32bits(scale))
	for i, v := range w {
		binary.LittleEndian.PutUint16(out[4+2*i:], uint16(int16(math.Round(float64(v/scale)))))
	}
	return out
}

// decodeCueModel reads what encodeCueModel wrote.
func decodeCueModel(data []byte) (*cueModel, error) {
	if len(data) != 4+2*(1<<cueBits) {
		return nil, fmt.Errorf("cue model: %d bytes, want %d", len(data), 4+2*(1<<cueBits))
	}
	m := &cueModel{w: new([1 << cueBits]int16), scale: math.Float32frombits(binary.LittleEndian.Uint32(data))}
	for i := range m.w {
		m.w[i] = int16(binary.LittleEndian.Uint16(data[4+2*i:]))
	}
	return m, nil
}

// CueExample is one training text for the cue tagger: a paragraph and the
// byte spans of the gold cues in it.
type CueExample struct {
	Text string
	Cues [][2]int
}

// TrainCueModel trains the cue tagger on examples for epochs passes, in the
// order given, and returns the encoded weights for lexicon/cues.bin.
func TrainCueModel(examples []CueExample, epochs int) ([]byte, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	w := make([]float32, 1<<cueBits)
	sum := make([]float32, 1<<cueBits)
	last := make([]int, 1<<cueBits)
	step := 0
	var toks []token
	for range epochs {
		for _, ex := range examples {
			toks = tokenize(toks[:0], ex.Text, spanAll(ex.Text))
			for i := range toks {
				step++
				var fs [numCueFeatures]uint32
				cueFeatures(&fs, ex.Text, toks, i, lx.ratio(toks[i].h))
				var s float32
				for _, f := range fs {
					s += w[f]
				}
				gold := inCue(toks[i], ex.Cues)
				if (s > 0) == gold {
					continue
				}
				d := float32(-1)
				if gold {
					d = 1
				}
				for _, f := range fs {
					sum[f] += w[f] * float32(step-last[f])
					last[f] = step
					w[f] += d
				}
			}
		}
	}
	for f := range w {
		sum[f] += w[f] * float32(step-last[f])
		w[f] = sum[f] / float32(step)
	}
	return encodeCueModel(w), nil
}

// ratio is the learned cue ratio of the word with hash h, -1 when none.
func (lx *lexicon) ratio(h uint64) float32 {
	if e, _ := lx.entries.get(h); e != nil {
		return e.ratio
	}
	return -1
}

func inCue(t token, cues [][2]int) bool {
	for _, c := range cues {
		if c[0] <= t.Start && t.End <= c[1] {
			return true
		}
	}
	return false
}

func spanAll(text string) span.Span { return span.Span{Start: 0, End: len(text)} }
