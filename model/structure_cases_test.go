package model

import (
	"context"
	"testing"
)

// TestNoCueOrSourceCrossesABoundary checks, one small markdown page a
// case, that a speaker and a reporting verb on either side of a table
// cell, list item or paragraph boundary make no cue or source across it,
// and that a header row with a reporting verb makes no claim. The pages
// are written for this test; each case states the shape a page has, not
// a sentence of the samples or of PolNeAR.
func TestNoCueOrSourceCrossesABoundary(t *testing.T) {
	tests := []struct{ name, page string }{
		{"a speaker in one cell, the verb in the next", "| Who | What |\n|---|---|\n| The lock keeper | said the gates were sound |\n"},
		{"a verb in one cell, the speaker in the next", "| Quote | Speaker |\n|---|---|\n| The gates were sound, said | the lock keeper |\n"},
		{"a reporting header row", "| Figures the trust claims | Figures the anglers report |\n|---|---|\n| 40 salmon | 12 salmon |\n"},
		{"a cue of two words split by a cell", "| Anglers | according |\n|---|---|\n| to the trust | the weir is safe |\n"},
		{"a speaker ending one list item, the verb opening the next", "- The canal trust\n- says the towpath will reopen in June\n"},
		{"an inverted speaker in the next list item", "- The towpath will reopen in June, said\n- the canal trust, in its spring letter\n"},
		{"a speaker ending a paragraph, the verb opening the next", "The lock keeper\n\nwarned that the gates would fail before winter.\n"},
		{"a colon at a paragraph's end and the quote in the next", "The canal trust's engineer:\n\nThe weir will hold for ten more years.\n"},
		{"a speaker in a heading, the verb in the paragraph", "## The anglers\n\nclaim the weir blocks the salmon run.\n"},
		{"a speaker in a list item after a paragraph's verb", "The weir blocks the salmon run, argue\n\n- the anglers of the upper reach\n"},
	}
	z, err := NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(context.Background(), "case.md", []byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			an, err := z.Analyze(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			checkClaimsInBlocks(t, a, an)
		})
	}
}
