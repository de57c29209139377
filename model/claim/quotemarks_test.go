package claim

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/span"
)

// TestQuoteMarksFaceTheWayTheyAreWritten checks which way each kind of
// double quotation mark turns a quotation, scraped news' opening ” too.
func TestQuoteMarksFaceTheWayTheyAreWritten(t *testing.T) {
	tests := []struct {
		text string
		// open is whether a quotation is open at the end of text.
		open bool
	}{
		{"He said “the wall", true},
		{"He said “the wall will fail”", false},
		{"He said ”the wall", true},
		{"He said ”the wall will fail”", false},
		{`He said "the wall`, true},
		{`He said "the wall will fail"`, false},
		{"He said ''the wall", true},
		{"He said ''the wall will fail''", false},
		{"The pilots' union said", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			b := &doc.Block{Span: span.Span{Start: 0, End: len(tt.text)}}
			var q quoteState
			if got := q.openAt(tt.text, b, len(tt.text)); got != tt.open {
				t.Errorf("open at the end: %v, want %v", got, tt.open)
			}
		})
	}
}

// TestQuoteStateReadAgainAgreesWithAFreshRead asks a quotation state for
// offsets in random order, as the sources of a sentence are, with a
// sentence marked now and then, and checks every answer against a state
// that reads the block afresh.
func TestQuoteStateReadAgainAgreesWithAFreshRead(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"“", "”", `"`, "''", "'", " ", "a", "word ", ". "}
	for range 2000 {
		var sb strings.Builder
		for range rng.IntN(40) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		b := &doc.Block{Span: span.Span{Start: 0, End: len(text)}}
		var q quoteState
		for range 30 {
			at := rng.IntN(len(text) + 1)
			for at > 0 && at < len(text) && text[at]&0xC0 == 0x80 {
				at-- // a rune's start, as every offset asked is
			}
			if rng.IntN(4) == 0 {
				q.markSentence(text, b, at)
				continue
			}
			var fresh quoteState
			if got, want := q.openAt(text, b, at), fresh.openAt(text, b, at); got != want {
				t.Fatalf("%q at %d: open %v, a fresh read says %v", text, at, got, want)
			}
		}
	}
}

// TestMarkScanFindsWhatEveryOffsetTriedFinds asks one scan for the next
// quotation mark at offsets that move on, as readTo does, with ends both
// short of and past what the scan was made for, and checks each answer
// against trying quoteMarkAt at every offset in turn.
func TestMarkScanFindsWhatEveryOffsetTriedFinds(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"“", "”", `"`, "''", "'", "'''", " ", "a", "word ", ". "}
	for range 2000 {
		var sb strings.Builder
		for range rng.IntN(40) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		s := newMarkScan(0, rng.IntN(len(text)+1))
		from := 0
		for range 20 {
			from += rng.IntN(6)
			end := from + rng.IntN(12)
			if end > len(text) {
				break
			}
			want, wantOK := quoteMark{}, false
			for i := from; i < end && !wantOK; i++ {
				if m, ok := quoteMarkAt(text, i); ok {
					want, wantOK = m, true
				}
			}
			if got, ok := s.next(text, from, end); ok != wantOK || got != want {
				t.Fatalf("%q [%d, %d): %v %v, want %v %v", text, from, end, got, ok, want, wantOK)
			}
		}
	}
}
