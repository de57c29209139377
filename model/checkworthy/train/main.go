// Command train learns the check-worthiness weights from the ClaimBuster
// training split and the CLEF 2019 CheckThat! training transcripts, prints
// cross-validated figures, and writes the weights file the checkworthy
// package embeds. Run from the repository root:
//
//	go run ./model/checkworthy/train -data ../shared/data/checkworthy -out model/checkworthy/weights.bin
//
// Training is deterministic for a given -seed. The figures it prints are
// F1 at threshold 0.5 on balanced samples of held-out ClaimBuster folds
// (k-fold) and mean average precision over CLEF debates, each ranked by a
// model trained without it (leave-one-debate-out).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// params are the training settings.
type params struct {
	epochs    int
	rate      float64
	l2        float64
	minCount  int
	clefShare float64
	clefNeg   float64
	seed      uint64
	prune     float64
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	data := fs.String("data", "../shared/data/checkworthy", "folder with claimbuster-train.json and clef2019-training/")
	outPath := fs.String("out", "", "write the weights here (none: only evaluate)")
	folds := fs.Int("folds", 5, "ClaimBuster cross-validation folds")
	cv := fs.Bool("cv", true, "print cross-validated figures")
	useEnts := fs.Bool("entities", true, "use the entity tagger's labels as features")
	var p params
	fs.IntVar(&p.epochs, "epochs", 8, "passes over the data")
	fs.Float64Var(&p.rate, "rate", 0.05, "AdaGrad learning rate")
	fs.Float64Var(&p.l2, "l2", 1e-4, "L2 penalty per update")
	fs.IntVar(&p.minCount, "mincount", 3, "drop features seen in fewer training sentences")
	fs.Float64Var(&p.clefShare, "clef", 0.5, "weight of the CLEF check-worthy sentences relative to ClaimBuster's (0: ClaimBuster only)")
	fs.Float64Var(&p.clefNeg, "clefneg", 0, "weight of the other CLEF sentences relative to ClaimBuster's")
	fs.Uint64Var(&p.seed, "seed", 1, "random seed")
	fs.Float64Var(&p.prune, "prune", 0.002, "drop weights smaller than this from the written model")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var tagger *entity.Tagger
	if *useEnts {
		t, err := entity.Load()
		if err != nil {
			return fmt.Errorf("entity tagger: %w", err)
		}
		tagger = t
	}
	det, err := claim.NewDetector()
	if err != nil {
		return err
	}
	set, err := load(*data, det, tagger)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "data: %d ClaimBuster sentences (%d check-worthy), %d CLEF sentences (%d check-worthy) in %d debates, %d features\n",
		set.count(0, -1), set.count(0, 1), set.count(1, -1), set.count(1, 1), len(set.debates), len(set.names))
	if *cv {
		f1, acc := set.crossValidate(p, *folds)
		fmt.Fprintf(out, "ClaimBuster %d-fold, balanced held-out samples, threshold 0.5: F1 %.3f, accuracy %.3f\n", *folds, f1, acc)
		mAP, aps := set.leaveOneDebateOut(p)
		fmt.Fprintf(out, "CLEF 2019 training, leave one debate out: MAP %.3f over %d debates\n", mAP, len(aps))
		for i, ap := range aps {
			fmt.Fprintf(out, "  %-32s AP %.3f\n", set.debates[i], ap)
		}
	}
	if *outPath == "" {
		return nil
	}
	w, bias := set.train(p, func(e *example) bool { return true })
	var feats []checkworthy.Feature
	for id, x := range w {
		if math.Abs(x) >= p.prune {
			feats = append(feats, checkworthy.Feature{Name: set.names[id], Weight: x})
		}
	}
	m := checkworthy.New(bias, feats)
	enc := m.Encode()
	if err := os.WriteFile(*outPath, enc, 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	fmt.Fprintf(out, "wrote %s: %d features, %d bytes\n", *outPath, len(feats), len(enc))
	sort.Slice(feats, func(i, j int) bool { return feats[i].Weight > feats[j].Weight })
	top := func(fs []checkworthy.Feature) string {
		var b strings.Builder
		for _, f := range fs {
			fmt.Fprintf(&b, " %s(%+.2f)", f.Name, f.Weight)
		}
		return b.String()
	}
	n := min(15, len(feats))
	fmt.Fprintf(out, "strongest for:%s\nstrongest against:%s\n", top(feats[:n]), top(feats[len(feats)-n:]))
	return nil
}

// example is one labelled sentence as feature ids.
type example struct {
	feats  []int32
	y      float64
	corpus int // 0 ClaimBuster, 1 CLEF
	group  int // ClaimBuster fold or CLEF debate
}

// dataset holds every example and the feature names.
type dataset struct {
	examples []example
	names    []string
	debates  []string
}

func (s *dataset) count(corpus int, label int) int {
	n := 0
	for _, e := range s.examples {
		if e.corpus == corpus && (label < 0 || int(e.y) == label) {
			n++
		}
	}
	return n
}

// featurizer turns sentences into feature ids, naming each new feature.
type featurizer struct {
	det    *claim.Detector
	tagger *entity.Tagger
	ids    map[uint64]int32
	names  []string
}

func (f *featurizer) features(text string) []int32 {
	sent := []span.Span{{Start: 0, End: len(text)}}
	var ents []entity.Entity
	var labels []entity.Label
	if f.tagger != nil {
		ents = f.tagger.Tag(text, sent)
		for _, e := range ents {
			labels = append(labels, e.Label)
		}
	}
	var kinds []string
	if res := f.det.Analyze(text, sent, ents); len(res.Claims) > 0 {
		for _, k := range res.Claims[0].Kinds {
			kinds = append(kinds, string(k))
		}
	}
	var out []int32
	checkworthy.Extract(text, kinds, labels, func(h uint64, name string) {
		id, ok := f.ids[h]
		if !ok {
			id = int32(len(f.names))
			f.ids[h] = id
			f.names = append(f.names, name)
		}
		out = append(out, id)
	})
	return out
}

// load reads both corpora.
func load(dir string, det *claim.Detector, tagger *entity.Tagger) (*dataset, error) {
	f := &featurizer{det: det, tagger: tagger, ids: make(map[uint64]int32)}
	set := &dataset{}
	raw, err := os.ReadFile(filepath.Join(dir, "claimbuster-train.json"))
	if err != nil {
		return nil, fmt.Errorf("ClaimBuster: %w", err)
	}
	var cb []struct {
		Label int    `json:"label"`
		Text  string `json:"text"`
	}
	if err := json.Unmarshal(raw, &cb); err != nil {
		return nil, fmt.Errorf("ClaimBuster: %w", err)
	}
	for _, r := range cb {
		set.examples = append(set.examples, example{feats: f.features(r.Text), y: float64(r.Label), corpus: 0})
	}
	files, err := filepath.Glob(filepath.Join(dir, "clef2019-training", "*.tsv"))
	if err != nil || len(files) == 0 {
		return nil, errors.New("CLEF: no clef2019-training/*.tsv")
	}
	sort.Strings(files)
	for d, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("CLEF: %w", err)
		}
		set.debates = append(set.debates, strings.TrimSuffix(filepath.Base(path), ".tsv"))
		for i, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
			cols := strings.Split(line, "\t")
			if len(cols) != 4 {
				return nil, fmt.Errorf("CLEF %s line %d: %d columns", path, i+1, len(cols))
			}
			y, err := strconv.Atoi(strings.TrimSpace(cols[3]))
			if err != nil {
				return nil, fmt.Errorf("CLEF %s line %d: label: %w", path, i+1, err)
			}
			set.examples = append(set.examples, example{feats: f.features(cols[2]), y: float64(min(y, 1)), corpus: 1, group: d})
		}
	}
	set.names = f.names
	return set, nil
}

// train fits a logistic regression with AdaGrad on the examples keep
// accepts, weighting the classes of each corpus to balance and the CLEF
// corpus by p.clefShare. It returns weights by feature id and the bias.
func (s *dataset) train(p params, keep func(*example) bool) ([]float64, float64) {
	var pos, neg [2]float64
	df := make([]int32, len(s.names))
	var idx []int
	for i := range s.examples {
		e := &s.examples[i]
		if !keep(e) || e.corpus == 1 && p.clefShare == 0 {
			continue
		}
		idx = append(idx, i)
		if e.y > 0 {
			pos[e.corpus]++
		} else {
			neg[e.corpus]++
		}
		seen := map[int32]bool{}
		for _, f := range e.feats {
			if !seen[f] {
				seen[f] = true
				df[f]++
			}
		}
	}
	weightOf := func(e *example) float64 {
		switch {
		case e.corpus == 0 && e.y > 0:
			return neg[0] / max(pos[0], 1)
		case e.corpus == 0:
			return 1
		case e.y > 0:
			return p.clefShare * neg[0] / max(pos[0], 1)
		}
		return p.clefNeg
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
				if int(df[f]) >= p.minCount {
					z += w[f]
				}
			}
			g := (sigmoid(z) - e.y) * weightOf(e)
			bg2 += g * g
			bias -= p.rate * g / math.Sqrt(bg2+1e-8)
			for _, f := range e.feats {
				if int(df[f]) < p.minCount {
					continue
				}
				gf := g + p.l2*w[f]
				g2[f] += gf * gf
				w[f] -= p.rate * gf / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	for f := range w {
		if int(df[f]) < p.minCount {
			w[f] = 0
		}
	}
	return w, bias
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func score(w []float64, bias float64, e *example) float64 {
	z := bias
	for _, f := range e.feats {
		z += w[f]
	}
	return sigmoid(z)
}

// crossValidate trains on all but one ClaimBuster fold (plus the CLEF
// transcripts) and scores a balanced sample of the fold left out: all its
// check-worthy sentences and as many others drawn at random.
func (s *dataset) crossValidate(p params, folds int) (f1, acc float64) {
	rng := rand.New(rand.NewPCG(p.seed, 0x666f6c64))
	var cb []int
	for i := range s.examples {
		if s.examples[i].corpus == 0 {
			cb = append(cb, i)
		}
	}
	rng.Shuffle(len(cb), func(i, j int) { cb[i], cb[j] = cb[j], cb[i] })
	nPos, nNeg := 0, 0
	for _, i := range cb {
		e := &s.examples[i]
		if e.y > 0 {
			e.group = nPos % folds
			nPos++
		} else {
			e.group = nNeg % folds
			nNeg++
		}
	}
	var tp, fp, fn, right, total float64
	for k := range folds {
		w, bias := s.train(p, func(e *example) bool { return e.corpus == 1 || e.group != k })
		var pos, neg []int
		for _, i := range cb {
			if e := &s.examples[i]; e.group == k {
				if e.y > 0 {
					pos = append(pos, i)
				} else {
					neg = append(neg, i)
				}
			}
		}
		rng.Shuffle(len(neg), func(i, j int) { neg[i], neg[j] = neg[j], neg[i] })
		for _, i := range append(pos, neg[:min(len(pos), len(neg))]...) {
			e := &s.examples[i]
			got := score(w, bias, e) >= 0.5
			switch {
			case got && e.y > 0:
				tp++
			case got:
				fp++
			case e.y > 0:
				fn++
			}
			if got == (e.y > 0) {
				right++
			}
			total++
		}
	}
	return 2 * tp / (2*tp + fp + fn), right / total
}

// leaveOneDebateOut ranks each CLEF debate's sentences with a model trained
// on everything else and returns the mean of the average precisions.
func (s *dataset) leaveOneDebateOut(p params) (float64, []float64) {
	aps := make([]float64, len(s.debates))
	var sum float64
	for d := range s.debates {
		w, bias := s.train(p, func(e *example) bool { return e.corpus == 0 || e.group != d })
		type ranked struct {
			score float64
			y     float64
		}
		var rs []ranked
		for i := range s.examples {
			if e := &s.examples[i]; e.corpus == 1 && e.group == d {
				rs = append(rs, ranked{score(w, bias, e), e.y})
			}
		}
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].score > rs[j].score })
		var hits, ap float64
		for i, r := range rs {
			if r.y > 0 {
				hits++
				ap += hits / float64(i+1)
			}
		}
		if hits > 0 {
			ap /= hits
		}
		aps[d] = ap
		sum += ap
	}
	return sum / float64(len(aps)), aps
}
