package claim

import (
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

// TestSearchesFromAHintAnswerAsFromTheStart checks that blockFrom and
// entitiesFrom, given any hint (right, too far on, out of range, or one a
// span before the last asked left), answer what a search of the whole
// list answers: a run asks in text order, but Next may be given a range
// that starts anywhere.
func TestSearchesFromAHintAnswerAsFromTheStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 6))
	for round := range 200 {
		var blocks []doc.Block
		var ents []entity.Entity
		at := 0
		for range rng.IntN(40) {
			at += rng.IntN(3) // blocks may touch, or leave gaps
			end := at + 1 + rng.IntN(30)
			blocks = append(blocks, doc.Block{Span: span.Span{Start: at, End: end}})
			at = end
		}
		at = 0
		for range rng.IntN(60) {
			at += rng.IntN(6)
			ents = append(ents, entity.Entity{Span: span.Span{Start: at, End: at + 1 + rng.IntN(8)}})
		}
		blockHint, entHint := 0, 0
		for range 50 {
			s := span.Span{Start: rng.IntN(at + 20)}
			s.End = s.Start + rng.IntN(25)
			switch rng.IntN(4) {
			case 0:
				blockHint, entHint = rng.IntN(len(blocks)+3), rng.IntN(len(ents)+3)
			case 1:
				blockHint, entHint = 0, 0
			}
			bi, next := blockFrom(blocks, s.Start, blockHint)
			if want := wholeBlockSearch(blocks, s.Start); bi != want {
				t.Fatalf("round %d: block of %d from %d = %d, want %d", round, s.Start, blockHint, bi, want)
			}
			in, nextEnt := entitiesFrom(ents, s, entHint)
			if want := wholeEntitySearch(ents, s); !sameEntities(in, want) {
				t.Fatalf("round %d: entities in %v from %d = %v, want %v", round, s, entHint, in, want)
			}
			blockHint, entHint = next, nextEnt
		}
	}
}

// wholeBlockSearch is blockFrom written out over the whole list.
func wholeBlockSearch(blocks []doc.Block, at int) int {
	for i, b := range blocks {
		if b.Start <= at && at < b.End {
			return i
		}
	}
	return -1
}

// wholeEntitySearch is entitiesIn written out by the binary search it
// was before hints.
func wholeEntitySearch(ents []entity.Entity, s span.Span) []entity.Entity {
	i := sort.Search(len(ents), func(i int) bool { return ents[i].Start >= s.Start })
	j := i
	for j < len(ents) && ents[j].Start < s.End && ents[j].End <= s.End {
		j++
	}
	return ents[i:j]
}

func sameEntities(a, b []entity.Entity) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
