package ner

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// viterbiByColumns is the decoder as first written, a column of trans at a
// time: the oracle for viterbi, which must pick the same tags, ties and
// forbidden moves included.
func viterbiByColumns(emit []float32, n, nt int, trans []float32) []int {
	tags := make([]int, n)
	if n == 0 {
		return tags
	}
	back := make([]uint8, n*nt)
	cur, prev := make([]float32, nt), make([]float32, nt)
	start := trans[nt*nt:]
	for t := 0; t < nt; t++ {
		cur[t] = start[t] + emit[t]
	}
	for i := 1; i < n; i++ {
		cur, prev = prev, cur
		e := emit[i*nt : i*nt+nt]
		for t := range e {
			best, arg := negInf, 0
			if t > 0 && t%2 == 0 {
				best, arg = prev[t-1]+trans[(t-1)*nt+t], t-1
				if s := prev[t] + trans[t*nt+t]; s > best {
					best, arg = s, t
				}
			} else {
				for p := 0; p < nt; p++ {
					if s := prev[p] + trans[p*nt+t]; s > best {
						best, arg = s, p
					}
				}
			}
			cur[t] = best + e[t]
			back[i*nt+t] = uint8(arg)
		}
	}
	best, arg := negInf, 0
	for t := 0; t < nt; t++ {
		if cur[t] > best {
			best, arg = cur[t], t
		}
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = arg
		arg = int(back[i*nt+arg])
	}
	return tags
}

// TestViterbiPicksWhatTheColumnWiseDecoderPicks decodes random sentences
// whose scores are small integers, so that ties are common, with the
// forbidden moves of a BIO tag set, and some with -Inf emissions.
func TestViterbiPicksWhatTheColumnWiseDecoderPicks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sc Scratch
	for round := range 5000 {
		nt := 1 + 2*(1+rng.IntN((maxTags-1)/2))
		trans := make([]float32, (nt+1)*nt)
		for i := range trans {
			trans[i] = float32(rng.IntN(5) - 2)
		}
		constrainTrans(trans, nt)
		n := rng.IntN(12)
		emit := make([]float32, n*nt)
		for i := range emit {
			emit[i] = float32(rng.IntN(7) - 3)
			if round%7 == 0 && rng.IntN(4) == 0 {
				emit[i] = negInf
			}
		}
		want := viterbiByColumns(emit, n, nt, trans)
		if got := viterbi(emit, n, nt, trans, &sc); !slices.Equal(got, want) {
			t.Fatalf("round %d, %d tags: viterbi %v; the column-wise decoder %v", round, nt, got, want)
		}
	}
}
