package claim

import "testing"

// TestLyNounsAreNotAdverbs checks that nouns and adjectives in -ly stay in
// the source the walk builds, while true -ly adverbs are still stepped over.
func TestLyNounsAreNotAdverbs(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		sentence, source string
	}{
		{"Advisers to the family announced that the farm would be sold.", "Advisers to the family"},
		{"Organisers of the rally claimed that ten thousand people marched.", "Organisers of the rally"},
		{"Members of the assembly insisted that the vote was fair.", "Members of the assembly"},
		{"A spokesman for the weekly said the paper would close.", "A spokesman for the weekly"},
		{"The minister flatly denied that the talks had failed.", "The minister"},
		{"The mayor repeatedly claimed that the bridge was safe.", "The mayor"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			c, ok := analyzeOne(t, d, tt.sentence)
			if !ok {
				t.Fatal("not flagged")
			}
			var src string
			if c.Source != nil {
				src = c.Source.In(tt.sentence)
			}
			if src != tt.source {
				t.Errorf("source %q, want %q", src, tt.source)
			}
		})
	}
}
