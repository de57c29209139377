// Command train learns the check-worthiness weights, prints figures
// measured only on data each model was not trained on, and writes the
// weights file the checkworthy package embeds. Run from the repository
// root:
//
//	go run ./model/checkworthy/train -out model/checkworthy/weights.bin
//
// It reads the ClaimBuster training split and the CLEF 2019 CheckThat!
// training transcripts from -data, and PolNeAR's train and dev articles
// from -news. Word vectors for the dense sentence features (-dense) are
// learned from news text alone: PolNeAR train and CoNLL and WikiGold from
// -ner. Training is deterministic for a given -seed. The figures:
//
//   - ClaimBuster: F1 at threshold 0.5 on balanced samples of held-out
//     folds. Folds are contiguous ranges of sentence ids (ClaimBuster numbers
//     its sentences debate by debate), so a fold's debates are never trained
//     on; the random folds the earlier model reported are printed beside.
//   - CLEF: mean average precision and precision at 5, 10, 20 and 50 over
//     the debates, each ranked by a model trained without it.
//   - News: on PolNeAR dev, which no model trains on, the AUC of the score
//     separating sentences holding attributed content with a number, an
//     entity or a comparison from the others: a weak proxy.
//   - Across corpora: ClaimBuster alone ranks CLEF, CLEF alone scores
//     ClaimBuster.
//
// -nested prints the same figures with the settings chosen by inner folds
// that never see the fold or transcript scored, and the settings chosen on
// all the data, which are the defaults.
//
// A held-out sentence's text is never trained on, in any corpus: the 2016
// presidential debates are in both ClaimBuster and CLEF.
//
// A CLEF sentence whose speaker asks (checkworthy.Askers, counted over its
// transcript) has the asker feature, whose weight -asker sets after
// training: only CLEF has speakers to learn it from. -speaker likewise
// sets how far a CLEF sentence of a speaker who does not ask moves with
// the speaker's lean (checkworthy.Speakers), which the rankings apply.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// options are the command's flags beyond the training settings.
type options struct {
	data, news, out string
	ner             string
	embedMin        int
	embedWindow     int
	folds           int
	cv, classes     bool
	nested          bool
	grid            string
	drop            string
	dump            string
}

func parse(args []string) (options, params, error) {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	var o options
	var p params
	fs.StringVar(&o.data, "data", "../shared/data/checkworthy", "folder with claimbuster-train.json and clef2019-training/")
	fs.StringVar(&o.news, "news", "../shared/data/attribution", "PolNeAR folder with train/ and dev/")
	fs.StringVar(&o.ner, "ner", "../shared/data/ner", "folder with CoNLL and WikiGold, unlabelled text for -dense")
	fs.IntVar(&p.dense, "dense", 50, "dimensions of a sentence vector from word embeddings learned on news text, as features (0: none)")
	fs.Float64Var(&p.l2Dense, "l2dense", 1e-4, "L2 penalty per update of the dense features")
	fs.IntVar(&o.embedMin, "embedmin", 5, "words seen fewer times in the unlabelled text get no vector")
	fs.IntVar(&o.embedWindow, "embedwindow", 4, "co-occurrence window either side")
	fs.StringVar(&o.out, "out", "", "write the weights here (none: only evaluate)")
	fs.IntVar(&o.folds, "folds", 5, "ClaimBuster cross-validation folds")
	fs.BoolVar(&o.cv, "cv", true, "print cross-validated figures")
	fs.BoolVar(&o.nested, "nested", false, "print figures with the settings chosen by nested cross-validation, and the settings chosen on all the data (slow)")
	fs.StringVar(&o.grid, "grid", "settings", "the settings -nested chooses among: settings (learning rate, -clefneg, -polnear) or pairs (-pairs 0, 0.5, 1)")
	fs.BoolVar(&o.classes, "classes", false, "print how often each word class and count feature occurs, and how often in check-worthy sentences")
	fs.StringVar(&o.dump, "dump", "", "write every CLEF sentence's held-out log-odds and every PolNeAR dev sentence's here, for analyses of context")
	fs.StringVar(&o.drop, "drop", "", "comma-separated feature name prefixes to leave out")
	fs.IntVar(&p.epochs, "epochs", 8, "passes over the data")
	fs.Float64Var(&p.rate, "rate", 0.02, "AdaGrad learning rate")
	fs.Float64Var(&p.l2, "l2", 1e-4, "L2 penalty per update")
	fs.Float64Var(&p.l2Lex, "l2lex", 1e-4, "L2 penalty per update of word and word-pair features")
	fs.IntVar(&p.minCount, "mincount", 10, "drop features seen in fewer training sentences")
	fs.IntVar(&p.minGroups, "mingroups", 8, "drop word and word-pair features seen in fewer training docs (debates, stretches of about 1,000 ClaimBuster ids, articles)")
	fs.Float64Var(&p.share[clef], "clef", 0.11, "total weight of the CLEF check-worthy sentences relative to ClaimBuster's")
	fs.Float64Var(&p.negShare[clef], "clefneg", 0, "total weight of the other CLEF sentences relative to ClaimBuster's")
	fs.Float64Var(&p.share[polnear], "polnear", 0.05, "total weight of the weakly positive PolNeAR train sentences relative to ClaimBuster's check-worthy ones")
	fs.Float64Var(&p.negShare[polnear], "polnearneg", 0.05, "total weight of the other PolNeAR train sentences relative to ClaimBuster's")
	fs.Float64Var(&p.pairShare, "pairs", 0.75, "total weight of CLEF ranking pairs (a marked sentence above an unmarked one of its transcript) relative to ClaimBuster's negatives")
	fs.IntVar(&p.pairsPer, "pairsper", 10, "unmarked sentences each marked CLEF sentence is paired with per epoch")
	fs.Uint64Var(&p.seed, "seed", 1, "random seed")
	fs.IntVar(&p.bags, "bags", 3, "models trained, each shuffling its own way, whose weights are averaged")
	fs.BoolVar(&p.average, "average", false, "average each model's weights over the ends of its second half of epochs")
	fs.Float64Var(&p.prune, "prune", 0.05, "drop weights smaller than this from the written model")
	fs.Float64Var(&p.asker, "asker", 2, "how far a transcript's askers' sentences are moved down, in log-odds (0: not at all)")
	fs.Float64Var(&p.speaker, "speaker", 2, "how far a transcript's sentence is moved by its speaker's lean (checkworthy.Speakers), in log-odds a unit of lean (0: not at all)")
	fs.Float64Var(&p.threshold, "threshold", 0.4, "the trained model's score that becomes 0.5, the decision point")
	p.share[claimBuster], p.negShare[claimBuster] = 1, 1
	err := fs.Parse(args)
	return o, p, err
}

func run(args []string, out io.Writer) error {
	o, p, err := parse(args)
	if err != nil {
		return err
	}
	candidates, ok := grids[o.grid]
	if !ok {
		return fmt.Errorf("-grid %q: want settings or pairs", o.grid)
	}
	f, err := newFeaturizer(o.drop)
	if err != nil {
		return err
	}
	if p.dense > 0 {
		docs, err := embedTexts(o.news, o.ner)
		if err != nil {
			return err
		}
		f.emb = learnEmbedding(docs, p.dense, o.embedMin, o.embedWindow, p.seed)
		fmt.Fprintf(out, "embedding: %d words of %d docs, %d dimensions\n", len(f.emb.vecs), len(docs), p.dense)
	}
	set := &dataset{}
	if err := set.loadClaimBuster(f, filepath.Join(o.data, "claimbuster-train.json"), o.folds); err != nil {
		return err
	}
	if err := set.loadCLEF(f, filepath.Join(o.data, "clef2019-training")); err != nil {
		return err
	}
	if p.share[polnear] > 0 || p.negShare[polnear] > 0 {
		if err := set.addNews(f, filepath.Join(o.news, "train")); err != nil {
			return err
		}
	}
	dev, err := f.loadNews(filepath.Join(o.news, "dev"), true)
	if err != nil {
		return err
	}
	for d := range p.dense {
		name := fmt.Sprintf("d:%d", d)
		f.intern(checkworthy.HashFeature(name), name)
	}
	set.names, set.emb, set.dense = f.names, f.emb, p.dense
	fmt.Fprintf(out, "data: %d ClaimBuster sentences (%d check-worthy) in %d id-range folds, %d CLEF sentences (%d check-worthy) in %d debates, %d PolNeAR train sentences (%d weakly positive), %d features\n",
		set.count(claimBuster, -1), set.count(claimBuster, 1), set.folds, set.count(clef, -1), set.count(clef, 1), len(set.debates),
		set.count(polnear, -1), set.count(polnear, 1), len(set.names))
	if o.classes {
		set.classRates(out)
	}
	if o.dump != "" {
		if err := dump(o.dump, set, p, dev); err != nil {
			return err
		}
	}
	if o.cv {
		report(out, set, p, dev)
	}
	if o.nested {
		set.nested(out, candidates(p))
	}
	if o.out == "" {
		return nil
	}
	return write(out, set, p, o.out)
}

func newFeaturizer(drop string) (*featurizer, error) {
	tagger, err := entity.Load()
	if err != nil {
		return nil, fmt.Errorf("entity tagger: %w", err)
	}
	det, err := claim.NewDetector()
	if err != nil {
		return nil, fmt.Errorf("claim detector: %w", err)
	}
	f := &featurizer{det: det, tagger: tagger, split: sentence.New(), ids: map[uint64]int32{}}
	if drop != "" {
		f.drop = strings.Split(drop, ",")
	}
	return f, nil
}

// addNews adds PolNeAR's train articles as a weakly labelled corpus, one
// group an article.
func (s *dataset) addNews(f *featurizer, dir string) error {
	arts, err := f.loadNews(dir, false)
	if err != nil {
		return err
	}
	for g, a := range arts {
		for i, feats := range a.feats {
			y := 0.0
			if a.weak[i] {
				y = 1
			}
			s.examples = append(s.examples, example{feats: f.nonLexical(feats), y: y, corpus: polnear, group: g, doc: s.docs, key: fmt.Sprintf("polnear %d %d", g, i)})
		}
		s.docs++
	}
	return nil
}

// nonLexical keeps the features of feats that are not words or word
// pairs: the news articles' words are one election's, and learned from
// them the weights named its candidates and its wire credits.
func (f *featurizer) nonLexical(feats []int32) []int32 {
	var out []int32
	for _, id := range feats {
		if !lexical(f.names[id]) {
			out = append(out, id)
		}
	}
	return out
}

// report prints the held-out figures.
func report(out io.Writer, set *dataset, p params, dev []newsArticle) {
	byID := func(e *example) int { return e.group }
	c := set.crossValidate(p, byID)
	fmt.Fprintf(out, "ClaimBuster %d folds by id range, balanced held-out samples, threshold 0.5: F1 %.3f, accuracy %.3f\n", set.folds, c.f1(), c.accuracy())
	c = set.crossValidate(p, set.randomFolds(p.seed))
	fmt.Fprintf(out, "ClaimBuster %d random folds (debates shared), same measure: F1 %.3f, accuracy %.3f\n", set.folds, c.f1(), c.accuracy())
	rs := set.leaveOneDebateOut(p)
	printRankings(out, set, "CLEF 2019 training, leave one debate out", rs)
	for i, r := range rs {
		fmt.Fprintf(out, "  %-28s AP %.3f  P@10 %.3f\n", set.debates[i], r.ap, r.pk[1])
	}
	cbToCLEF, clefToCB, auc := set.transfer(p)
	printRankings(out, set, "ClaimBuster alone -> CLEF", cbToCLEF)
	fmt.Fprintf(out, "CLEF alone -> ClaimBuster: balanced F1 %.3f, accuracy %.3f; AUC over all %.3f\n", clefToCB.f1(), clefToCB.accuracy(), auc)
	w, bias := set.train(p, func(*example) bool { return true })
	auc, pos, total := newsAUC(w, bias, dev)
	fmt.Fprintf(out, "PolNeAR dev (never trained on), %d sentences, %d with checkable attributed content: AUC %.3f\n", total, pos, auc)
}

// printRankings prints the mean CLEF figures over all transcripts, then
// over the debates alone and the other transcripts alone.
func printRankings(out io.Writer, set *dataset, what string, rs []ranking) {
	m := set.mean(rs, all)
	fmt.Fprintf(out, "%s, over %d transcripts: MAP %.3f, P@5 %.3f, P@10 %.3f, P@20 %.3f, P@50 %.3f\n",
		what, len(rs), m.ap, m.pk[0], m.pk[1], m.pk[2], m.pk[3])
	d, o := set.mean(rs, isDebate), set.mean(rs, func(n string) bool { return !isDebate(n) })
	fmt.Fprintf(out, "  debates: MAP %.3f, P@10 %.3f; speeches and press conferences: MAP %.3f, P@10 %.3f\n", d.ap, d.pk[1], o.ap, o.pk[1])
}

// write trains on everything and writes the weights file.
func write(out io.Writer, set *dataset, p params, path string) error {
	w, bias := set.train(p, func(*example) bool { return true })
	var feats []checkworthy.Feature
	for id, x := range w[:set.dense0()] {
		if x != 0 {
			feats = append(feats, checkworthy.Feature{Name: set.names[id], Weight: x})
		}
	}
	if p.speaker != 0 {
		feats = append(feats, checkworthy.Feature{Name: checkworthy.SpeakerFeature, Weight: p.speaker})
	}
	written := feats
	if set.emb != nil {
		written = append(feats[:len(feats):len(feats)], set.emb.meanings(w[set.dense0():])...)
	}
	enc := checkworthy.New(bias, written).Encode()
	if err := os.WriteFile(path, enc, 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	fmt.Fprintf(out, "wrote %s: %d features, %d words' meanings and idfs, %d bytes\n", path, len(feats), (len(written)-len(feats))/2, len(enc))
	sort.Slice(feats, func(i, j int) bool { return feats[i].Weight > feats[j].Weight })
	n := min(15, len(feats))
	fmt.Fprintf(out, "strongest for:%s\nstrongest against:%s\n", named(feats[:n]), named(feats[len(feats)-n:]))
	return nil
}

func named(fs []checkworthy.Feature) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, " %s(%+.2f)", f.Name, f.Weight)
	}
	return b.String()
}

// classRates prints, for every feature that is not a word or word pair,
// the share of each debate corpus's sentences that have it and the share
// of those that are check-worthy: the counts that justify the classes.
func (s *dataset) classRates(out io.Writer) {
	var n, pos [2]map[int32]float64
	var total, totalPos [2]float64
	for c := range n {
		n[c], pos[c] = map[int32]float64{}, map[int32]float64{}
	}
	for _, e := range s.examples {
		if e.corpus > clef {
			continue
		}
		total[e.corpus]++
		totalPos[e.corpus] += e.y
		seen := map[int32]bool{}
		for _, f := range e.feats {
			if !seen[f] && !lexical(s.names[f]) {
				seen[f] = true
				n[e.corpus][f]++
				pos[e.corpus][f] += e.y
			}
		}
	}
	var ids []int32
	for f := range n[claimBuster] {
		ids = append(ids, f)
	}
	sort.Slice(ids, func(i, j int) bool { return s.names[ids[i]] < s.names[ids[j]] })
	fmt.Fprintf(out, "feature: share of sentences, share check-worthy (ClaimBuster overall %.3f; CLEF overall %.3f)\n", totalPos[0]/total[0], totalPos[1]/total[1])
	for _, f := range ids {
		fmt.Fprintf(out, "  %-16s ClaimBuster %.3f %.3f  CLEF %.3f %.3f\n", s.names[f],
			n[0][f]/total[0], pos[0][f]/max(n[0][f], 1), n[1][f]/total[1], pos[1][f]/max(n[1][f], 1))
	}
}
