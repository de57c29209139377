// Package checkworthy scores how worth checking a sentence is, from 0 to 1,
// with a logistic regression over features a person can read: classes of
// grammar and quantity words (numbers, comparisons, changes, tense,
// modality, person, questions), entity labels and counts, the claim kinds
// the rules found, the commoner words and word pairs, and the sentence's
// mean word vector (MeaningFeature). The weights are
// learned by ./train from public debate corpora and embedded. In a
// transcript, the sentences of a speaker who asks score lower (Askers,
// Model.Asked), and each sentence moves with how its speaker's sentences
// before it scored against everyone's (Speakers, Model.Spoken).
package checkworthy

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
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
	// table holds the weights and the word classes; names holds the name
	// of every weighted feature, for Explain and Features.
	table *table
	names map[uint64]string
	// meanings are the words' meaning and idf features, as loaded.
	meanings []Feature
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

// New builds a model from a bias and named feature weights.
func New(bias float64, features []Feature) *Model {
	nmeanings := 0
	for _, f := range features {
		if _, ok := meaningWord(f.Name); ok {
			nmeanings++
		}
	}
	names := make(map[uint64]string, len(features)-nmeanings)
	// marks are the pair marks of the words of weighted pairs, most of
	// them words with weights of their own: counted apart, they would
	// double the table.
	marks := map[uint64]wordClass{}
	meanings := make([]Feature, 0, nmeanings)
	for _, f := range features {
		if _, ok := meaningWord(f.Name); ok {
			meanings = append(meanings, f)
			continue
		}
		names[HashFeature(f.Name)] = f.Name
		if first, second, ok := pairWords(f.Name); ok {
			marks[wordHash(first)] |= pairFirst
			marks[wordHash(second)] |= pairSecond
		}
	}
	extra := unnamedWords(names, marks, meanings)
	m := &Model{bias: bias, table: newTable(len(names) + extra + numClassWords), names: names, meanings: meanings}
	fillClasses(m.table)
	for _, f := range features {
		if w, ok := meaningWord(f.Name); ok {
			sl := m.table.at(wordHash(w))
			if f.Name[0] == 'm' {
				sl.meaning = float32(f.Weight)
			} else {
				sl.idf = float32(f.Weight)
			}
			continue
		}
		m.table.at(HashFeature(f.Name)).weight = float32(f.Weight)
	}
	for h, mark := range marks {
		m.table.at(h).class |= mark
	}
	m.table.fix(names)
	return m
}

// unnamedWords counts the distinct words with marks or meanings and no
// weight of their own: they need slots beside the named features'. A
// sorted slice dedupes the 11,000 meaning words at a fraction of a map's
// cost, which was most of a load.
func unnamedWords(names map[uint64]string, marks map[uint64]wordClass, meanings []Feature) int {
	words := make([]uint64, 0, len(marks)+len(meanings))
	for h := range marks {
		words = append(words, h)
	}
	for _, f := range meanings {
		w, _ := meaningWord(f.Name)
		words = append(words, wordHash(w))
	}
	slices.Sort(words)
	extra := 0
	for i, h := range words {
		if i > 0 && words[i-1] == h {
			continue
		}
		if _, ok := names[h]; !ok {
			extra++
		}
	}
	return extra
}

// Score returns how worth checking sentence is, from 0 to 1; 0.5 and
// above means worth checking, and a stage direction (StageDirection)
// scores 0. kinds are the claim kinds found in it and labels the labels
// of the entities in it; both may be nil.
func (m *Model) Score(sentence string, kinds []string, labels []entity.Label) float64 {
	return m.ScoreWords(sentence, nil, kinds, labels)
}

// ScoreWords is Score given words, in order, that a tokenizer has read
// from sentence already (Word): the same score, without reading their
// bytes again.
func (m *Model) ScoreWords(sentence string, words []Word, kinds []string, labels []entity.Label) float64 {
	if StageDirection(sentence) {
		return 0
	}
	s := sink{table: m.table, z: m.bias}
	extract(sentence, words, kinds, labels, &s)
	return sigmoid(s.z)
}

// Explain returns the features of sentence that carry a weight, strongest
// first: why it got its score. A stage direction has none: it scores 0
// whatever its words.
func (m *Model) Explain(sentence string, kinds []string, labels []entity.Label) []Feature {
	if StageDirection(sentence) {
		return nil
	}
	var out []Feature
	s := &sink{table: m.table, emit: func(h uint64, _ string) {
		if name, ok := m.names[h]; ok {
			out = append(out, Feature{Name: name, Weight: float64(m.table.find(h).weight)})
		}
	}}
	extract(sentence, nil, kinds, labels, s)
	if s.idf > 0 && s.meaning != 0 {
		out = append(out, Feature{Name: MeaningFeature, Weight: float64(s.meaning / s.idf)})
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Weight) > math.Abs(out[j].Weight) })
	return out
}

// Features returns the bias and every weight of the model, by name.
func (m *Model) Features() (float64, []Feature) {
	out := make([]Feature, 0, len(m.names)+len(m.meanings))
	for h, name := range m.names {
		out = append(out, Feature{Name: name, Weight: float64(m.table.find(h).weight)})
	}
	out = append(out, m.meanings...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return m.bias, out
}

// Extract calls emit with the hash and the name of every feature of a
// sentence, in order, repeats included. Training uses it; scoring uses the
// same walk without names.
func Extract(sentence string, kinds []string, labels []entity.Label, emit func(h uint64, name string)) {
	extract(sentence, nil, kinds, labels, &sink{table: classTable(), emit: emit})
}

// MeaningFeature names, in Explain, what the sentence's words' vectors
// add: the learned direction's product with their idf-weighted mean, made
// from each word's features "m:" and "f:" and the word (its share of that
// product times its idf, and its idf), which the weights file carries and
// the scoring table holds in the word's slot.
const MeaningFeature = "meaning"

// meaningWord returns the word of a word's meaning or idf feature.
func meaningWord(name string) (string, bool) {
	if len(name) > 2 && (name[:2] == "m:" || name[:2] == "f:") {
		return name[2:], true
	}
	return "", false
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// magic starts a weights file; the digit is the format version.
const magic = "CWT1"

// Encode writes the model in the weights file format: the magic, the bias
// as a float64, the number of features, then each feature as its name's
// length, the name and its weight as a float32, all little-endian, names
// sorted.
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
	return out
}

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	if len(data) < len(magic)+8 || string(data[:len(magic)]) != magic {
		return nil, errors.New("not a checkworthy weights file")
	}
	bias := math.Float64frombits(binary.LittleEndian.Uint64(data[len(magic):]))
	data = data[len(magic)+8:]
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)) {
		return nil, errors.New("corrupt feature count")
	}
	data = data[k:]
	// The names are slices of one copy of the file, not a string each.
	text := string(data)
	feats := make([]Feature, 0, n)
	for i := uint64(0); i < n; i++ {
		l, k := binary.Uvarint(data)
		if k <= 0 || l > uint64(len(data)-k) || uint64(len(data)-k)-l < 4 {
			return nil, fmt.Errorf("corrupt feature %d", i)
		}
		name := text[len(text)-len(data)+k:][:l]
		data = data[k+int(l):]
		w := math.Float32frombits(binary.LittleEndian.Uint32(data))
		data = data[4:]
		feats = append(feats, Feature{Name: name, Weight: float64(w)})
	}
	if len(data) != 0 {
		return nil, errors.New("trailing bytes after the features")
	}
	return New(bias, feats), nil
}
