package checkworthy

import (
	"math"
	"testing"
)

func TestMeaningIsTheIdfWeightedMeanOfTheWordsMeanings(t *testing.T) {
	// "harbour" carries meaning 0.6 at idf 2 (0.3 a unit of idf) and
	// "ferry" -0.2 at idf 1; "the" has neither.
	m := New(0, []Feature{{"m:harbour", 0.6}, {"f:harbour", 2}, {"m:ferry", -0.2}, {"f:ferry", 1}})
	tests := []struct {
		name     string
		sentence string
		want     float64
	}{
		{"one word gives its own meaning a unit of idf", "the harbour", 0.3},
		{"two words give the mean weighted by idf", "the harbour ferry", (0.6 - 0.2) / 3},
		{"a repeated word counts each time", "ferry ferry harbour", (0.6 - 0.4) / 4},
		{"a sentence without such words adds nothing", "the end", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := math.Log(m.Score(tt.sentence, nil, nil) / (1 - m.Score(tt.sentence, nil, nil)))
			if math.Abs(got-tt.want) > 1e-6 {
				t.Errorf("log-odds %v, want %v", got, tt.want)
			}
		})
	}
}

func TestExplainNamesTheMeaningAndTheFileKeepsIt(t *testing.T) {
	m := New(0.1, []Feature{{"w:ferry", 0.5}, {"m:ferry", -0.2}, {"f:ferry", 1}})
	ex := m.Explain("ferry", nil, nil)
	if len(ex) != 2 || ex[1].Name != MeaningFeature || math.Abs(ex[1].Weight+0.2) > 1e-6 {
		t.Errorf("Explain = %v, want w:ferry then %s -0.2", ex, MeaningFeature)
	}
	back, err := Decode(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if a, b := m.Score("ferry", nil, nil), back.Score("ferry", nil, nil); a != b {
		t.Errorf("score %v after the round trip, %v before", b, a)
	}
}
