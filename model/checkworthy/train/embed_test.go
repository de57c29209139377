package main

import (
	"math"
	"testing"

	"github.com/margin-reader/margin/model/checkworthy"
)

// tinyDocs are invented sentences where "ferry" and "boat" share contexts.
var tinyDocs = [][]string{
	embedWords("the ferry left the harbour at dawn"),
	embedWords("the boat left the harbour at dusk"),
	embedWords("the ferry crossed the bay"),
	embedWords("the boat crossed the bay"),
	embedWords("prices rose by 3% in the city"),
	embedWords("rents rose by 5% in the town"),
}

func TestEmbeddingWordVectorsAreUnitLength(t *testing.T) {
	e := learnEmbedding(tinyDocs, 3, 2, 2, 1)
	for i, v := range e.vecs {
		n := 0.0
		for _, x := range v {
			n += float64(x) * float64(x)
		}
		if math.Abs(n-1) > 1e-4 {
			t.Errorf("%q has squared length %v", e.words[i], n)
		}
	}
}

func TestScorerAddsWhatTheDenseFeaturesAddInTraining(t *testing.T) {
	e := learnEmbedding(tinyDocs, 3, 2, 2, 1)
	u := []float64{0.7, -1.1, 0.4}
	m := checkworthy.New(0, e.meanings(u))
	for _, s := range []string{"The ferry rose in the harbour.", "Boat prices crossed 5% at dawn", "nothing known here"} {
		want := 0.0
		for d, x := range e.sentence(s) {
			want += u[d] * float64(x)
		}
		p := m.Score(s, nil, nil)
		if got := math.Log(p / (1 - p)); math.Abs(got-want) > 1e-5 {
			t.Errorf("%q: scorer's log-odds %v, training's %v", s, got, want)
		}
	}
}
