package checkworthy

import "math"

// SpeakerFeature weighs a transcript's speaker's lean (Speakers.Lean):
// how much more worth checking the speaker's sentences so far scored than
// every speaker's. Fact-checkers check more of what a speaker says who
// says more that is checkable: in six of the seven CLEF 2019 training
// debates the candidate whose sentences the model scores higher on the
// mean had the larger share of them marked. Like AskerFeature it is set
// after training, since only transcripts have speakers; askers' lines are
// neither tallied nor moved by it, since Asked moves them already.
const SpeakerFeature = "t:speaker"

// speakerPrior is how many sentences a speaker's mean is shrunk by toward
// everyone's: a speaker with a few lines (the audience, a caller) leans
// little.
const speakerPrior = 3

// Speakers tallies the log-odds of each speaker's sentences in a
// transcript, in reading order. The zero value is empty and ready.
type Speakers struct {
	tally map[string]logOdds
	all   logOdds
}

// logOdds is a sum of log-odds and how many were added.
type logOdds struct {
	sum float64
	n   int
}

// Lean returns how far the mean log-odds of speaker's sentences added so
// far stands above that of all the sentences added, times n/(n+3) for a
// speaker with n: 0 for a speaker not yet heard.
func (s *Speakers) Lean(speaker string) float64 {
	t, ok := s.tally[speaker]
	if !ok || t.n == 0 {
		return 0
	}
	diff := t.sum/float64(t.n) - s.all.sum/float64(s.all.n)
	return diff * float64(t.n) / float64(t.n+speakerPrior)
}

// Add counts a sentence of speaker's with score, from 0 to 1 (Score,
// Asked): its log-odds, bounded, so that a score of 0 or 1 counts as a
// sure one rather than as infinite.
func (s *Speakers) Add(speaker string, score float64) {
	if speaker == "" {
		return
	}
	if s.tally == nil {
		s.tally = map[string]logOdds{}
	}
	z := math.Log(score / (1 - score))
	z = max(-maxLogOdds, min(maxLogOdds, z))
	t := s.tally[speaker]
	t.sum += z
	t.n++
	s.tally[speaker] = t
	s.all.sum += z
	s.all.n++
}

// maxLogOdds bounds a sentence's log-odds in a speaker's tally.
const maxLogOdds = 20

// SpeakerWeight is the weight of SpeakerFeature: how far a speaker's lean
// moves the log-odds of their next sentence (Speakers.Move).
func (m *Model) SpeakerWeight() float64 {
	return float64(m.table.find(HashFeature(SpeakerFeature)).weight)
}

// Move counts a sentence of speaker's with score, from 0 to 1 (Score,
// Asked), and returns it moved by the speaker's lean before it times
// weight: the one step the analyser and the trainer take, in reading
// order, for each sentence of a speaker who does not ask. A score of 0
// (a stage direction, which Score alone gives 0) says nothing of the
// speaker: it is neither counted nor moved.
func (s *Speakers) Move(speaker string, score, weight float64) float64 {
	if score == 0 {
		return 0
	}
	lean := s.Lean(speaker)
	s.Add(speaker, score)
	return leaned(score, lean, weight)
}

// leaned returns score with its log-odds moved by lean times weight; a
// score of 0 or 1 stays.
func leaned(score, lean, weight float64) float64 {
	if weight == 0 || lean == 0 || score <= 0 || score >= 1 {
		return score
	}
	return sigmoid(math.Log(score/(1-score)) + weight*lean)
}
