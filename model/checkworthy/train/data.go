package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/checkworthy/internal/newsproxy"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
	"github.com/margin-reader/margin/model/span"
)

// The corpora an example can come from.
const (
	claimBuster = iota
	clef
	polnear
	corpora
)

// example is one labelled sentence as feature ids.
type example struct {
	feats  []int32
	dense  []float32
	y      float64
	corpus int
	// group is the ClaimBuster fold, the CLEF debate or the PolNeAR
	// article: what cross-validation holds out together.
	group int
	// doc is the debate, the stretch of a ClaimBuster debate or the
	// article the sentence comes from, numbered across corpora: words must
	// recur across docs to be learned (-mingroups). A doc's examples are
	// contiguous.
	doc int
	// key is the sentence's letters and digits, lower-cased: a held-out
	// sentence's key is never trained on, since the corpora share debates.
	key string
	// speaker is the CLEF line's speaker, and asks whether the speaker
	// is one of the transcript's askers (markAskers).
	speaker string
	asks    bool
	// note is whether the CLEF line is a stage direction
	// (checkworthy.StageDirection), which the rankings score 0.
	note bool
}

// dataset holds every example and the feature names.
type dataset struct {
	examples []example
	// emb is the embedding of the dense features, if any.
	emb   *embedding
	names []string
	// dense is how many dense features there are: the last of names
	// (dense0).
	dense   int
	debates []string
	folds   int
	// docs counts the docs numbered so far.
	docs int
}

// dense0 is the id of the first dense feature.
func (s *dataset) dense0() int { return len(s.names) - s.dense }

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
	split  *sentence.Splitter
	ids    map[uint64]int32
	names  []string
	// drop lists feature name prefixes left out (feature selection).
	drop []string
	// emb gives each sentence a dense vector, if set.
	emb *embedding
}

func (f *featurizer) dropped(name string) bool {
	for _, p := range f.drop {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// sentenceFeatures are what the analyser knows of one sentence.
type sentenceFeatures struct {
	kinds  []string
	labels []entity.Label
}

// analyze runs the entity tagger and the claim detector over text as the
// analyser does, and returns what each sentence gets.
func (f *featurizer) analyze(text string, sents []span.Span) ([]sentenceFeatures, []entity.Entity) {
	var ents []entity.Entity
	if f.tagger != nil {
		ents = f.tagger.Tag(text, sents)
	}
	out := make([]sentenceFeatures, len(sents))
	for _, e := range ents {
		if i := span.Index(sents, e.Start); i >= 0 {
			out[i].labels = append(out[i].labels, e.Label)
		}
	}
	for _, c := range f.det.Analyze(text, sents, ents).Claims {
		if i := span.Index(sents, c.Start); i >= 0 {
			for k := range c.Kinds.All() {
				out[i].kinds = append(out[i].kinds, string(k))
			}
		}
	}
	return out, ents
}

func (f *featurizer) features(sentence string, sf sentenceFeatures) []int32 {
	var out []int32
	checkworthy.Extract(sentence, sf.kinds, sf.labels, func(h uint64, name string) {
		if id, ok := f.intern(h, name); ok {
			out = append(out, id)
		}
	})
	return out
}

// intern returns the id of the feature named name with hash h, giving it
// the next id the first time, or false for a feature left out.
func (f *featurizer) intern(h uint64, name string) (int32, bool) {
	if f.dropped(name) {
		return 0, false
	}
	id, ok := f.ids[h]
	if !ok {
		id = int32(len(f.names))
		f.ids[h] = id
		f.names = append(f.names, name)
	}
	return id, true
}

// one analyses a lone sentence, as the debate corpora give them.
func (f *featurizer) one(text string) []int32 {
	sf, _ := f.analyze(text, []span.Span{{Start: 0, End: len(text)}})
	return f.features(text, sf[0])
}

// keyOf is the text a duplicate is recognised by.
func keyOf(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// loadClaimBuster reads the ClaimBuster training split. Its sentences carry
// only ids, which ClaimBuster numbered debate after debate in date order, so
// folds are contiguous id ranges cut at the widest gap near each boundary:
// a debate rarely straddles two folds, and no fold sees its own era.
func (s *dataset) loadClaimBuster(f *featurizer, path string, folds int) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("ClaimBuster: %w", err)
	}
	var cb []struct {
		ID    int    `json:"sentence_id"`
		Label int    `json:"label"`
		Text  string `json:"text"`
	}
	if err := json.Unmarshal(raw, &cb); err != nil {
		return fmt.Errorf("ClaimBuster %s: %w", path, err)
	}
	sort.SliceStable(cb, func(i, j int) bool { return cb[i].ID < cb[j].ID })
	ids := make([]int, len(cb))
	for i, r := range cb {
		ids[i] = r.ID
	}
	cuts := foldCuts(ids, folds)
	s.folds = folds
	fold := 0
	for i, r := range cb {
		for fold < len(cuts) && i >= cuts[fold] {
			fold++
		}
		doc := s.docs + r.ID/claimBusterDocIDs
		s.examples = append(s.examples, example{feats: f.one(r.Text), dense: f.vec(r.Text), y: float64(r.Label), corpus: claimBuster, group: fold, doc: doc, key: keyOf(r.Text)})
	}
	if len(cb) > 0 {
		s.docs += cb[len(cb)-1].ID/claimBusterDocIDs + 1
	}
	return nil
}

// claimBusterDocIDs is how many sentence ids make one ClaimBuster doc:
// its 33 debates hold about 34,000 ids, so a doc is about one debate.
const claimBusterDocIDs = 1000

// foldCuts returns the indexes of sorted ids where folds 1..n-1 start:
// near each n-th of the data, at the widest gap between ids within a
// twentieth of it.
func foldCuts(ids []int, n int) []int {
	var cuts []int
	slack := len(ids) / 20
	for k := 1; k < n; k++ {
		at := k * len(ids) / n
		best := at
		for i := max(at-slack, 1); i < min(at+slack, len(ids)); i++ {
			if ids[i]-ids[i-1] > ids[best]-ids[best-1] {
				best = i
			}
		}
		cuts = append(cuts, best)
	}
	return cuts
}

// loadCLEF reads the CLEF 2019 training transcripts, one group a debate.
func (s *dataset) loadCLEF(f *featurizer, dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("CLEF: no %s/*.tsv", dir)
	}
	sort.Strings(files)
	for d, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("CLEF: %w", err)
		}
		s.debates = append(s.debates, strings.TrimSuffix(filepath.Base(path), ".tsv"))
		first := len(s.examples)
		var askers checkworthy.Askers
		for i, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
			cols := strings.Split(line, "\t")
			if len(cols) != 4 {
				return fmt.Errorf("CLEF %s line %d: %d columns", path, i+1, len(cols))
			}
			y, err := strconv.Atoi(strings.TrimSpace(cols[3]))
			if err != nil {
				return fmt.Errorf("CLEF %s line %d: label: %w", path, i+1, err)
			}
			s.examples = append(s.examples, example{feats: f.one(cols[2]), dense: f.vec(cols[2]), y: float64(min(y, 1)), corpus: clef, group: d, doc: s.docs, key: keyOf(cols[2]), speaker: cols[1], note: checkworthy.StageDirection(cols[2])})
			askers.Add(cols[1], cols[2])
		}
		f.markAskers(s.examples[first:], &askers)
		s.docs++
	}
	return nil
}

// markAskers gives the examples of a transcript whose speaker asks the
// asker feature, as the analyser does with a transcript's speakers.
func (f *featurizer) markAskers(exs []example, askers *checkworthy.Askers) {
	id, ok := f.intern(checkworthy.HashFeature(checkworthy.AskerFeature), checkworthy.AskerFeature)
	if !ok {
		return
	}
	for i := range exs {
		if askers.Asks(exs[i].speaker) {
			exs[i].feats = append(exs[i].feats, id)
			exs[i].asks = true
		}
	}
}

// newsArticle is one PolNeAR article's sentences as feature ids, with
// their weak labels and, if asked for, their dense vectors.
type newsArticle struct {
	feats [][]int32
	dense [][]float32
	weak  []bool
	// note marks the stage directions (checkworthy.StageDirection), which
	// score 0.
	note []bool
}

// loadNews reads the PolNeAR articles in dir, with the sentences' dense
// vectors if vectors is set: the train articles teach only the features
// that are not words (nonLexical), and no vector.
func (f *featurizer) loadNews(dir string, vectors bool) ([]newsArticle, error) {
	files, err := newsproxy.Files(dir)
	if err != nil {
		return nil, err
	}
	out := make([]newsArticle, 0, len(files))
	for _, path := range files {
		art, err := newsproxy.Read(path, f.split)
		if err != nil {
			return nil, err
		}
		sfs, ents := f.analyze(art.Text, art.Sentences)
		a := newsArticle{feats: make([][]int32, len(art.Sentences)), weak: art.Weak(ents), note: make([]bool, len(art.Sentences))}
		if vectors {
			a.dense = make([][]float32, len(art.Sentences))
		}
		for i, s := range art.Sentences {
			a.feats[i] = f.features(art.Text[s.Start:s.End], sfs[i])
			a.note[i] = checkworthy.StageDirection(art.Text[s.Start:s.End])
			if vectors {
				a.dense[i] = f.vec(art.Text[s.Start:s.End])
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// vec returns a sentence's dense vector, or nil without an embedding.
func (f *featurizer) vec(text string) []float32 {
	if f.emb == nil {
		return nil
	}
	return f.emb.sentence(text)
}
