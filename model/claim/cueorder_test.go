package claim

import (
	"fmt"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// Numbers are a sentence's first cues and negations come after them, so
// that a sentence with more than maxCues of them keeps its statistics,
// wherever the negation stands; one with room keeps the negation too.
func TestNumbersTakeTheirCuesBeforeNegations(t *testing.T) {
	d := newDetector(t)
	kinds := func(sentence string) (stat, hedged int) {
		res := d.Analyze(sentence, []span.Span{{Start: 0, End: len(sentence)}}, nil)
		for _, c := range res.Claims {
			for _, q := range c.Cues {
				switch q.Kind {
				case Statistical:
					stat++
				case Hedged:
					hedged++
				}
			}
		}
		return stat, hedged
	}
	var shares []string
	for i := range maxCues + 4 {
		shares = append(shares, fmt.Sprintf("%d percent", 10+i))
	}
	full := "It was not clear why the levy rose by " + strings.Join(shares, ", ") + "."
	if stat, hedged := kinds(full); stat != maxCues || hedged != 0 {
		t.Errorf("%d shares after a negation: %d statistics and %d hedges, want %d and 0", len(shares), stat, hedged, maxCues)
	}
	room := "It was not clear why the levy rose by " + strings.Join(shares[:3], ", ") + "."
	if stat, hedged := kinds(room); stat != 3 || hedged != 1 {
		t.Errorf("3 shares after a negation: %d statistics and %d hedges, want 3 and 1", stat, hedged)
	}
}
