package ner

import (
	"cmp"
	"io"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
)

// Clusters maps words to word clusters learned from unlabelled text, the
// stand-in for Brown clusters: words that occur in the same contexts share
// a cluster, so the model can treat an unseen surname or town like the
// ones it was trained on. A word's cluster is a path in a tree of 4-way
// splits, coded as a leading 1 followed by two bits per level; its
// prefixes are the coarser clusters above it. Words are keyed by the
// 32-bit key of their Word hash (case kept, digits as 0), so the table
// holds no text. The paths are read in place (see keyTable).
type Clusters struct {
	codes *keyTable
}

// Len is the number of words with a cluster.
func (c *Clusters) Len() int { return c.codes.Len() }

// Code returns the cluster path of the word with Word hash h, or 0.
func (c *Clusters) Code(h uint64) uint16 {
	if c == nil {
		return 0
	}
	return c.codes.lookup(key(h))
}

// clusterPrefix is the cluster at depth d above code (code itself when it
// is not that deep), or 0 for no cluster.
func clusterPrefix(code uint16, d int) uint16 {
	if code == 0 {
		return 0
	}
	if depth := (bits.Len16(code) - 1) / 2; depth > d {
		return code >> (2 * (depth - d))
	}
	return code
}

// clustersMagic begins a table of 16-bit cluster paths; MCLU1 was the
// deflated table that was decoded into a map, MCLU2 the table without its
// directory.
const clustersMagic = "MCLU3"

// WriteTo writes the table as it is read (see keyTable.writeTo).
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	return c.codes.writeTo(w, clustersMagic, "clusters")
}

// ReadClusters reads a table written by WriteTo, in place; empty data is
// an empty table.
func ReadClusters(data string) (*Clusters, error) {
	t, err := readKeyTable(data, clustersMagic, 2, "clusters")
	if err != nil {
		return nil, err
	}
	return &Clusters{codes: t}, nil
}

// ClusterOptions steer BuildClusters.
type ClusterOptions struct {
	MinCount int    // words seen fewer times get no cluster
	Contexts int    // the most frequent words, whose neighbourhood describes a word
	Depth    int    // levels of 4-way splits, at most 7
	MinLeaf  int    // a node with fewer words is not split
	Seed     uint64 // the k-means starts
}

// BuildClusters learns word clusters from sentences of unlabelled text.
// Each word seen at least MinCount times is described by its positive
// pointwise mutual information with the frequent words one and two places
// to its left and right; the words are then split by spherical k-means, 4 ways at a time, Depth levels
// deep. The same text and options give the same table.
func BuildClusters(sents [][]string, opt ClusterOptions) *Clusters {
	seq, counts := clusterTokens(sents)
	order := make([]int32, len(counts))
	for i := range order {
		order[i] = int32(i)
	}
	// Most frequent first; the hash breaks ties so the order is fixed.
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(counts[b].n, counts[a].n), cmp.Compare(counts[a].h, counts[b].h))
	})
	rank := make([]int32, len(counts))
	for r, id := range order {
		rank[id] = int32(r)
	}
	nv := 0
	for nv < len(order) && counts[order[nv]].n >= opt.MinCount {
		nv++
	}
	vecs, dims := contextVectors(seq, rank, nv, opt)
	words := make([]int, nv)
	for i := range words {
		words[i] = i
	}
	codes := make(map[uint32]uint16, nv)
	splitClusters(vecs, dims, opt, words, 1, 0, func(w int, code uint16) {
		codes[key(counts[order[w]].h)] = code
	})
	return &Clusters{codes: newKeyTable(codes, 2)}
}

type wordCount struct {
	h uint64
	n int
}

// boundaryID marks a sentence edge in the token sequence.
const boundaryID = -1

// clusterTokens turns sentences into one sequence of word ids with
// boundaries between sentences, and counts each word.
func clusterTokens(sents [][]string) ([]int32, []wordCount) {
	ids := map[uint64]int32{}
	var counts []wordCount
	seq := []int32{boundaryID}
	var w Word
	for _, s := range sents {
		for _, tok := range s {
			describeShape(tok, &w)
			id, ok := ids[w.word]
			if !ok {
				id = int32(len(counts))
				ids[w.word] = id
				counts = append(counts, wordCount{h: w.word})
			}
			counts[id].n++
			seq = append(seq, id)
		}
		seq = append(seq, boundaryID)
	}
	return seq, counts
}

// sparseVec is a context vector: its non-zero dimensions, in order, and values.
type sparseVec struct {
	idx []int32
	val []float32
}

func (v sparseVec) dot(dense []float32) float32 {
	s := float32(0)
	for i, d := range v.idx {
		s += v.val[i] * dense[d]
	}
	return s
}

// contextVectors describes each of the nv most frequent words (by rank) by
// the PPMI of its neighbours at offsets -2, -1, +1 and +2 among the
// opt.Contexts most frequent words (or a sentence edge), normalised to
// unit length. It also returns the number of dimensions.
func contextVectors(seq, rank []int32, nv int, opt ClusterOptions) ([]sparseVec, int) {
	nc := opt.Contexts + 1 // the last context is a sentence edge
	offsets := [...]int{-2, -1, 1, 2}
	ctxOf := func(id int32) int {
		switch {
		case id == boundaryID:
			return opt.Contexts
		case int(rank[id]) < opt.Contexts:
			return int(rank[id])
		}
		return -1
	}
	co := make([]map[int32]float32, nv)
	ctxTotal := make([]float64, len(offsets)*nc)
	wordTotal := make([]float64, nv)
	total := 0.0
	for i, id := range seq {
		if id == boundaryID || int(rank[id]) >= nv {
			continue
		}
		w := rank[id]
		for oi, off := range offsets {
			j := i + off
			if j < 0 || j >= len(seq) {
				continue
			}
			x := ctxOf(seq[j])
			if x < 0 {
				continue
			}
			f := int32(oi*nc + x)
			if co[w] == nil {
				co[w] = map[int32]float32{}
			}
			co[w][f]++
			ctxTotal[f]++
			wordTotal[w]++
			total++
		}
	}
	vecs := make([]sparseVec, nv)
	for w := range vecs {
		var v sparseVec
		for f, n := range co[w] {
			if pmi := math.Log(float64(n) * total / (wordTotal[w] * ctxTotal[f])); pmi > 0 {
				v.idx = append(v.idx, f)
			}
		}
		slices.Sort(v.idx)
		for _, f := range v.idx {
			v.val = append(v.val, float32(math.Log(float64(co[w][f])*total/(wordTotal[w]*ctxTotal[f]))))
		}
		normalise(v.val)
		vecs[w] = v
	}
	return vecs, len(ctxTotal)
}

func normalise(v []float32) {
	s := float32(0)
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(float64(s)))
	for i := range v {
		v[i] *= inv
	}
}

// splitClusters gives each word of a node below depth opt.Depth with at
// least opt.MinLeaf words to one of up to 4 children by spherical k-means,
// and recurses; a leaf's words get its code.
func splitClusters(vecs []sparseVec, dims int, opt ClusterOptions, words []int, code uint16, depth int, set func(int, uint16)) {
	if depth >= opt.Depth || len(words) < opt.MinLeaf {
		for _, w := range words {
			set(w, code)
		}
		return
	}
	rng := rand.New(rand.NewPCG(opt.Seed, uint64(code)))
	assign := kmeans(vecs, dims, words, 4, rng)
	for k := range 4 {
		var child []int
		for i, w := range words {
			if assign[i] == k {
				child = append(child, w)
			}
		}
		if len(child) > 0 {
			splitClusters(vecs, dims, opt, child, code<<2|uint16(k), depth+1, set)
		}
	}
}

// kmeans assigns words to k clusters by cosine similarity in 10 rounds,
// starting from k words drawn at random (k-means++: each draw favours
// words unlike those drawn before).
func kmeans(vecs []sparseVec, dims int, words []int, k int, rng *rand.Rand) []int {
	cent := make([][]float32, k)
	for c := range cent {
		cent[c] = make([]float32, dims)
	}
	seed := func(c, w int) {
		clear(cent[c])
		for i, d := range vecs[w].idx {
			cent[c][d] = vecs[w].val[i]
		}
	}
	seed(0, words[rng.IntN(len(words))])
	far := make([]float64, len(words))
	for c := 1; c < k; c++ {
		sum := 0.0
		for i, w := range words {
			best := float32(math.Inf(-1))
			for p := 0; p < c; p++ {
				best = max(best, vecs[w].dot(cent[p]))
			}
			far[i] = max(0, 1-float64(best))
			sum += far[i]
		}
		pick := len(words) - 1
		for i, r := 0, rng.Float64()*sum; i < len(words); i++ {
			if r -= far[i]; r < 0 {
				pick = i
				break
			}
		}
		seed(c, words[pick])
	}
	assign := make([]int, len(words))
	for range 10 {
		for i, w := range words {
			best, arg := float32(math.Inf(-1)), 0
			for c := range cent {
				if s := vecs[w].dot(cent[c]); s > best {
					best, arg = s, c
				}
			}
			assign[i] = arg
		}
		for c := range cent {
			clear(cent[c])
		}
		for i, w := range words {
			for j, d := range vecs[w].idx {
				cent[assign[i]][d] += vecs[w].val[j]
			}
		}
		for c := range cent {
			normalise(cent[c])
		}
	}
	return assign
}
