package main

import (
	"math"
	"math/rand/v2"
	"strings"
)

// params are the training settings.
type params struct {
	epochs   int
	rate     float64
	l2       float64
	l2Lex    float64
	minCount int
	// minGroups is how many docs a word or word pair must occur in: a word
	// one debate repeats is that debate's, not check-worthiness's.
	minGroups int
	// share is each corpus's total weight relative to ClaimBuster's, per
	// class: a share of 1 gives that corpus's positives together the weight
	// of ClaimBuster's positives, and so for the negatives.
	share    [corpora]float64
	negShare [corpora]float64
	seed     uint64
	prune    float64
	// threshold is the score, before shifting, that the written model
	// moves to 0.5: the balanced decision point CV found best.
	threshold float64
}

// lexical reports whether a feature names words, which get the stronger
// penalty l2Lex: words are what memorises one debate.
func lexical(name string) bool {
	return strings.HasPrefix(name, "w:") || strings.HasPrefix(name, "bi:")
}

// classWeights returns the weight of one positive and one negative example
// of each corpus among idx, so that every corpus class carries its share
// of the weight ClaimBuster's negatives carry.
func (s *dataset) classWeights(p params, idx []int) (pos, neg [corpora]float64) {
	var nPos, nNeg [corpora]float64
	for _, i := range idx {
		if e := &s.examples[i]; e.y > 0 {
			nPos[e.corpus]++
		} else {
			nNeg[e.corpus]++
		}
	}
	total := nNeg[claimBuster]
	if total == 0 {
		// trained without ClaimBuster, shares are of the examples' count
		total = float64(len(idx))
	}
	for c := range corpora {
		pos[c] = p.share[c] * total / max(nPos[c], 1)
		neg[c] = p.negShare[c] * total / max(nNeg[c], 1)
	}
	return pos, neg
}

// train fits a logistic regression with AdaGrad on the examples keep
// accepts. It returns weights by feature id and the bias; features seen
// in fewer than p.minCount sentences or weighing less than p.prune get 0,
// so what cross-validation measures is what is written.
func (s *dataset) train(p params, keep func(*example) bool) ([]float64, float64) {
	var idx []int
	for i := range s.examples {
		e := &s.examples[i]
		if keep(e) && ((e.y > 0 && p.share[e.corpus] > 0) || (e.y == 0 && p.negShare[e.corpus] > 0)) {
			idx = append(idx, i)
		}
	}
	on := s.active(p, idx)
	pos, neg := s.classWeights(p, idx)
	l2 := make([]float64, len(s.names))
	for f, n := range s.names {
		l2[f] = p.l2
		if lexical(n) {
			l2[f] = p.l2Lex
		}
	}
	w := make([]float64, len(s.names))
	g2 := make([]float64, len(s.names))
	var bias, bg2 float64
	rng := rand.New(rand.NewPCG(p.seed, 0x636c61696d))
	for range p.epochs {
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			e := &s.examples[i]
			z := bias
			for _, f := range e.feats {
				if on[f] {
					z += w[f]
				}
			}
			weight := neg[e.corpus]
			if e.y > 0 {
				weight = pos[e.corpus]
			}
			g := (sigmoid(z) - e.y) * weight
			bg2 += g * g
			bias -= p.rate * g / math.Sqrt(bg2+1e-8)
			for _, f := range e.feats {
				if !on[f] {
					continue
				}
				gf := g + l2[f]*w[f]
				g2[f] += gf * gf
				w[f] -= p.rate * gf / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	for f := range w {
		if !on[f] || math.Abs(w[f]) < p.prune {
			w[f] = 0
		}
	}
	return w, bias - math.Log(p.threshold/(1-p.threshold))
}

// active reports, by feature id, whether the examples idx (in dataset
// order) hold a feature in at least p.minCount sentences and, for words
// and word pairs, in at least p.minGroups docs.
func (s *dataset) active(p params, idx []int) []bool {
	df := make([]int32, len(s.names))
	docs := make([]int32, len(s.names))
	seen := make([]int, len(s.names))
	lastDoc := make([]int, len(s.names))
	for _, i := range idx {
		e := &s.examples[i]
		for _, f := range e.feats {
			if seen[f] != i+1 {
				seen[f] = i + 1
				df[f]++
			}
			if lastDoc[f] != e.doc+1 {
				lastDoc[f] = e.doc + 1
				docs[f]++
			}
		}
	}
	on := make([]bool, len(s.names))
	for f, n := range s.names {
		on[f] = int(df[f]) >= p.minCount && (!lexical(n) || int(docs[f]) >= p.minGroups)
	}
	return on
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func score(w []float64, bias float64, feats []int32) float64 {
	z := bias
	for _, f := range feats {
		z += w[f]
	}
	return sigmoid(z)
}
