package claim

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/sentence"
)

// TestAnAskersSentencesScoreBelowTheSameSentenceByAnother reads a
// debate transcript written for this test, whose host asks in a third of
// their sentences: the host's lead-in scores below the same sentence
// said by a guest, and as plain paragraphs, without speakers, the two
// score alike.
func TestAnAskersSentencesScoreBelowTheSameSentenceByAnother(t *testing.T) {
	d := newDetector(t)
	const fact = "The harbour levy rose by 40 percent in 2019."
	turns := []string{
		"HOST: Good evening. " + fact + " Will you cut it?",
		"GUEST: Right. " + fact + " We spent it on the sea wall.",
		"HOST: The ferry lost money for six years. Should the town sell it?",
		"GUEST: The ferry carried 90,000 people last year. It stays.",
		"HOST: Fares doubled since 2015. Is that fair? Thank you.",
		"GUEST: Fares rose less than in Lorne. Wages rose faster.",
		"HOST: Our next question is on housing. Rents rose again. Why?",
	}
	asTurns, asParagraphs := turnsAndParagraphs(turns)
	if host, guest := repeatedScores(t, d, asTurns); host >= guest {
		t.Errorf("in the transcript the host's sentence scores %.3f, the guest's %.3f: want the host's lower", host, guest)
	}
	if host, guest := repeatedScores(t, d, asParagraphs); host != guest {
		t.Errorf("without speakers the sentence scores %.3f and %.3f: want the same", host, guest)
	}
}

// TestASpeakersLeanMovesTheirNextSentence reads a transcript written for
// this test in which one guest has given figures and the other thanks and
// greets: the same sentence scores higher from the first than from the
// second, and as plain paragraphs, without speakers, the two score alike.
func TestASpeakersLeanMovesTheirNextSentence(t *testing.T) {
	d := newDetector(t)
	const fact = "The harbour levy rose by 40 percent in 2019."
	turns := []string{
		"ANN: The ferry carried 90,000 people last year, twice as many as in 2010.",
		"BEN: Thank you. It is good to be here tonight.",
		"ANN: Fares rose 12 percent since 2015, less than wages, which rose 20 percent.",
		"BEN: Well, I agree with much of that. We all love this town.",
		"ANN: The sea wall cost $4 million and the town paid half of it.",
		"BEN: I want to thank everyone who came out this evening.",
		"ANN: " + fact,
		"BEN: " + fact,
	}
	asTurns, asParagraphs := turnsAndParagraphs(turns)
	if ann, ben := repeatedScores(t, d, asTurns); ann <= ben {
		t.Errorf("in the transcript the figures' speaker's sentence scores %.3f, the other's %.3f: want the first higher", ann, ben)
	}
	if ann, ben := repeatedScores(t, d, asParagraphs); ann != ben {
		t.Errorf("without speakers the sentence scores %.3f and %.3f: want the same", ann, ben)
	}
}

// turnsAndParagraphs writes a transcript's turns as paragraphs twice: with
// their speakers ("HOST: ...") and without.
func turnsAndParagraphs(turns []string) (asTurns, asParagraphs []block) {
	for _, turn := range turns {
		asTurns = append(asTurns, block{kind: doc.Paragraph, text: turn})
		_, said, _ := strings.Cut(turn, ": ")
		asParagraphs = append(asParagraphs, block{kind: doc.Paragraph, text: said})
	}
	return asTurns, asParagraphs
}

// repeatedScores returns the check-worthiness of the two sentences of
// blocks that say "levy rose", the sentence both tests repeat.
func repeatedScores(t *testing.T, d *Detector, blocks []block) (first, second float64) {
	t.Helper()
	dc := buildDoc(blocks)
	sents := sentence.Split(dc)
	res := d.AnalyzeDoc(dc, sents, nil)
	var scores []float64
	for i, s := range sents {
		if strings.Contains(dc.Text[s.Start:s.End], "levy rose") {
			scores = append(scores, res.Checkworthiness[i])
		}
	}
	if len(scores) != 2 {
		t.Fatalf("found the repeated sentence %d times, want 2", len(scores))
	}
	return scores[0], scores[1]
}
