package checkworthy

import (
	"math"
	"testing"
)

func TestLeanIsASpeakersShrunkMeanAboveEveryonesSoFar(t *testing.T) {
	prob := sigmoid
	tests := []struct {
		name    string
		said    []string
		logOdds []float64
		speaker string
		want    float64
	}{
		{"is 0 before anyone speaks", nil, nil, "TRUMP", 0},
		{"is 0 for a speaker not yet heard", []string{"CLINTON"}, []float64{1}, "TRUMP", 0},
		{"is 0 for the only speaker", []string{"TRUMP", "TRUMP"}, []float64{1, -3}, "TRUMP", 0},
		{"shrinks one sentence's difference by 1/(1+3)", []string{"TRUMP", "CLINTON"}, []float64{1, -1}, "TRUMP", (1 - 0) * 1.0 / 4},
		{"is negative for a speaker below everyone", []string{"TRUMP", "CLINTON", "CLINTON"}, []float64{2, -1, -1}, "CLINTON", (-1 - 0) * 2.0 / 5},
		{"counts no sentence without a speaker", []string{"TRUMP", "", "CLINTON"}, []float64{1, 9, -1}, "TRUMP", 1.0 / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Speakers
			for i, who := range tt.said {
				s.Add(who, prob(tt.logOdds[i]))
			}
			if got := s.Lean(tt.speaker); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Lean(%q) = %v, want %v", tt.speaker, got, tt.want)
			}
		})
	}
}

func TestAddBoundsASureScore(t *testing.T) {
	var s Speakers
	s.Add("A", 1)
	s.Add("B", 0)
	if got, want := s.Lean("A"), maxLogOdds*1.0/4; math.Abs(got-want) > 1e-9 {
		t.Errorf("Lean after a score of 1 and one of 0 = %v, want %v", got, want)
	}
}

func TestMoveShiftsAScoreByTheWeightTimesTheLeanBeforeIt(t *testing.T) {
	m := New(0, []Feature{{Name: SpeakerFeature, Weight: 3}})
	if got := New(0, nil).SpeakerWeight(); got != 0 {
		t.Errorf("a model without the speaker feature weighs it %v", got)
	}
	var s Speakers
	s.Add("B", sigmoid(2))
	// A's first sentence: no lean yet, so it stays; then A stands below B.
	if got := s.Move("A", 0.5, m.SpeakerWeight()); got != 0.5 {
		t.Errorf("a first sentence moved to %v", got)
	}
	lean := s.Lean("A")
	if lean >= 0 {
		t.Fatalf("lean of the lower speaker = %v, want below 0", lean)
	}
	if got, want := s.Move("A", 0.5, 3), sigmoid(3*lean); absDiff(got, want) > 1e-9 {
		t.Errorf("Move(0.5) = %v, want %v", got, want)
	}
	if got := s.Move("A", 1, 3); got != 1 {
		t.Errorf("a sure score moved to %v", got)
	}
}
