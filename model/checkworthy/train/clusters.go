package main

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/margin-reader/margin/model/checkworthy"
)

// countWritten counts, while f.written is set, how each word of sentence
// is written, by the hash of its word feature.
func (f *featurizer) countWritten(sentence string) {
	if f.written == nil {
		return
	}
	checkworthy.Words(sentence, func(h uint64, w string) {
		forms := f.written[h]
		if forms == nil {
			forms = map[string]int{}
			f.written[h] = forms
		}
		forms[w]++
	})
}

// wordClusters gives every word of written its entity tagger cluster at
// depth: that of its commonest written form with one ("Trump" rather than
// "trump"), so a word as scoring spells it has one cluster.
func (f *featurizer) wordClusters(depth int, written map[uint64]map[string]int) map[uint64]uint16 {
	out := map[uint64]uint16{}
	for h, forms := range written {
		commonest := slices.SortedFunc(maps.Keys(forms), func(a, b string) int {
			return cmp.Or(cmp.Compare(forms[b], forms[a]), strings.Compare(a, b))
		})
		for _, w := range commonest {
			if c := f.tagger.WordCluster(w, depth); c != 0 {
				out[h] = c
				break
			}
		}
	}
	return out
}

// addClusters adds to every example and dev sentence, for each of its
// words with a cluster, that cluster's feature. PolNeAR's training
// sentences keep no words (nonLexical), so they get none.
func (s *dataset) addClusters(f *featurizer, clusters map[uint64]uint16, dev []newsArticle) {
	of := make([]int32, len(f.names))
	for id, name := range f.names {
		of[id] = -1
		if c, ok := clusters[checkworthy.HashFeature(name)]; ok && strings.HasPrefix(name, "w:") {
			of[id] = f.id(checkworthy.ClusterFeature(c))
		}
	}
	with := func(feats []int32) []int32 {
		for _, id := range feats {
			if int(id) < len(of) && of[id] >= 0 {
				feats = append(feats, of[id])
			}
		}
		return feats
	}
	for i := range s.examples {
		s.examples[i].feats = with(s.examples[i].feats)
	}
	for _, a := range dev {
		for i := range a.feats {
			a.feats[i] = with(a.feats[i])
		}
	}
}
