package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/checkworthy"
)

func TestFoldCuts(t *testing.T) {
	tests := []struct {
		name string
		ids  []int
		n    int
		want []int
	}{
		{"cuts evenly spaced ids at each n-th", []int{1, 2, 3, 4, 5, 6, 7, 8}, 2, []int{4}},
		{"moves a cut to the widest gap near it", append(seq(0, 50), seq(1000, 1050)...), 2, []int{50}},
		{"keeps a cut where the widest gap is more than a twentieth away", append(seq(0, 80), seq(1000, 1020)...), 2, []int{50}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := foldCuts(tt.ids, tt.n); !slices.Equal(got, tt.want) {
				t.Errorf("cuts %v, want %v", got, tt.want)
			}
		})
	}
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

func TestRank(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		ys     []float64
		ap     float64
	}{
		{"gives 1 when the positives come first", []float64{0.9, 0.8, 0.1}, []float64{1, 1, 0}, 1},
		{"averages the precision at each positive", []float64{0.9, 0.8, 0.7, 0.1}, []float64{0, 1, 0, 1}, (1.0/2 + 2.0/4) / 2},
		{"gives 0 without positives", []float64{0.5}, []float64{0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rank(tt.scores, tt.ys).ap; math.Abs(got-tt.ap) > 1e-9 {
				t.Errorf("AP %v, want %v", got, tt.ap)
			}
		})
	}
}

func TestHeldOutDropsCopiesInOtherCorpora(t *testing.T) {
	s := &dataset{examples: []example{
		{corpus: clef, group: 0, key: "taxesrose"},
		{corpus: clef, group: 1, key: "thankyou"},
		{corpus: claimBuster, key: "taxesrose"},
		{corpus: claimBuster, key: "wagesfell"},
	}}
	keep := s.heldOut(func(e *example) bool { return e.corpus == clef && e.group == 0 })
	var kept []string
	for i := range s.examples {
		if keep(&s.examples[i]) {
			kept = append(kept, s.examples[i].key)
		}
	}
	if want := []string{"thankyou", "wagesfell"}; !slices.Equal(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
}

func TestClassWeightsBalanceEachCorpus(t *testing.T) {
	s := &dataset{examples: []example{
		{corpus: claimBuster, y: 1}, {corpus: claimBuster}, {corpus: claimBuster}, {corpus: claimBuster}, {corpus: claimBuster},
		{corpus: clef, y: 1}, {corpus: clef, y: 1}, {corpus: clef},
	}}
	var p params
	p.share = [corpora]float64{1, 0.5, 0}
	p.negShare = [corpora]float64{1, 0.25, 0}
	pos, neg := s.classWeights(p, []int{0, 1, 2, 3, 4, 5, 6, 7})
	// ClaimBuster's 4 negatives weigh 4 in all; its positive carries as much.
	if pos[claimBuster] != 4 || neg[claimBuster] != 1 {
		t.Errorf("ClaimBuster weights %v, %v; want 4, 1", pos[claimBuster], neg[claimBuster])
	}
	if pos[clef] != 1 || neg[clef] != 1 {
		t.Errorf("CLEF weights %v, %v; want 1 (half of 4 over 2), 1 (a quarter of 4)", pos[clef], neg[clef])
	}
}

func TestIsDebate(t *testing.T) {
	tests := []struct {
		name string
		file string
		want bool
	}{
		{"takes a party primary for a debate", "20160226_10_gop", true},
		{"takes a numbered Democratic debate for one", "20160414_9dem", true},
		{"takes a presidential debate for one", "20161019_3pres", true},
		{"takes the vice-presidential debate for one", "20161005_vice_pres", true},
		{"does not take a press conference for one", "20170216_trump_press", false},
		{"does not take a speech for one", "20170228_trump_address", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isDebate(tt.file); got != tt.want {
				t.Errorf("isDebate(%q) = %v, want %v", tt.file, got, tt.want)
			}
		})
	}
}

func TestInnerFoldKeepsEachGroupWhole(t *testing.T) {
	s := &dataset{folds: 3, debates: []string{"a", "b", "c", "d"}}
	for g := range 3 {
		s.examples = append(s.examples, example{corpus: claimBuster, group: g}, example{corpus: claimBuster, group: g})
	}
	for g := range 4 {
		s.examples = append(s.examples, example{corpus: clef, group: g}, example{corpus: clef, group: g})
	}
	avail := func(e *example) bool { return !(e.corpus == clef && e.group == 1) }
	fold := s.innerFold(avail)
	byGroup := map[[2]int]int{}
	for i := range s.examples {
		e := &s.examples[i]
		f := fold(e)
		if !avail(e) {
			if f != -1 {
				t.Errorf("held-out example in inner fold %d", f)
			}
			continue
		}
		if f < 0 || f >= innerFolds {
			t.Fatalf("inner fold %d out of range", f)
		}
		k := [2]int{e.corpus, e.group}
		if prev, ok := byGroup[k]; ok && prev != f {
			t.Errorf("corpus %d group %d straddles inner folds %d and %d", e.corpus, e.group, prev, f)
		}
		byGroup[k] = f
	}
}

func TestActiveNeedsWordsToRecurAcrossDocs(t *testing.T) {
	s := &dataset{names: []string{"w:tax", "w:wallace", "x:number"}, examples: []example{
		{feats: []int32{0, 1, 2}, doc: 0},
		{feats: []int32{1}, doc: 0},
		{feats: []int32{1}, doc: 0},
		{feats: []int32{0}, doc: 1},
	}}
	on := s.active(params{minCount: 1, minGroups: 2}, []int{0, 1, 2, 3})
	// w:wallace is three sentences of one doc, x:number one, w:tax two docs
	if want := []bool{true, false, true}; !slices.Equal(on, want) {
		t.Errorf("active %v, want %v", on, want)
	}
}

func TestNonLexicalDropsWordsAndPairs(t *testing.T) {
	f := &featurizer{names: []string{"w:trump", "bi:said trump", "x:past", "k:attributed", "e:PERSON"}}
	if got, want := f.nonLexical([]int32{0, 1, 2, 3, 4}), []int32{2, 3, 4}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
}

func TestPairsStayWithinATranscript(t *testing.T) {
	s := &dataset{examples: []example{
		{corpus: clef, group: 0, y: 1}, {corpus: clef, group: 0}, {corpus: clef, group: 0},
		{corpus: clef, group: 1, y: 1}, {corpus: clef, group: 1},
		{corpus: clef, group: 2, y: 1},
		{corpus: claimBuster}, {corpus: clef, group: 1},
	}}
	keep := func(e *example) bool { return e.corpus == clef }
	pool := s.pairPool(keep)
	pairs := pool.draw(rand.New(rand.NewPCG(1, 2)), 5, nil)
	// transcript 2 has no unmarked sentence to pair with
	if len(pairs) != 10 {
		t.Fatalf("%d pairs, want 5 for each of the 2 marked sentences with unmarked ones beside them", len(pairs))
	}
	for _, pr := range pairs {
		a, b := &s.examples[pr[0]], &s.examples[pr[1]]
		if a.y != 1 || b.y != 0 || a.group != b.group || b.corpus != clef {
			t.Errorf("pair %v: %+v above %+v", pr, *a, *b)
		}
	}
}

func TestPairStepRaisesTheUpperSentenceAndLeavesTheBias(t *testing.T) {
	s := &dataset{names: []string{"x:number", "x:i", "len:2"}}
	o := s.newOptimizer(params{rate: 0.1}, []bool{true, true, true})
	above, below := &example{feats: []int32{0, 2}}, &example{feats: []int32{1, 2}}
	before := o.z(above) - o.z(below)
	o.pair(above, below, 1)
	if got := o.z(above) - o.z(below); got <= before {
		t.Errorf("margin %v after the step, %v before", got, before)
	}
	if o.bias != 0 || o.w[2] != 0 {
		t.Errorf("bias %v, shared feature's weight %v; want both 0", o.bias, o.w[2])
	}
}

func TestPairGridVariesOnlyThePairWeight(t *testing.T) {
	p := params{rate: 0.02, seed: 7, pairsPer: 10, threshold: 0.35}
	p.share[clef] = 0.11
	var weights []float64
	for _, q := range pairGrid(p) {
		weights = append(weights, q.pairShare)
		q.pairShare, q.threshold = 0, p.threshold
		if q != p {
			t.Errorf("grid point %+v differs from %+v beyond the pair weight and threshold", q, p)
		}
	}
	if want := []float64{0, 0.5, 1}; !slices.Equal(weights, want) {
		t.Errorf("pair weights %v, want %v", weights, want)
	}
}

// tinySet is four ClaimBuster sentences over three features, the first
// feature marking the check-worthy ones.
func tinySet() (*dataset, params) {
	s := &dataset{names: []string{"x:number", "x:i", "len:2"}, examples: []example{
		{feats: []int32{0, 2}, y: 1}, {feats: []int32{1, 2}}, {feats: []int32{0, 1}, y: 1}, {feats: []int32{1}},
	}}
	p := params{epochs: 3, rate: 0.1, minCount: 1, threshold: 0.5}
	p.share[claimBuster], p.negShare[claimBuster] = 1, 1
	return s, p
}

func TestBaggedWeightsAreTheMeanOfTheBagsFits(t *testing.T) {
	s, p := tinySet()
	p.bags = 2
	all := func(*example) bool { return true }
	w, bias := s.train(p, all)
	a, b := s.fit(p, all, 0), s.fit(p, all, 1)
	if slices.Equal(a.w, b.w) {
		t.Fatalf("both bags fit the same weights %v: their orders do not differ", a.w)
	}
	for f := range w {
		if want := (a.w[f] + b.w[f]) / 2; math.Abs(w[f]-want) > 1e-12 {
			t.Errorf("feature %s weighs %v, want the bags' mean %v", s.names[f], w[f], want)
		}
	}
	if want := (a.bias + b.bias) / 2; math.Abs(bias-want) > 1e-12 {
		t.Errorf("bias %v, want the bags' mean %v", bias, want)
	}
}

func TestAveragedWeightsAreTheMeanOfTheLaterEpochs(t *testing.T) {
	var a averager
	o := &optimizer{w: []float64{1, -2}, bias: 0.5}
	a.add(o)
	o.w, o.bias = []float64{3, 0}, 1.5
	a.add(o)
	o.w, o.bias = []float64{9, 9}, 9
	a.into(o)
	if want := []float64{2, -1}; !slices.Equal(o.w, want) || o.bias != 1 {
		t.Errorf("averaged weights %v, bias %v; want %v, 1", o.w, o.bias, want)
	}
}

// TestAskerWeightIsSetAfterTrainingNotLearned trains on sentences where
// the asker feature marks the check-worthy ones: learned, it would weigh
// for them; set, it weighs -p.asker, and the other weights are those
// learned without it.
func TestAskerWeightIsSetAfterTrainingNotLearned(t *testing.T) {
	s, p := tinySet()
	all := func(*example) bool { return true }
	without, _ := s.train(p, all)
	s.names = append(s.names, checkworthy.AskerFeature)
	asker := int32(len(s.names) - 1)
	for i := range s.examples {
		if s.examples[i].y > 0 {
			s.examples[i].feats = append(s.examples[i].feats, asker)
		}
	}
	p.asker = 2
	w, _ := s.train(p, all)
	if w[asker] != -2 {
		t.Errorf("the asker feature weighs %v, want -2", w[asker])
	}
	if !slices.Equal(w[:asker], without) {
		t.Errorf("weights %v with the asker feature, %v without: want the same", w[:asker], without)
	}
}

func TestMarkAskersMarksOnlyTheSpeakersWhoAsk(t *testing.T) {
	f := &featurizer{ids: map[uint64]int32{}}
	var askers checkworthy.Askers
	exs := []example{{speaker: "HOLT"}, {speaker: "TRUMP"}}
	askers.Add("HOLT", strings.Repeat("The debate runs 90 minutes. Will you answer? ", 6))
	askers.Add("TRUMP", strings.Repeat("We lost jobs to Mexico. ", 12))
	f.markAskers(exs, &askers)
	if len(exs[0].feats) != 1 || f.names[exs[0].feats[0]] != checkworthy.AskerFeature || len(exs[1].feats) != 0 {
		t.Errorf("features %v and %v (names %q): want the asker feature on the moderator's sentence alone", exs[0].feats, exs[1].feats, f.names)
	}
}

// debatesWithAHost is tinySet with two CLEF debates, each a candidate's
// check-worthy answer and a host's question.
func debatesWithAHost() (*dataset, params) {
	s, p := tinySet()
	s.debates = []string{"first", "second"}
	for g := range s.debates {
		s.examples = append(s.examples,
			example{feats: []int32{0}, y: 1, corpus: clef, group: g, speaker: "CANDIDATE", key: fmt.Sprint("answer ", g)},
			example{feats: []int32{1}, corpus: clef, group: g, speaker: "HOST", asks: true, key: fmt.Sprint("question ", g)})
	}
	p.share[clef] = 1
	return s, p
}

func TestDumpMarksTheAskersSentences(t *testing.T) {
	s, p := debatesWithAHost()
	lines := dumped(t, s, p, nil)
	if len(lines) != 4 {
		t.Fatalf("%d lines, want one for each of the 4 CLEF sentences: %q", len(lines), lines)
	}
	for _, cols := range lines {
		if want := map[string]string{"HOST": "1", "CANDIDATE": "0"}[cols[3]]; cols[6] != want {
			t.Errorf("%q: asks column %q, want %q", cols, cols[6], want)
		}
	}
}

// dumped runs dump on s and the news articles dev and returns its lines
// split into their 9 columns.
func dumped(t *testing.T, s *dataset, p params, dev []newsArticle) [][]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dump.tsv")
	if err := dump(path, s, p, dev); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]string
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) != 9 {
			t.Fatalf("%d columns in %q, want 9", len(cols), line)
		}
		lines = append(lines, cols)
	}
	return lines
}

// TestDumpWritesEachSingleCorpusModelsLogOdds marks, in CLEF, the
// sentences of the feature ClaimBuster marks against: the model trained on
// ClaimBuster alone must score the CLEF sentence with ClaimBuster's
// check-worthy feature higher, the one trained on CLEF alone the other.
func TestDumpWritesEachSingleCorpusModelsLogOdds(t *testing.T) {
	s, p := tinySet()
	s.debates = []string{"first", "second", "third"}
	for g := range s.debates {
		s.examples = append(s.examples,
			example{feats: []int32{0}, corpus: clef, group: g, speaker: "A", key: fmt.Sprint("count ", g)},
			example{feats: []int32{1}, y: 1, corpus: clef, group: g, speaker: "B", key: fmt.Sprint("person ", g)})
	}
	p.share[clef], p.negShare[clef] = 1, 1
	logOdds := map[string][2]float64{}
	for _, cols := range dumped(t, s, p, nil) {
		var cb, cl float64
		if _, err := fmt.Sscan(cols[7], &cb); err != nil {
			t.Fatalf("%q: %v", cols, err)
		}
		if _, err := fmt.Sscan(cols[8], &cl); err != nil {
			t.Fatalf("%q: %v", cols, err)
		}
		logOdds[cols[1]+" "+cols[3]] = [2]float64{cb, cl}
	}
	for _, d := range s.debates {
		a, b := logOdds[d+" A"], logOdds[d+" B"]
		if a[0] <= b[0] {
			t.Errorf("%s: ClaimBuster alone gives %v and %v, want the count's higher", d, a[0], b[0])
		}
		if a[1] >= b[1] {
			t.Errorf("%s: CLEF alone gives %v and %v, want the marked person's higher", d, a[1], b[1])
		}
	}
}

// TestDumpLinesAreOneShape: a news line has the CLEF line's 9 columns,
// NA where news has no value (speaker, asker, the single-corpus models),
// and every other column is a number where the README says one is.
func TestDumpLinesAreOneShape(t *testing.T) {
	s, p := debatesWithAHost()
	dev := []newsArticle{{feats: [][]int32{{0}, {1, 2}}, dense: [][]float32{nil, nil}, weak: []bool{true, false}}}
	lines := dumped(t, s, p, dev)
	if len(lines) != 6 {
		t.Fatalf("%d lines, want 4 CLEF and 2 news: %q", len(lines), lines)
	}
	for _, cols := range lines {
		numbers := []int{2, 4, 5, 6, 7, 8}
		if cols[0] == "news" {
			for _, c := range []int{3, 6, 7, 8} {
				if cols[c] != "NA" {
					t.Errorf("%q: column %d is %q, want NA in a news line", cols, c+1, cols[c])
				}
			}
			numbers = []int{1, 2, 4, 5}
		}
		for _, c := range numbers {
			if _, err := strconv.ParseFloat(cols[c], 64); err != nil {
				t.Errorf("%q: column %d is %q, want a number", cols, c+1, cols[c])
			}
		}
	}
}
