package claim

import (
	"math/rand/v2"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// TestForgettingOldSpeakersChangesNoPronounsSpeaker fills a scratch with
// speakers of random kinds, as a long text does, and checks that every
// pronoun at every offset after them resolves to the same speaker once the
// speakers no pronoun can reach are forgotten.
func TestForgettingOldSpeakersChangesNoPronounsSpeaker(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, maxSpeakers, 2*maxSpeakers - 1, 2 * maxSpeakers, 5*maxSpeakers + 3} {
		var all, kept scratch
		for i := range n {
			sp := speaker{Span: span.Span{Start: 10 * i, End: 10*i + 5}, person: rng.IntN(2) == 0, plural: rng.IntN(3) == 0}
			all.speakers = append(all.speakers, sp)
		}
		kept.speakers = append(kept.speakers, all.speakers...)
		kept.forgetOldSpeakers()
		if len(kept.speakers) > 2*maxSpeakers {
			t.Errorf("%d speakers: %d kept, want at most %d", n, len(kept.speakers), 2*maxSpeakers)
		}
		for _, h := range []uint64{hHe, hShe, hThey, hashWord("it")} {
			for at := 0; at <= 10*n+10; at += 3 {
				if got, want := resolve(h, at, &kept), resolve(h, at, &all); got != want {
					t.Errorf("%d speakers, pronoun at %d: resolved to %v once old speakers are forgotten, %v with all of them", n, at, got, want)
				}
			}
		}
	}
}
