package claim

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/sentence"
)

// TestASpeakersTimePhraseIsNotTheSource checks that a time phrase between
// a speaker and the reporting verb says when, and is left out of the
// source, while one that a participle of the source governs stays in it,
// and a name made of time words keeps its words.
func TestASpeakersTimePhraseIsNotTheSource(t *testing.T) {
	tests := []sourceCase{
		{"drops a weekday after on", "The transport minister on Thursday said the ferry would stop running.", "The transport minister"},
		{"drops last week", "The bakery chain last week warned that bread would cost more.", "The bakery chain"},
		{"drops a month after in", "Harbour engineers in March said the wall was cracked.", "Harbour engineers"},
		{"drops just this month", "The water board just this month argued that bills must rise.", "The water board"},
		{"keeps a time phrase after a participle", "A survey published last week found that most tenants pay more.", "A survey published last week"},
		{"keeps a name of time words", "Last Week Tonight said the scheme was a scam.", "Last Week Tonight"},
		{"passes a time phrase after a name's tag", "Rep. Ana Ruiz (D-Calif.) last month warned that the ferry would stop running.", "Rep. Ana Ruiz"},
		{"keeps a month that ends a name", "Home Secretary Theresa May said the ferry would stop running.", "Home Secretary Theresa May"},
		{"keeps a source with no time phrase", "The mayor of Aldwick said the ferry would stop running.", "The mayor of Aldwick"},
	}
	checkOneSource(t, tests)
}

// sourceCase is a sentence, analysed as a paragraph, and the one source
// its claims should have ("": no claim with a source).
type sourceCase struct{ name, sentence, source string }

// checkOneSource checks that each case's sentence makes claims with one
// source between them, the case's, or none where the case has none.
func checkOneSource(t *testing.T, tests []sourceCase) {
	t.Helper()
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, claims := paragraphClaims(d, tt.sentence)
			got := []string{}
			for _, c := range claims {
				if c.Source != nil {
					got = append(got, c.Source.In(text))
				}
			}
			want := []string{}
			if tt.source != "" {
				want = []string{tt.source}
			}
			if !slices.Equal(got, want) {
				t.Errorf("sources %q, want %q", got, want)
			}
		})
	}
}

// paragraphClaims analyses paragraph as the one paragraph of a document
// and returns the document's text and claims.
func paragraphClaims(d *Detector, paragraph string) (string, []Claim) {
	dc := buildDoc([]block{{kind: doc.Paragraph, text: paragraph}})
	return dc.Text, d.AnalyzeDoc(dc, sentence.Split(dc), nil).Claims
}

// attributedCueWords returns the words of the attributed cues of the claims
// of paragraph, in order.
func attributedCueWords(d *Detector, paragraph string) []string {
	text, claims := paragraphClaims(d, paragraph)
	var got []string
	for _, c := range claims {
		for _, q := range c.Cues {
			if q.Kind == Attributed {
				got = append(got, q.In(text))
			}
		}
	}
	return got
}

// cueWordCase is a sentence and whether verb is among its attributed
// cues.
type cueWordCase struct {
	name, sentence, verb string
	cue                  bool
}

// checkCueWords checks each case's sentence, a paragraph of its own.
func checkCueWords(t *testing.T, tests []cueWordCase) {
	t.Helper()
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := attributedCueWords(d, tt.sentence)
			if slices.Contains(got, tt.verb) != tt.cue {
				t.Errorf("attributed cues %q: want %q among them %v", got, tt.verb, tt.cue)
			}
		})
	}
}

// cueListCase is a sentence and its attributed cues, in order.
type cueListCase struct {
	name, sentence string
	cues           []string
}

// checkCueLists checks each case's sentence, a paragraph of its own.
func checkCueLists(t *testing.T, tests []cueListCase) {
	t.Helper()
	d := newDetector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := attributedCueWords(d, tt.sentence); !slices.Equal(got, tt.cues) {
				t.Errorf("attributed cues %q, want %q", got, tt.cues)
			}
		})
	}
}
