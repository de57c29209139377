package main

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/margin-reader/margin/model/checkworthy"
	"github.com/margin-reader/margin/model/checkworthy/internal/newsproxy"
)

// embedding holds word vectors learned from unlabelled news text (PPMI of
// word co-occurrence, reduced by subspace iteration) and each word's idf
// weight, for a dense sentence vector beside the sparse features. The
// text is news only (PolNeAR train, CoNLL train and dev, WikiGold): no
// debate sentence any figure scores is among it, so no fold leaks.
type embedding struct {
	words []string
	index map[string]int
	vecs  [][]float32
	idf   []float32
	dims  int
}

// embedWords returns the words of text as the scorer reads them (the
// word features of checkworthy.Extract, without "w:"), so a sentence's
// vector in training is the one the scorer's table adds up.
func embedWords(text string) []string {
	var out []string
	checkworthy.Extract(text, nil, nil, func(_ uint64, name string) {
		if w, ok := strings.CutPrefix(name, "w:"); ok {
			out = append(out, w)
		}
	})
	return out
}

// embedTexts reads the unlabelled text, a document a slice of sentences'
// words.
func embedTexts(news, ner string) ([][]string, error) {
	var docs [][]string
	files, err := newsproxy.Files(filepath.Join(news, "train"))
	if err != nil {
		return nil, fmt.Errorf("embedding text: %w", err)
	}
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("embedding text: %w", err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			if w := embedWords(line); len(w) > 0 {
				docs = append(docs, w)
			}
		}
	}
	for _, name := range []string{"conll2003-train.txt", "conll2003-dev.txt", "wikigold.txt"} {
		fh, err := os.Open(filepath.Join(ner, name))
		if err != nil {
			return nil, fmt.Errorf("embedding text: %w", err)
		}
		sc := bufio.NewScanner(fh)
		var cur []string
		for sc.Scan() {
			fs := strings.Fields(sc.Text())
			if len(fs) == 0 || fs[0] == "-DOCSTART-" {
				if w := embedWords(strings.Join(cur, " ")); len(w) > 0 {
					docs = append(docs, w)
				}
				cur = cur[:0]
				continue
			}
			cur = append(cur, fs[0])
		}
		if w := embedWords(strings.Join(cur, " ")); len(w) > 0 {
			docs = append(docs, w)
		}
		err = sc.Err()
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("embedding text: %s: %w", name, err)
		}
	}
	return docs, nil
}

// learnEmbedding builds vectors of dims dimensions for the words seen at
// least minCount times, from a window of window words either side.
func learnEmbedding(docs [][]string, dims, minCount, window int, seed uint64) *embedding {
	counts := map[string]int{}
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, w := range d {
			counts[w]++
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	var vocab []string
	for w, n := range counts {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Strings(vocab)
	e := &embedding{words: vocab, index: map[string]int{}, dims: dims}
	for i, w := range vocab {
		e.index[w] = i
		e.idf = append(e.idf, float32(math.Log(float64(len(docs))/float64(df[w]))))
	}
	v := len(vocab)
	co := map[int64]float64{}
	for _, d := range docs {
		ids := make([]int, len(d))
		for i, w := range d {
			ids[i] = -1
			if k, ok := e.index[w]; ok {
				ids[i] = k
			}
		}
		for i, a := range ids {
			if a < 0 {
				continue
			}
			for j := i + 1; j <= i+window && j < len(ids); j++ {
				if b := ids[j]; b >= 0 {
					x := 1 / float64(j-i)
					co[int64(a)*int64(v)+int64(b)] += x
					co[int64(b)*int64(v)+int64(a)] += x
				}
			}
		}
	}
	// The counts go through a sorted matrix before any sum, so the sums
	// are made in one order and training stays deterministic (a map's
	// order changed their last bits from run to run).
	cooc := newSparse(v)
	for k, x := range co {
		cooc.add(int(k/int64(v)), int(k%int64(v)), x)
	}
	cooc.finish()
	row := make([]float64, v)
	for r := range v {
		for p := cooc.start[r]; p < cooc.start[r+1]; p++ {
			row[r] += cooc.val[p]
		}
	}
	ctx := make([]float64, v)
	ctxTotal := 0.0
	for i := range ctx {
		ctx[i] = math.Pow(row[i], 0.75)
		ctxTotal += ctx[i]
	}
	m := newSparse(v)
	for a := range v {
		for p := cooc.start[a]; p < cooc.start[a+1]; p++ {
			b := cooc.col[p]
			if pmi := math.Log(cooc.val[p] * ctxTotal / (row[a] * ctx[b])); pmi > 0 {
				m.add(a, b, pmi)
			}
		}
	}
	m.finish()
	q := m.topSubspace(dims, 6, seed)
	// Word vectors are the PPMI rows projected on the top subspace.
	e.vecs = make([][]float32, v)
	for i := range v {
		vec := make([]float32, dims)
		for p := m.start[i]; p < m.start[i+1]; p++ {
			for d := range dims {
				vec[d] += float32(m.val[p] * q[d][m.col[p]])
			}
		}
		unit(vec)
		e.vecs[i] = vec
	}
	return e
}

func unit(v []float32) {
	n := 0.0
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n > 0 {
		s := float32(1 / math.Sqrt(n))
		for i := range v {
			v[i] *= s
		}
	}
}

// sentence returns the idf-weighted mean of a sentence's word vectors.
func (e *embedding) sentence(text string) []float32 {
	out := make([]float32, e.dims)
	var wsum float32
	for _, w := range embedWords(text) {
		k, ok := e.index[w]
		if !ok {
			continue
		}
		for d, x := range e.vecs[k] {
			out[d] += e.idf[k] * x
		}
		wsum += e.idf[k]
	}
	// A mean, not a unit vector: it stays linear in the words, which is
	// what lets the scorer add it up word by word (meanings).
	if wsum > 0 {
		for d := range out {
			out[d] /= wsum
		}
	}
	return out
}

// sparse is a square matrix in compressed rows, built by add then finish.
type sparse struct {
	n     int
	rows  [][]entry
	start []int
	col   []int
	val   []float64
}

type entry struct {
	c int
	v float64
}

func newSparse(n int) *sparse { return &sparse{n: n, rows: make([][]entry, n)} }

func (m *sparse) add(r, c int, v float64) { m.rows[r] = append(m.rows[r], entry{c, v}) }

func (m *sparse) finish() {
	m.start = make([]int, m.n+1)
	for r, es := range m.rows {
		sort.Slice(es, func(i, j int) bool { return es[i].c < es[j].c })
		for _, e := range es {
			m.col = append(m.col, e.c)
			m.val = append(m.val, e.v)
		}
		m.start[r+1] = len(m.col)
	}
	m.rows = nil
}

// mul returns m times x (m is symmetric).
func (m *sparse) mul(x []float64) []float64 {
	y := make([]float64, m.n)
	for r := range m.n {
		s := 0.0
		for p := m.start[r]; p < m.start[r+1]; p++ {
			s += m.val[p] * x[m.col[p]]
		}
		y[r] = s
	}
	return y
}

// topSubspace returns an orthonormal basis, k vectors, of the top
// eigenspace of the symmetric m, by subspace iteration.
func (m *sparse) topSubspace(k, iters int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 0x656d6264))
	q := make([][]float64, k)
	for i := range q {
		q[i] = make([]float64, m.n)
		for j := range q[i] {
			q[i][j] = rng.NormFloat64()
		}
	}
	orthonormalise(q)
	for range iters {
		for i := range q {
			q[i] = m.mul(m.mul(q[i]))
		}
		orthonormalise(q)
	}
	return q
}

func orthonormalise(q [][]float64) {
	for i := range q {
		for j := range i {
			d := 0.0
			for t := range q[i] {
				d += q[i][t] * q[j][t]
			}
			for t := range q[i] {
				q[i][t] -= d * q[j][t]
			}
		}
		n := 0.0
		for _, x := range q[i] {
			n += x * x
		}
		n = math.Sqrt(n)
		for t := range q[i] {
			q[i][t] /= n
		}
	}
}

// meanings returns each word's meaning and idf features for the weights
// file, given the learned weights u of the sentence vector's dimensions:
// the scorer adds the sum of the meanings over the sum of the idfs, which
// is u's product with the idf-weighted mean of the words' vectors.
func (e *embedding) meanings(u []float64) []checkworthy.Feature {
	var out []checkworthy.Feature
	for i, w := range e.words {
		dot := 0.0
		for d, x := range e.vecs[i] {
			dot += u[d] * float64(x)
		}
		out = append(out, checkworthy.Feature{Name: "m:" + w, Weight: float64(e.idf[i]) * dot}, checkworthy.Feature{Name: "f:" + w, Weight: float64(e.idf[i])})
	}
	return out
}
