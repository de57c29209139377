package ner

import (
	"math/rand/v2"
	"testing"
)

// TestPackedSumsAsIntegers adds and subtracts random rows of weights both
// packed and tag by tag: the packed sums must unpack to the plain ones,
// negative and near the digit's bounds included.
func TestPackedSumsAsIntegers(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		var acc packed
		var want [maxTags]int32
		for range rng.IntN(maxWeights + 1) {
			w := make([]int8, 1+rng.IntN(maxTags))
			for i := range w {
				w[i] = int8(rng.IntN(256) - 128)
				if trial%2 == 0 {
					w[i] = -128 // every sum at its most negative
				}
			}
			row := pack(w)
			if rng.IntN(4) == 0 {
				acc.sub(&row)
				for i, v := range w {
					want[i] -= int32(v)
				}
				continue
			}
			acc.add(&row)
			for i, v := range w {
				want[i] += int32(v)
			}
		}
		var got [maxTags]int32
		acc.unpack(&got)
		if got != want {
			t.Fatalf("trial %d: unpacked %v, want %v", trial, got, want)
		}
	}
}

func TestPackRoundTrip(t *testing.T) {
	w := []int8{0, -1, 1, 127, -128, -127, 64, -64, 3}
	p := pack(w)
	var got [maxTags]int32
	p.unpack(&got)
	for i, v := range w {
		if got[i] != int32(v) {
			t.Errorf("tag %d: unpacked %d, packed %d", i, got[i], v)
		}
	}
	for i := len(w); i < maxTags; i++ {
		if got[i] != 0 {
			t.Errorf("tag %d past the row: unpacked %d, want 0", i, got[i])
		}
	}
}

// TestScaledIsUnpackedTimesScale checks the scores Tag reads against the
// sums unpacked and scaled one by one.
func TestScaledIsUnpackedTimesScale(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 500 {
		var acc packed
		for range rng.IntN(maxWeights + 1) {
			w := make([]int8, maxTags)
			for i := range w {
				w[i] = int8(rng.IntN(256) - 128)
			}
			row := pack(w)
			acc.add(&row)
		}
		scale := rng.Float32()
		var sums [maxTags]int32
		acc.unpack(&sums)
		var got [maxTags]float32
		acc.scaled(&got, scale)
		for i, v := range sums {
			if want := float32(v) * scale; got[i] != want {
				t.Fatalf("trial %d, tag %d: scaled %v, want %v", trial, i, got[i], want)
			}
		}
	}
}
