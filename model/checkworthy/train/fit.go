package main

import (
	"math"
	"math/rand/v2"
	"strings"

	"github.com/margin-reader/margin/model/checkworthy"
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
	// pairShare is the total weight of CLEF's ranking pairs (a marked
	// sentence against an unmarked one of the same transcript) relative to
	// ClaimBuster's negatives, and pairsPer how many unmarked sentences
	// each marked one is paired with in an epoch.
	pairShare float64
	pairsPer  int
	// bags is how many models, each with its own order of the examples
	// and draw of pairs, train averages.
	bags int
	// average makes a model's weights the mean of those at the end of its
	// second half of epochs.
	average bool
	// asker is how far the sentences of a transcript's askers are moved
	// down, in log-odds: the weight of checkworthy.AskerFeature, set after
	// training rather than learned, so the other weights are learned as
	// without it (learned with it in place, they lost ClaimBuster 0.003 F1).
	asker float64
	// speaker is how far a transcript's sentence is moved by its
	// speaker's lean (checkworthy.Speakers), set after training as well:
	// a lean is a transcript's, which ClaimBuster and news have none of.
	speaker float64
	// dense is how many dense embedding dimensions are features, and
	// l2Dense their penalty.
	dense   int
	l2Dense float64
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
	total := s.baseWeight(idx)
	for c := range corpora {
		pos[c] = p.share[c] * total / max(nPos[c], 1)
		neg[c] = p.negShare[c] * total / max(nNeg[c], 1)
	}
	return pos, neg
}

// baseWeight is the total weight the shares are fractions of: ClaimBuster's
// negatives among idx, or, trained without ClaimBuster, the examples' count.
func (s *dataset) baseWeight(idx []int) float64 {
	n := 0.0
	for _, i := range idx {
		if e := &s.examples[i]; e.corpus == claimBuster && e.y == 0 {
			n++
		}
	}
	if n == 0 {
		return float64(len(idx))
	}
	return n
}

// train fits a logistic regression with AdaGrad on the examples keep
// accepts, and, with p.pairShare, a ranking loss on pairs of CLEF
// sentences of one transcript; with p.bags above 1, that many, each
// shuffling with its own random stream, and averages their weights. It
// returns weights by feature id and the bias; features seen in fewer than
// p.minCount sentences or weighing less than p.prune get 0, so what
// cross-validation measures is what is written.
func (s *dataset) train(p params, keep func(*example) bool) ([]float64, float64) {
	o := s.fit(p, keep, 0)
	for b := 1; b < p.bags; b++ {
		ob := s.fit(p, keep, uint64(b))
		for f, x := range ob.w {
			o.w[f] += x
		}
		o.bias += ob.bias
	}
	if p.bags > 1 {
		for f := range o.w {
			o.w[f] /= float64(p.bags)
		}
		o.bias /= float64(p.bags)
	}
	return o.result(p)
}

// fit trains one model, drawing from random stream bag of p.seed.
func (s *dataset) fit(p params, keep func(*example) bool, bag uint64) *optimizer {
	var idx []int
	for i := range s.examples {
		e := &s.examples[i]
		if keep(e) && ((e.y > 0 && p.share[e.corpus] > 0) || (e.y == 0 && p.negShare[e.corpus] > 0)) {
			idx = append(idx, i)
		}
	}
	o := s.newOptimizer(p, s.active(p, idx))
	pos, neg := s.classWeights(p, idx)
	var pool pairPool
	if p.pairShare > 0 && p.pairsPer > 0 {
		pool = s.pairPool(keep)
	}
	pairWeight := p.pairShare * s.baseWeight(idx) / float64(max(pool.positives()*p.pairsPer, 1))
	rng := rand.New(rand.NewPCG(p.seed, 0x636c61696d+bag))
	var items []int
	var pairs [][2]int
	var avg averager
	for epoch := range p.epochs {
		rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		items = append(items[:0], idx...)
		if pairs = pool.draw(rng, p.pairsPer, pairs[:0]); len(pairs) > 0 {
			for k := range pairs {
				items = append(items, -k-1)
			}
			rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		}
		for _, i := range items {
			if i < 0 {
				pr := pairs[-i-1]
				o.pair(&s.examples[pr[0]], &s.examples[pr[1]], pairWeight)
				continue
			}
			e := &s.examples[i]
			weight := neg[e.corpus]
			if e.y > 0 {
				weight = pos[e.corpus]
			}
			o.point(e, weight)
		}
		if p.average && 2*epoch >= p.epochs {
			avg.add(o)
		}
	}
	avg.into(o)
	return o
}

// averager sums the weights at the end of epochs, for the averaged
// weights of p.average: a mean of late epochs wanders less with the last
// examples seen than the last epoch's weights.
type averager struct {
	w    []float64
	bias float64
	n    int
}

func (a *averager) add(o *optimizer) {
	if a.w == nil {
		a.w = make([]float64, len(o.w))
	}
	for f, x := range o.w {
		a.w[f] += x
	}
	a.bias += o.bias
	a.n++
}

// into replaces o's weights with the mean of those added, if any.
func (a *averager) into(o *optimizer) {
	if a.n == 0 {
		return
	}
	for f, x := range a.w {
		o.w[f] = x / float64(a.n)
	}
	o.bias = a.bias / float64(a.n)
}

// optimizer holds the weights being learned and AdaGrad's sums of squared
// gradients.
type optimizer struct {
	rate      float64
	on        []bool
	l2        []float64
	w, g2     []float64
	bias, bg2 float64
	// grad and touched gather a pair's gradient by feature.
	grad    []float64
	touched []int32
	// dense0 is the id of the first dense feature (dataset.dense0).
	dense0 int32
	// fixed is the feature whose weight is set after training rather than
	// learned (the asker's), or -1.
	fixed int32
}

func (s *dataset) newOptimizer(p params, on []bool) *optimizer {
	o := &optimizer{rate: p.rate, on: on, l2: make([]float64, len(s.names)),
		w: make([]float64, len(s.names)), g2: make([]float64, len(s.names)), grad: make([]float64, len(s.names)),
		dense0: int32(s.dense0()), fixed: -1}
	for f, n := range s.names {
		o.l2[f] = p.l2
		if lexical(n) {
			o.l2[f] = p.l2Lex
		}
		if f >= int(o.dense0) {
			o.l2[f] = p.l2Dense
		}
		if n == checkworthy.AskerFeature {
			o.fixed, on[f] = int32(f), false
		}
	}
	return o
}

func (o *optimizer) z(e *example) float64 {
	z := o.bias
	for _, f := range e.feats {
		if o.on[f] {
			z += o.w[f]
		}
	}
	for d, x := range e.dense {
		z += o.w[o.dense0+int32(d)] * float64(x)
	}
	return z
}

// point takes a logistic loss step on one labelled sentence.
func (o *optimizer) point(e *example, weight float64) {
	g := (sigmoid(o.z(e)) - e.y) * weight
	o.bg2 += g * g
	o.bias -= o.rate * g / math.Sqrt(o.bg2+1e-8)
	for _, f := range e.feats {
		if o.on[f] {
			o.step(f, g)
		}
	}
	for d, x := range e.dense {
		o.step(o.dense0+int32(d), g*float64(x))
	}
}

// pair takes a ranking loss step on a sentence that should score above
// another: the logistic loss of the difference of their scores, which
// leaves the bias alone.
func (o *optimizer) pair(above, below *example, weight float64) {
	g := (sigmoid(o.z(above)-o.z(below)) - 1) * weight
	o.gather(above.feats, g)
	o.gather(below.feats, -g)
	for d := range above.dense {
		o.step(o.dense0+int32(d), g*float64(above.dense[d]-below.dense[d]))
	}
	for _, f := range o.touched {
		if o.grad[f] != 0 {
			o.step(f, o.grad[f])
		}
		o.grad[f] = 0
	}
	o.touched = o.touched[:0]
}

func (o *optimizer) gather(feats []int32, g float64) {
	for _, f := range feats {
		if o.on[f] {
			if o.grad[f] == 0 {
				o.touched = append(o.touched, f)
			}
			o.grad[f] += g
		}
	}
}

func (o *optimizer) step(f int32, g float64) {
	gf := g + o.l2[f]*o.w[f]
	o.g2[f] += gf * gf
	o.w[f] -= o.rate * gf / math.Sqrt(o.g2[f]+1e-8)
}

// result returns the weights, pruned, with the asker's set, and the bias
// shifted so that the score p.threshold becomes 0.5.
func (o *optimizer) result(p params) ([]float64, float64) {
	for f := range o.w[:o.dense0] {
		if !o.on[f] || math.Abs(o.w[f]) < p.prune {
			o.w[f] = 0
		}
	}
	if o.fixed >= 0 {
		o.w[o.fixed] = -p.asker
	}
	return o.w, o.bias - math.Log(p.threshold/(1-p.threshold))
}

// pairPool holds, for each CLEF transcript, its marked and unmarked
// sentences among those trained on.
type pairPool struct {
	pos, neg map[int][]int
	groups   []int
}

func (s *dataset) pairPool(keep func(*example) bool) pairPool {
	pool := pairPool{pos: map[int][]int{}, neg: map[int][]int{}}
	for i := range s.examples {
		e := &s.examples[i]
		if e.corpus != clef || !keep(e) {
			continue
		}
		if _, ok := pool.pos[e.group]; !ok {
			pool.groups = append(pool.groups, e.group)
			pool.pos[e.group] = nil
		}
		if e.y > 0 {
			pool.pos[e.group] = append(pool.pos[e.group], i)
		} else {
			pool.neg[e.group] = append(pool.neg[e.group], i)
		}
	}
	return pool
}

func (pp pairPool) positives() int {
	n := 0
	for _, g := range pp.groups {
		if len(pp.neg[g]) > 0 {
			n += len(pp.pos[g])
		}
	}
	return n
}

// draw appends, for every marked sentence, per pairs with unmarked
// sentences of its transcript drawn at random.
func (pp pairPool) draw(rng *rand.Rand, per int, out [][2]int) [][2]int {
	for _, g := range pp.groups {
		neg := pp.neg[g]
		if len(neg) == 0 {
			continue
		}
		for _, i := range pp.pos[g] {
			for range per {
				out = append(out, [2]int{i, neg[rng.IntN(len(neg))]})
			}
		}
	}
	return out
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

func score(w []float64, bias float64, feats []int32, dense []float32) float64 {
	z := bias
	for _, f := range feats {
		z += w[f]
	}
	// The dense features are the last (dataset.dense0).
	d0 := len(w) - len(dense)
	for d, x := range dense {
		z += w[d0+d] * float64(x)
	}
	return sigmoid(z)
}
