package main

import (
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
)

// innerFolds is how many folds nested cross-validation cuts what an outer
// fold leaves: each inner fold holds out a share of the ClaimBuster folds
// and of the CLEF transcripts together.
const innerFolds = 3

// thresholds are the decision points the inner folds choose among; moving
// the threshold shifts the bias alone, so it needs no training.
var thresholds = []float64{0.3, 0.35, 0.4, 0.45, 0.5, 0.55}

// grid is the settings nested cross-validation chooses among: the learning
// rate (with a fixed number of epochs, how far the weights may grow), the
// weight of CLEF's unmarked sentences, and the weight of PolNeAR's weakly
// labelled news sentences, both classes alike.
func grid(p params) []params {
	var out []params
	for _, rate := range []float64{0.01, 0.02, 0.05} {
		for _, neg := range []float64{0, 0.05} {
			for _, news := range []float64{0, 0.05} {
				q := p
				q.rate, q.negShare[clef], q.threshold = rate, neg, 0.5
				q.share[polnear], q.negShare[polnear] = news, news
				out = append(out, q)
			}
		}
	}
	return out
}

// pairGrid is the weight of CLEF's ranking pairs alone, the other
// settings as given: a grid small enough to run nested in minutes.
func pairGrid(p params) []params {
	var out []params
	for _, pairs := range []float64{0, 0.5, 1} {
		q := p
		q.pairShare, q.threshold = pairs, 0.5
		out = append(out, q)
	}
	return out
}

// grids are the grids -grid names.
var grids = map[string]func(params) []params{"settings": grid, "pairs": pairGrid}

func describe(q params) string {
	return fmt.Sprintf("-rate %g -clefneg %g -polnear %g -polnearneg %g -pairs %g -threshold %g",
		q.rate, q.negShare[clef], q.share[polnear], q.negShare[polnear], q.pairShare, q.threshold)
}

// fitness is how settings did on inner folds: balanced ClaimBuster F1 at
// the best threshold plus CLEF MAP, each corpus's own measure, weighed
// alike.
type fitness struct {
	value, threshold float64
}

// innerFold returns, for the examples avail accepts, which inner fold each
// ClaimBuster fold and CLEF transcript falls in (-1 for neither).
func (s *dataset) innerFold(avail func(*example) bool) func(*example) int {
	cb, deb := filled(s.folds, -1), filled(len(s.debates), -1)
	nCB, nDeb := 0, 0
	for i := range s.examples {
		e := &s.examples[i]
		switch {
		case !avail(e):
		case e.corpus == claimBuster && cb[e.group] < 0:
			cb[e.group] = nCB % innerFolds
			nCB++
		case e.corpus == clef && deb[e.group] < 0:
			deb[e.group] = nDeb % innerFolds
			nDeb++
		}
	}
	return func(e *example) int {
		switch {
		case !avail(e):
			return -1
		case e.corpus == claimBuster:
			return cb[e.group]
		case e.corpus == clef:
			return deb[e.group]
		}
		return -1
	}
}

func filled(n, v int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// measure scores settings q by inner cross-validation over the examples
// avail accepts.
func (s *dataset) measure(q params, avail func(*example) bool) fitness {
	fold := s.innerFold(avail)
	var cbScores []float64
	var cbYs []bool
	var aps []float64
	for j := range innerFolds {
		out := func(e *example) bool { return fold(e) == j }
		rest := s.heldOut(out)
		w, bias := s.train(q, func(e *example) bool { return avail(e) && rest(e) })
		scores, ys := map[int][]float64{}, map[int][]float64{}
		for i := range s.examples {
			e := &s.examples[i]
			if !out(e) {
				continue
			}
			x := score(w, bias, e.feats, e.dense)
			if e.corpus == claimBuster {
				cbScores, cbYs = append(cbScores, x), append(cbYs, e.y > 0)
			} else if e.corpus == clef {
				scores[e.group], ys[e.group] = append(scores[e.group], x), append(ys[e.group], e.y)
			}
		}
		for d := range scores {
			aps = append(aps, rank(scores[d], ys[d]).ap)
		}
	}
	best := fitness{value: -1}
	for _, t := range thresholds {
		var c f1Counts
		c.addBalanced(cbScores, cbYs, t, rand.New(rand.NewPCG(q.seed, 0x696e6e)))
		if c.f1() > best.value {
			best = fitness{value: c.f1(), threshold: t}
		}
	}
	var m float64
	for _, ap := range aps {
		m += ap / float64(len(aps))
	}
	best.value += m
	return best
}

// choose returns the settings among candidates that measure best on the
// examples avail accepts, with their threshold.
func (s *dataset) choose(candidates []params, avail func(*example) bool) params {
	var best params
	bestFit := fitness{value: -1}
	for _, q := range candidates {
		if f := s.measure(q, avail); f.value > bestFit.value {
			best, bestFit = q, f
		}
	}
	best.threshold = bestFit.threshold
	return best
}

// chooseAndTrain chooses settings without the examples in accepts (nor
// copies of their text), counts the choice, and trains with them.
func (s *dataset) chooseAndTrain(candidates []params, in func(*example) bool, chosen map[string]int) ([]float64, float64) {
	avail := s.heldOut(in)
	q := s.choose(candidates, avail)
	chosen[describe(q)]++
	return s.train(q, avail)
}

// nested prints figures of the whole procedure, selection included: each
// ClaimBuster fold and each CLEF transcript is scored by a model whose
// settings were chosen by inner folds that never saw it. Last it prints
// the settings chosen on all the data, which the flags' defaults are.
func (s *dataset) nested(out io.Writer, candidates []params) {
	rng := rand.New(rand.NewPCG(candidates[0].seed, 0x666f6c64))
	var c f1Counts
	chosen := map[string]int{}
	for k := range s.folds {
		in := func(e *example) bool { return e.corpus == claimBuster && e.group == k }
		w, bias := s.chooseAndTrain(candidates, in, chosen)
		scores, ys := s.scored(w, bias, in)
		c.addBalanced(scores, ys, 0.5, rng)
	}
	fmt.Fprintf(out, "nested: ClaimBuster %d folds by id range, settings chosen by inner folds: F1 %.3f, accuracy %.3f\n", s.folds, c.f1(), c.accuracy())
	rs := make([]ranking, len(s.debates))
	for d := range s.debates {
		w, bias := s.chooseAndTrain(candidates, func(e *example) bool { return e.corpus == clef && e.group == d }, chosen)
		rs[d] = s.rankEach(w, bias, candidates[0].speaker)[d]
	}
	printRankings(out, s, "nested: CLEF 2019 training, leave one debate out, settings chosen by inner folds", rs)
	for _, d := range slices.Sorted(maps.Keys(chosen)) {
		fmt.Fprintf(out, "  chosen %2d times: %s\n", chosen[d], d)
	}
	fmt.Fprintf(out, "chosen on all the data: %s\n", describe(s.choose(candidates, func(*example) bool { return true })))
}
