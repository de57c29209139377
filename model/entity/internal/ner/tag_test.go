package ner

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// tagText is news-like text of its own: names that come again, at sentence
// starts and in a headline in capitals, so that every cache of a Scratch
// (local, neighbour, aggregate sums) is both filled and read.
const tagText = `BANKS IN KERROW FACE NEW RULES
Tomas Kerrow , the head of the Kerrow Fund , said on Monday that banks in Berlin and Paris would face new rules .
Kerrow said the rules , which the European Commission wrote , would cost the banks in Berlin more than they said .
" We will not stop , " said Anna Salmon of the Kerrow Fund in London .
Salmon spend years at sea , and the salmon of the Rhine are back , Kerrow said .
The Fund said on Monday that Tomas Kerrow and Anna Salmon would meet the Commission in Brussels .`

// TestTagSumsAsFeatures checks the cached sums of Tag against the model's
// weights summed feature by feature (Features) and decoded by the first
// decoder: the scores and the tags must be the same, over a text read twice by one
// Scratch as the entity tagger reads it.
func TestTagSumsAsFeatures(t *testing.T) {
	data, err := os.ReadFile("../../model.bin")
	if err != nil {
		t.Skip("no model file:", err)
	}
	m, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]string
	for l := range strings.SplitSeq(tagText+"\n"+tagText, "\n") {
		lines = append(lines, strings.Fields(l))
	}
	var v Vocab
	var ids [][]int32
	for _, words := range lines {
		ws, k := g.Describe(words, &v, nil, nil)
		v.AddProfile(ws)
		ids = append(ids, k)
	}
	v.ApplyProfile()
	var sc Scratch
	sc.Expect(v.Len())
	named := 0
	for li, words := range lines {
		ws := g.SentenceByIndex(words, ids[li], &v, nil)
		got := slices.Clone(m.Tag(ws, &sc))
		emit, want := tagsOfFeatures(m, ws)
		for i := range ws {
			for tg := range m.nt {
				if a, b := sc.emit[i*maxTags+tg], emit[i*m.nt+tg]; a != b {
					t.Fatalf("line %d, word %q, tag %d: Tag scores %v, the features one by one %v", li, words[i], tg, a, b)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("line %d: Tag gives %v, the features one by one %v", li, got, want)
		}
		named += len(Spans(got, nil))
	}
	if named == 0 {
		t.Error("no names found: the text exercises nothing")
	}
}

// tagsOfFeatures returns the scores of each word's Features, summed one by
// one, and their tags.
func tagsOfFeatures(m *Model, ws []Word) ([]float32, []int) {
	nt := m.nt
	emit := make([]float32, len(ws)*nt)
	var w [maxTags]int32
	for i := range ws {
		var sum [maxTags]int32
		for _, k := range Features(ws, i, nil) {
			if r := m.row(k); r != nil {
				r.unpack(&w)
				for t := range sum {
					sum[t] += w[t]
				}
			}
		}
		for t := range nt {
			emit[i*nt+t] = float32(sum[t]) * m.scale
		}
	}
	return emit, viterbiByColumns(emit, len(ws), nt, m.trans)
}
