package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// TrainOptions steer training.
type TrainOptions struct {
	Types  []string
	Epochs int
	Seed   uint64
	// Runs is how many perceptrons learn, each in its own order (seeds
	// Seed, Seed+1, ...); the model is the mean of their weights.
	Runs int
	// MinWeight drops features whose largest averaged weight (in perceptron
	// updates) is below it; Clip is the quantile of weight magnitudes that
	// maps to the int8 limit.
	MinWeight float64
	Clip      float64
	// Silver are documents labelled by another tagger, not by people; each
	// epoch reads each of their sentences with probability SilverShare,
	// which weighs them below the gold data.
	Silver      []Document
	SilverShare float64
	// Caps are documents written in capitals (the gold ones upper-cased),
	// each sentence read with chance CapsShare an epoch: headlines and
	// text in capitals, which the gold data has few of but tables.
	Caps      []Document
	CapsShare float64
	// Epoch, if set, is called after each epoch with the averaged model.
	Epoch func(epoch int, m *Model)
}

type example struct {
	silver bool
	caps   bool
	feats  []int32 // feature indices, grouped by word
	off    []int32 // word i's features are feats[off[i]:off[i+1]]
	gold   []int
}

// Prepare turns a document into prepared sentences: words described, the
// gazetteer marked and the document's case profile applied.
func (g *Gazetteer) Prepare(doc Document) [][]Word {
	prof := Profile{}
	out := make([][]Word, len(doc))
	for i, s := range doc {
		out[i] = g.Sentence(s.Words, nil, nil)
		prof.Add(out[i])
	}
	for _, ws := range out {
		prof.Apply(ws)
	}
	return out
}

// Train learns a model with the averaged structured perceptron and Viterbi
// decoding. Sentence order is shuffled with a fixed seed, so the same data
// and options always give the same model.
func Train(docs []Document, g *Gazetteer, opt TrainOptions) *Model {
	nt := 1 + 2*len(opt.Types)
	index := map[uint32]int32{}
	var keys []uint32
	var exs []example
	var buf []uint32
	all := slices.Concat(docs, opt.Silver, opt.Caps)
	for di, d := range all {
		for si, ws := range g.Prepare(d) {
			ex := example{
				silver: di >= len(docs) && di < len(docs)+len(opt.Silver),
				caps:   di >= len(docs)+len(opt.Silver),
				off:    make([]int32, 0, len(ws)+1),
			}
			for i := range ws {
				ex.off = append(ex.off, int32(len(ex.feats)))
				buf = Features(ws, i, buf[:0])
				for _, k := range buf {
					id, ok := index[k]
					if !ok {
						id = int32(len(keys))
						index[k] = id
						keys = append(keys, k)
					}
					ex.feats = append(ex.feats, id)
				}
				ex.gold = append(ex.gold, TagIndex(opt.Types, d[si].Labels[i]))
			}
			ex.off = append(ex.off, int32(len(ex.feats)))
			exs = append(exs, ex)
		}
	}
	runs := make([]*perceptron, max(opt.Runs, 1))
	for r := range runs {
		runs[r] = newPerceptron(len(keys), nt, opt.Seed+uint64(r))
	}
	for ep := 1; ep <= opt.Epochs; ep++ {
		for _, p := range runs {
			p.epoch(exs, opt.SilverShare, opt.CapsShare)
		}
		if opt.Epoch != nil {
			opt.Epoch(ep, finish(opt, keys, runs))
		}
	}
	return finish(opt, keys, runs)
}

// perceptron is one run of the averaged structured perceptron: weights w
// and their time-weighted sums u (for the average), transitions likewise.
type perceptron struct {
	nt     int
	w      []int32
	u      []int64
	tw, tu []float64
	c      int64
	rng    *rand.Rand
	order  []int
	sc     Scratch
	trans  []float32
	emit   []float32
}

func newPerceptron(nf, nt int, seed uint64) *perceptron {
	return &perceptron{
		nt: nt,
		w:  make([]int32, nf*nt), u: make([]int64, nf*nt),
		tw: make([]float64, (nt+1)*nt), tu: make([]float64, (nt+1)*nt),
		c:     1,
		rng:   rand.New(rand.NewPCG(seed, seed^0x5eed)),
		trans: make([]float32, (nt+1)*nt),
	}
}

// epoch reads the examples once in a fresh order, silver ones each with
// chance silverShare, updating on every mistake.
func (p *perceptron) epoch(exs []example, silverShare, capsShare float64) {
	if len(p.order) != len(exs) {
		p.order = make([]int, len(exs))
		for i := range p.order {
			p.order[i] = i
		}
	}
	p.rng.Shuffle(len(p.order), func(i, j int) { p.order[i], p.order[j] = p.order[j], p.order[i] })
	for _, ei := range p.order {
		ex := &exs[ei]
		if ex.silver && p.rng.Float64() >= silverShare {
			continue
		}
		if ex.caps && p.rng.Float64() >= capsShare {
			continue
		}
		p.learn(ex)
		p.c++
	}
}

// learn decodes one sentence and moves the weights from the predicted
// tags towards the gold ones.
func (p *perceptron) learn(ex *example) {
	nt, n := p.nt, len(ex.gold)
	for i, v := range p.tw {
		p.trans[i] = float32(v)
	}
	constrainTrans(p.trans, nt)
	p.emit = slices.Grow(p.emit[:0], n*nt)[:n*nt]
	for i := 0; i < n; i++ {
		e := p.emit[i*nt : i*nt+nt]
		clear(e)
		for _, f := range ex.feats[ex.off[i]:ex.off[i+1]] {
			for t, v := range p.w[int(f)*nt : int(f)*nt+nt] {
				e[t] += float32(v)
			}
		}
	}
	pred := viterbi(p.emit, n, nt, p.trans, &p.sc)
	prevG, prevP := nt, nt
	for i := 0; i < n; i++ {
		gt, pt := ex.gold[i], pred[i]
		if gt != pt {
			for _, f := range ex.feats[ex.off[i]:ex.off[i+1]] {
				p.update(int(f)*nt+gt, 1)
				p.update(int(f)*nt+pt, -1)
			}
		}
		if gt != pt || prevG != prevP {
			p.tupdate(prevG*nt+gt, 1)
			p.tupdate(prevP*nt+pt, -1)
		}
		prevG, prevP = gt, pt
	}
}

func (p *perceptron) update(i int, d int32) {
	p.w[i] += d
	p.u[i] += int64(d) * p.c
}

func (p *perceptron) tupdate(i int, d float64) {
	p.tw[i] += d
	p.tu[i] += d * float64(p.c)
}

// avg is the averaged weight i.
func (p *perceptron) avg(i int) float64 { return float64(p.w[i]) - float64(p.u[i])/float64(p.c) }

// tavg is the averaged transition weight i.
func (p *perceptron) tavg(i int) float64 { return p.tw[i] - p.tu[i]/float64(p.c) }

func constrainTrans(trans []float32, nt int) {
	for p := 0; p <= nt; p++ {
		for t := 2; t < nt; t += 2 {
			if p != t && p != t-1 {
				trans[p*nt+t] = negInf
			}
		}
	}
}

// finish averages the runs' averaged weights (parameter mixing, Mann et
// al. 2009: the mean of runs in different orders varies less than any one
// run), prunes and quantises them.
func finish(opt TrainOptions, keys []uint32, runs []*perceptron) *Model {
	nt := 1 + 2*len(opt.Types)
	avg := func(i int) float64 {
		sum := 0.0
		for _, p := range runs {
			sum += p.avg(i)
		}
		return sum / float64(len(runs))
	}
	type kept struct {
		key uint32
		id  int
	}
	var ks []kept
	var mags []float64
	for id, k := range keys {
		big := 0.0
		for t := 0; t < nt; t++ {
			big = max(big, math.Abs(avg(id*nt+t)))
		}
		if big >= opt.MinWeight && big > 0 {
			ks = append(ks, kept{k, id})
			mags = append(mags, big)
		}
	}
	sort.Float64s(mags)
	limit := 1.0
	if len(mags) > 0 {
		limit = mags[min(len(mags)-1, int(opt.Clip*float64(len(mags))))]
	}
	scale := limit / 127
	sort.Slice(ks, func(i, j int) bool { return ks[i].key < ks[j].key })
	out := make([]uint32, len(ks))
	q := make([]int8, len(ks)*nt)
	for i, k := range ks {
		out[i] = k.key
		for t := 0; t < nt; t++ {
			v := math.Round(avg(k.id*nt+t) / scale)
			q[i*nt+t] = int8(max(-127, min(127, v)))
		}
	}
	trans := make([]float32, (nt+1)*nt)
	for i := range trans {
		sum := 0.0
		for _, p := range runs {
			sum += p.tavg(i)
		}
		trans[i] = float32(sum / float64(len(runs)))
	}
	return newModel(slices.Clone(opt.Types), float32(scale), trans, out, q)
}

// Score is precision, recall and F1 (as percentages) with their counts.
type Score struct {
	Gold, Pred, Correct int
}

// P is precision in percent.
func (s Score) P() float64 { return pct(s.Correct, s.Pred) }

// R is recall in percent.
func (s Score) R() float64 { return pct(s.Correct, s.Gold) }

// F1 is the harmonic mean of P and R.
func (s Score) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Micro sums the counts of the named types, so its F1 is their micro F1.
func Micro(scores map[string]*Score, types ...string) Score {
	var m Score
	for _, t := range types {
		m.Gold += scores[t].Gold
		m.Pred += scores[t].Pred
		m.Correct += scores[t].Correct
	}
	return m
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Evaluate tags docs with m and scores exact spans per type (by name).
func Evaluate(m *Model, g *Gazetteer, docs []Document) map[string]*Score {
	out := map[string]*Score{}
	for _, t := range m.Types {
		out[t] = &Score{}
	}
	var sc Scratch
	var gs, ps []Span
	for _, d := range docs {
		for si, ws := range g.Prepare(d) {
			gold := make([]int, len(ws))
			for i, l := range d[si].Labels {
				gold[i] = TagIndex(m.Types, l)
			}
			gs = Spans(gold, gs[:0])
			ps = Spans(m.Tag(ws, &sc), ps[:0])
			for _, s := range gs {
				out[m.Types[s.Type]].Gold++
			}
			for _, s := range ps {
				out[m.Types[s.Type]].Pred++
				if slices.Contains(gs, s) {
					out[m.Types[s.Type]].Correct++
				}
			}
		}
	}
	return out
}
