package claim

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// ownSources reads the first clause that may report only once a second
// may: the clauses still split with their own sources and cues, a first
// reporting clause after one that does not included, one read across its
// asides too, and a sentence with one such clause is still read whole.
func TestClausesSplitAsWhenEachWasReadInTurn(t *testing.T) {
	d := newDetector(t)
	type want struct{ claim, source, cues string }
	tests := []struct {
		sentence string
		want     []want
	}{
		{"In the end, Koll said the levy would rise; Ruiz said it would fall.", []want{
			{"In the end, Koll said the levy would rise", "Koll", "said"},
			{"Ruiz said it would fall.", "Ruiz", "said"},
		}},
		{"After the vote, Koll insisted it was high; the harbour master Ines Ruiz said it would fall.", []want{
			{"After the vote, Koll insisted it was high", "Koll", "insisted"},
			{"the harbour master Ines Ruiz said it would fall.", "the harbour master Ines Ruiz", "said"},
		}},
		{"The plan failed, and Brian Deese, the adviser, said it would return; critics warned it was dead.", []want{
			{"The plan failed, and Brian Deese, the adviser, said it would return", "Brian Deese, the adviser", "said"},
			{"critics warned it was dead.", "critics", "warned"},
		}},
		{"Taxes rose, prices fell, and Okafor argued that wages would follow, while Lind insisted they would not.", []want{
			{"Taxes rose, prices fell, and Okafor argued that wages would follow", "Okafor", "argued"},
			{"while Lind insisted they would not.", "Lind", "insisted"},
		}},
		{"Rendell, who chairs the board, agreed that the levy was high, but he said it would stay.", []want{
			{"Rendell, who chairs the board, agreed that the levy was high", "Rendell", "agreed"},
			{"but he said it would stay.", "he", "said"},
		}},
		{"The levy, which rose in May, will fall by June, Koll said.", []want{
			{"The levy, which rose in May, will fall by June, Koll said.", "Koll", "will said"},
		}},
	}
	for _, tt := range tests {
		res := d.Analyze(tt.sentence, []span.Span{{Start: 0, End: len(tt.sentence)}}, nil)
		var got []want
		for _, c := range res.Claims {
			w := want{claim: tt.sentence[c.Start:c.End]}
			if c.Source != nil {
				w.source = c.Source.In(tt.sentence)
			}
			for _, q := range c.Cues {
				w.cues += " " + tt.sentence[q.Start:q.End]
			}
			w.cues = w.cues[min(1, len(w.cues)):]
			got = append(got, w)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.sentence, got, tt.want)
		}
	}
}
