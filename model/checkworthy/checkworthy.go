// Package checkworthy scores how worth checking a sentence is, from 0 to 1,
// with a logistic regression over features a person can read: classes of
// grammar and quantity words (numbers, comparisons, changes, tense,
// modality, person, questions), entity labels and counts, the claim kinds
// the rules found, and the commoner words and word pairs. The weights are
// learned by ./train from public debate corpora and embedded.
package checkworthy

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"sort"

	"github.com/margin-reader/margin/model/entity"
)

//go:embed weights.bin
var embedded []byte

// Model is a trained scorer. It is read-only after loading, so one Model
// may serve any number of goroutines.
type Model struct {
	bias float64
	// table holds, for scoring, the weights and the word classes, with
	// each word's cluster weight added to the word's own: one probe a
	// word. feats holds every weighted feature by hash, with its own
	// weight, and clusters every word's cluster, for Explain and Encode.
	table    *table
	feats    map[uint64]Feature
	clusters map[uint64]uint16
}

// Feature is one named feature with its learned weight.
type Feature struct {
	Name   string
	Weight float64
}

// Load returns the model embedded in the package.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("checkworthy weights: %w", err)
	}
	return m, nil
}

// New builds a model from a bias, named feature weights and the words'
// clusters (by the hash of each word's feature, see ClusterFeature). Only
// the words whose cluster carries a weight are kept.
func New(bias float64, features []Feature, clusters map[uint64]uint16) *Model {
	m := &Model{bias: bias, feats: make(map[uint64]Feature, len(features)), clusters: map[uint64]uint16{}}
	for _, f := range features {
		m.feats[HashFeature(f.Name)] = Feature{Name: f.Name, Weight: float64(float32(f.Weight))}
	}
	for h, c := range clusters {
		if m.clusterWeight(c) != 0 {
			m.clusters[h] = c
		}
	}
	m.table = newTable(len(features) + numClassWords + len(m.clusters))
	fillClasses(m.table)
	for h, f := range m.feats {
		m.table.at(h).weight = float32(f.Weight)
	}
	for h, c := range m.clusters {
		m.table.at(h).weight += float32(m.clusterWeight(c))
	}
	return m
}

// clusterWeight is the weight of cluster c's feature, 0 if it has none.
func (m *Model) clusterWeight(c uint16) float64 {
	return m.feats[HashFeature(ClusterFeature(c))].Weight
}

// ClusterFeature names the feature of word cluster c, a path in the
// entity tagger's tree of 4-way splits coded as a leading 1 and two bits a
// level: "c:" and a digit from 0 to 3 a level, "c:0312".
func ClusterFeature(c uint16) string {
	if c == 0 {
		return "c:"
	}
	depth := (bits.Len16(c) - 1) / 2
	b := make([]byte, 2, 2+depth)
	b[0], b[1] = 'c', ':'
	for d := depth - 1; d >= 0; d-- {
		b = append(b, '0'+byte(c>>(2*d)&3))
	}
	return string(b)
}

// Score returns how worth checking sentence is, from 0 to 1; 0.5 and
// above means worth checking. kinds are the claim kinds found in it and
// labels the labels of the entities in it; both may be nil.
func (m *Model) Score(sentence string, kinds []string, labels []entity.Label) float64 {
	z := m.bias
	word := func(h uint64, _ string) wordClass {
		s := m.table.find(h)
		z += float64(s.weight)
		return s.class
	}
	extract(sentence, kinds, labels, false, word, func(h uint64, _ string) {
		z += float64(m.table.find(h).weight)
	})
	return sigmoid(z)
}

// Explain returns the features of sentence that carry a weight, strongest
// first: why it got its score.
func (m *Model) Explain(sentence string, kinds []string, labels []entity.Label) []Feature {
	var out []Feature
	add := func(h uint64, _ string) {
		if f, ok := m.feats[h]; ok {
			out = append(out, f)
		}
	}
	word := func(h uint64, name string) wordClass {
		add(h, name)
		if c, ok := m.clusters[h]; ok {
			add(HashFeature(ClusterFeature(c)), "")
		}
		return m.table.find(h).class
	}
	extract(sentence, kinds, labels, false, word, add)
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Weight) > math.Abs(out[j].Weight) })
	return out
}

// Features returns the bias and every weight of the model, by name.
func (m *Model) Features() (float64, []Feature) {
	out := make([]Feature, 0, len(m.feats))
	for _, f := range m.feats {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return m.bias, out
}

// Clusters returns the words' clusters the model keeps, by the hash of
// each word's feature.
func (m *Model) Clusters() map[uint64]uint16 { return maps.Clone(m.clusters) }

// Extract calls emit with the hash and the name of every feature of a
// sentence, in order, repeats included. Training uses it; scoring uses the
// same walk without names.
func Extract(sentence string, kinds []string, labels []entity.Label, emit func(h uint64, name string)) {
	classes := classTable()
	word := func(h uint64, name string) wordClass {
		emit(h, name)
		return classes.find(h).class
	}
	extract(sentence, kinds, labels, true, word, emit)
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// magic starts a weights file; the digit is the format version.
const magic = "CWT2"

// Encode writes the model in the weights file format, all little-endian:
// the magic, the bias as a float64, the number of features, then each
// feature as its name's length, the name and its weight as a float32,
// names sorted; then the number of words with a cluster and each as the
// distance of its word feature's hash from the one before (sorted) and
// its cluster.
func (m *Model) Encode() []byte {
	bias, feats := m.Features()
	out := append([]byte(magic), make([]byte, 8)...)
	binary.LittleEndian.PutUint64(out[len(magic):], math.Float64bits(bias))
	out = binary.AppendUvarint(out, uint64(len(feats)))
	for _, f := range feats {
		out = binary.AppendUvarint(out, uint64(len(f.Name)))
		out = append(out, f.Name...)
		out = binary.LittleEndian.AppendUint32(out, math.Float32bits(float32(f.Weight)))
	}
	words := slices.Sorted(maps.Keys(m.clusters))
	out = binary.AppendUvarint(out, uint64(len(words)))
	prev := uint64(0)
	for _, h := range words {
		out = binary.AppendUvarint(out, h-prev)
		out = binary.AppendUvarint(out, uint64(m.clusters[h]))
		prev = h
	}
	return out
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, errors.New("not a checkworthy weights file")
	}
	bias := math.Float64frombits(binary.LittleEndian.Uint64(data[len(magic):]))
	r := reader{data: data[len(magic)+8:]}
	n := r.count("feature count")
	feats := make([]Feature, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		l := r.count("feature name")
		name := r.bytes(l)
		w := r.bytes(4)
		if r.err != nil {
			return nil, fmt.Errorf("corrupt feature %d", i)
		}
		feats = append(feats, Feature{Name: string(name), Weight: float64(math.Float32frombits(binary.LittleEndian.Uint32(w)))})
	}
	clusters := r.clusters()
	if r.err != nil {
		return nil, r.err
	}
	if len(r.data) != 0 {
		return nil, errors.New("trailing bytes after the word clusters")
	}
	return New(bias, feats, clusters), nil
}

// reader reads a weights file's fields, remembering the first error.
type reader struct {
	data []byte
	err  error
}

func (r *reader) uvarint(what string) uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.data)
	if k <= 0 {
		r.err = fmt.Errorf("corrupt %s", what)
		return 0
	}
	r.data = r.data[k:]
	return v
}

// count reads a count of things at least a byte long each, so no larger
// than what is left.
func (r *reader) count(what string) int {
	n := r.uvarint(what)
	if r.err == nil && n > uint64(len(r.data)) {
		r.err = fmt.Errorf("corrupt %s", what)
	}
	return int(min(n, uint64(len(r.data))))
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.data) {
		r.err = errors.New("cut-off data")
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

// clusters reads the words' clusters: a count, then each word's hash as
// its distance from the one before, and its cluster.
func (r *reader) clusters() map[uint64]uint16 {
	n := r.count("word cluster count")
	out := make(map[uint64]uint16, n)
	h := uint64(0)
	for i := 0; i < n && r.err == nil; i++ {
		h += r.uvarint("word cluster")
		c := r.uvarint("word cluster")
		if c == 0 || c > math.MaxUint16 || (i > 0 && out[h] != 0) {
			r.err = fmt.Errorf("corrupt word cluster %d", i)
		}
		out[h] = uint16(c)
	}
	return out
}
