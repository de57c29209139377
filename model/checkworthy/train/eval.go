package main

import (
	"github.com/margin-reader/margin/model/checkworthy/internal/newsproxy"

	"math/rand/v2"
	"sort"
)

// heldOut returns a keep function for training without the examples out
// accepts and without any sentence whose text one of them has: the
// corpora share debates, so a held-out sentence may sit in another corpus.
func (s *dataset) heldOut(out func(*example) bool) func(*example) bool {
	keys := map[string]bool{}
	for i := range s.examples {
		if e := &s.examples[i]; out(e) {
			keys[e.key] = true
		}
	}
	return func(e *example) bool { return !out(e) && !keys[e.key] }
}

// f1Counts accumulates a binary confusion count.
type f1Counts struct{ tp, fp, fn, right, total float64 }

func (c *f1Counts) add(got, want bool) {
	switch {
	case got && want:
		c.tp++
	case got:
		c.fp++
	case want:
		c.fn++
	}
	if got == want {
		c.right++
	}
	c.total++
}

func (c f1Counts) f1() float64       { return 2 * c.tp / max(2*c.tp+c.fp+c.fn, 1) }
func (c f1Counts) accuracy() float64 { return c.right / max(c.total, 1) }

// crossValidate trains on all but one ClaimBuster fold (plus the other
// corpora, less any copy of a held-out sentence) and scores a balanced
// sample of the fold left out: all its check-worthy sentences and as many
// others drawn at random, as ClaimBuster's balanced test set is drawn.
func (s *dataset) crossValidate(p params, fold func(*example) int) f1Counts {
	rng := rand.New(rand.NewPCG(p.seed, 0x666f6c64))
	var c f1Counts
	for k := range s.folds {
		in := func(e *example) bool { return e.corpus == claimBuster && fold(e) == k }
		w, bias := s.train(p, s.heldOut(in))
		var pos, neg []int
		for i := range s.examples {
			if e := &s.examples[i]; in(e) && e.y > 0 {
				pos = append(pos, i)
			} else if in(e) {
				neg = append(neg, i)
			}
		}
		rng.Shuffle(len(neg), func(i, j int) { neg[i], neg[j] = neg[j], neg[i] })
		for _, i := range append(pos, neg[:min(len(pos), len(neg))]...) {
			e := &s.examples[i]
			c.add(score(w, bias, e.feats) >= 0.5, e.y > 0)
		}
	}
	return c
}

// randomFolds deals ClaimBuster's sentences into folds at random, classes
// spread evenly, ignoring which debate they come from: the figure the
// earlier model reported, kept for comparison.
func (s *dataset) randomFolds(seed uint64) func(*example) int {
	rng := rand.New(rand.NewPCG(seed, 0x72616e64))
	fold := map[*example]int{}
	var n [2]int
	perm := rng.Perm(len(s.examples))
	for _, i := range perm {
		if e := &s.examples[i]; e.corpus == claimBuster {
			fold[e] = n[int(e.y)] % s.folds
			n[int(e.y)]++
		}
	}
	return func(e *example) int { return fold[e] }
}

// ranking is the CLEF figures of one debate.
type ranking struct {
	ap float64
	pk [len(precisionAt)]float64
}

// precisionAt are the cut-offs CLEF 2019 reports precision at.
var precisionAt = [...]int{5, 10, 20, 50}

// rank scores the examples by their model score and measures the ranking.
func rank(scores []float64, ys []float64) ranking {
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	var r ranking
	var hits float64
	for i, j := range order {
		if ys[j] > 0 {
			hits++
			r.ap += hits / float64(i+1)
		}
		for k, at := range precisionAt {
			if i+1 == at {
				r.pk[k] = hits / float64(at)
			}
		}
	}
	if hits > 0 {
		r.ap /= hits
	}
	return r
}

// leaveOneDebateOut ranks each CLEF debate's sentences with a model trained
// on everything else, less any copy of the debate's sentences.
func (s *dataset) leaveOneDebateOut(p params) []ranking {
	out := make([]ranking, len(s.debates))
	for d := range s.debates {
		in := func(e *example) bool { return e.corpus == clef && e.group == d }
		w, bias := s.train(p, s.heldOut(in))
		var scores, ys []float64
		for i := range s.examples {
			if e := &s.examples[i]; in(e) {
				scores = append(scores, score(w, bias, e.feats))
				ys = append(ys, e.y)
			}
		}
		out[d] = rank(scores, ys)
	}
	return out
}

// mean averages the debates' figures.
func mean(rs []ranking) ranking {
	var m ranking
	for _, r := range rs {
		m.ap += r.ap / float64(len(rs))
		for k := range r.pk {
			m.pk[k] += r.pk[k] / float64(len(rs))
		}
	}
	return m
}

// newsAUC scores the news sentences and measures them against their weak
// labels.
func newsAUC(w []float64, bias float64, arts []newsArticle) (auc float64, pos, total int) {
	var scores []float64
	var weak []bool
	for _, a := range arts {
		for i, f := range a.feats {
			scores = append(scores, score(w, bias, f))
			weak = append(weak, a.weak[i])
			if a.weak[i] {
				pos++
			}
		}
	}
	return newsproxy.AUC(scores, weak), pos, len(scores)
}
