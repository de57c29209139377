package main

import (
	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/checkworthy/internal/newsproxy"

	"math/rand/v2"
	"sort"
	"strings"
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
// sample of the fold left out.
func (s *dataset) crossValidate(p params, fold func(*example) int) f1Counts {
	rng := rand.New(rand.NewPCG(p.seed, 0x666f6c64))
	var c f1Counts
	for k := range s.folds {
		in := func(e *example) bool { return e.corpus == claimBuster && fold(e) == k }
		w, bias := s.train(p, s.heldOut(in))
		scores, ys := s.scored(w, bias, in)
		c.addBalanced(scores, ys, 0.5, rng)
	}
	return c
}

// scored returns the scores and labels of the examples in accepts.
func (s *dataset) scored(w []float64, bias float64, in func(*example) bool) ([]float64, []bool) {
	var scores []float64
	var ys []bool
	for i := range s.examples {
		if e := &s.examples[i]; in(e) {
			scores, ys = append(scores, score(w, bias, e.feats, e.dense)), append(ys, e.y > 0)
		}
	}
	return scores, ys
}

// addBalanced counts a balanced sample of scored sentences, worth checking
// at a score of at least at: all the check-worthy ones and as many others
// drawn at random, as ClaimBuster's balanced test set is drawn.
func (c *f1Counts) addBalanced(scores []float64, ys []bool, at float64, rng *rand.Rand) {
	var pos, neg []int
	for i, y := range ys {
		if y {
			pos = append(pos, i)
		} else {
			neg = append(neg, i)
		}
	}
	rng.Shuffle(len(neg), func(i, j int) { neg[i], neg[j] = neg[j], neg[i] })
	for _, i := range append(pos, neg[:min(len(pos), len(neg))]...) {
		c.add(scores[i] >= at, ys[i])
	}
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
		w, bias := s.train(p, s.heldOut(func(e *example) bool { return e.corpus == clef && e.group == d }))
		out[d] = s.rankEach(w, bias, p.speaker)[d]
	}
	return out
}

// rankEach ranks each CLEF debate's sentences with the model w, bias,
// each sentence of a speaker who does not ask moved by the speaker's lean
// times lean, in reading order, as the analyser moves them
// (checkworthy.Speakers); a stage direction scores 0, as the analyser's
// Score gives it.
func (s *dataset) rankEach(w []float64, bias, lean float64) []ranking {
	scores := make([][]float64, len(s.debates))
	ys := make([][]float64, len(s.debates))
	spoken := make([]checkworthy.Speakers, len(s.debates))
	for _, e := range s.examples {
		if e.corpus == clef {
			x := score(w, bias, e.feats, e.dense)
			if e.note {
				x = 0
			}
			if !e.asks {
				x = spoken[e.group].Move(e.speaker, x, lean)
			}
			scores[e.group] = append(scores[e.group], x)
			ys[e.group] = append(ys[e.group], e.y)
		}
	}
	out := make([]ranking, len(s.debates))
	for d := range out {
		out[d] = rank(scores[d], ys[d])
	}
	return out
}

// isDebate reports whether a CLEF transcript is a debate rather than a
// speech, an interview or a press conference: CLEF names them by date and
// event, and the debates' names end in dem, gop or pres. Debates are what
// CLEF's test is mostly made of and where ranking is hardest (many
// speakers, few sentences marked among many factual ones).
func isDebate(name string) bool {
	for _, end := range []string{"dem", "gop", "pres"} {
		if strings.HasSuffix(name, end) {
			return true
		}
	}
	return false
}

// mean averages the figures of the debates keep accepts.
func (s *dataset) mean(rs []ranking, keep func(name string) bool) ranking {
	var m ranking
	n := 0.0
	for d, r := range rs {
		if !keep(s.debates[d]) {
			continue
		}
		n++
		m.ap += r.ap
		for k := range r.pk {
			m.pk[k] += r.pk[k]
		}
	}
	m.ap /= max(n, 1)
	for k := range m.pk {
		m.pk[k] /= max(n, 1)
	}
	return m
}

func all(string) bool { return true }

// transfer trains on one debate corpus alone and scores the other, the
// closest these data come to debates and speakers never seen: ClaimBuster
// (1960 to 2016) ranks each CLEF transcript, and CLEF (2016 to 2019)
// scores ClaimBuster. A sentence of the scored corpus is never trained on.
func (s *dataset) transfer(p params) (cbToCLEF []ranking, clefToCB f1Counts, clefToCBAUC float64) {
	w, bias := s.train(p.only(claimBuster), s.heldOut(func(e *example) bool { return e.corpus == clef }))
	cbToCLEF = s.rankEach(w, bias, p.speaker)
	onlyCLEF := p.only(clef)
	isCB := func(e *example) bool { return e.corpus == claimBuster }
	w, bias = s.train(onlyCLEF, s.heldOut(isCB))
	scores, ys := s.scored(w, bias, isCB)
	clefToCB.addBalanced(scores, ys, 0.5, rand.New(rand.NewPCG(p.seed, 0x666f6c64)))
	return cbToCLEF, clefToCB, newsproxy.AUC(scores, ys)
}

// only returns p with every corpus but c left out of training.
func (p params) only(c int) params {
	p.share, p.negShare = [corpora]float64{}, [corpora]float64{}
	p.share[c], p.negShare[c] = 1, 1
	return p
}

// newsAUC scores the news sentences and measures them against their weak
// labels.
func newsAUC(w []float64, bias float64, arts []newsArticle) (auc float64, pos, total int) {
	var scores []float64
	var weak []bool
	for _, a := range arts {
		for i, f := range a.feats {
			x := score(w, bias, f, a.dense[i])
			if a.note[i] {
				x = 0
			}
			scores = append(scores, x)
			weak = append(weak, a.weak[i])
			if a.weak[i] {
				pos++
			}
		}
	}
	return newsproxy.AUC(scores, weak), pos, len(scores)
}
