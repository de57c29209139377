package checkworthy

import "math"

// AskerFeature is the feature of a sentence spoken by a transcript's
// asker: a speaker who puts questions, as a debate's moderator or a press
// conference's reporters do. Their lines are almost never what the
// fact-checkers pick, but their lead-ins carry the facts a question rests
// on ("Senator, the 1994 crime bill added 100,000 police officers..."),
// which read like claims sentence by sentence. In the CLEF 2019 training
// transcripts the moderators ask in 15 to 28% of their sentences and the
// candidates in 0 to 8%.
const AskerFeature = "t:asker"

// askerShare is the share of a speaker's sentences that must be questions,
// between the candidates' 8% and the moderators' 15%, and minAskerSentences
// how many sentences a speaker must have before the share means anything.
const (
	askerShare        = 0.12
	minAskerSentences = 10
)

// Askers tallies each speaker's sentences and questions in a transcript.
// The zero value is empty and ready.
type Askers struct {
	tally map[string][2]int
}

// Add counts the sentences and questions of text, which speaker said.
// Sentences are counted by their end marks, so a turn may be added whole.
func (a *Askers) Add(speaker, text string) {
	if speaker == "" {
		return
	}
	if a.tally == nil {
		a.tally = map[string][2]int{}
	}
	t := a.tally[speaker]
	ends, questions := sentenceEnds(text)
	t[0] += ends
	t[1] += questions
	a.tally[speaker] = t
}

// sentenceEnds counts the sentence end marks in text (a run of them
// counts once) and how many of those are question marks; text without
// one is one sentence. An abbreviation before a space ("U.S. paid")
// counts as an end: that lowers a share a little, and spares a splitter.
func sentenceEnds(text string) (ends, questions int) {
	inRun, question, words := false, false, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '.', '!', '?':
			inRun = true
			question = question || c == '?'
		case ' ', '\t', '\n', '"', '\'', ')':
			if inRun {
				ends, inRun = ends+1, false
				if question {
					questions++
				}
				question, words = false, false
			}
		default:
			if inRun {
				// a point inside a word or number: "U.S.", "3.5"
				inRun, question = false, false
			}
			words = true
		}
	}
	if inRun || words {
		ends++
		if inRun && question {
			questions++
		}
	}
	return ends, questions
}

// Asks reports whether speaker is an asker.
func (a *Askers) Asks(speaker string) bool {
	t, ok := a.tally[speaker]
	return ok && t[0] >= minAskerSentences && float64(t[1]) >= askerShare*float64(t[0])
}

// Asked returns score, a score from Score, for a sentence whose speaker
// asks: its log-odds moved by the learned weight of AskerFeature.
func (m *Model) Asked(score float64) float64 {
	w := float64(m.table.find(HashFeature(AskerFeature)).weight)
	if w == 0 || score <= 0 || score >= 1 {
		return score
	}
	return sigmoid(math.Log(score/(1-score)) + w)
}
