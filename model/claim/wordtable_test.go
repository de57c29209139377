package claim

import (
	"math/rand"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/margin-reader/margin/model/span"
)

func TestWordTableAgreesWithAMap(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	tests := []struct {
		name string
		keys []uint64
	}{
		{"holds nothing when empty", nil},
		{"holds the key zero", []uint64{0, 1, 2}},
		{"holds keys that share a slot", []uint64{1, 1 + 1<<63, 1 + 1<<62, 1 + 3<<62}},
		{"holds many random keys", randomKeys(r, 5000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := make(map[uint64]int)
			for i, k := range tt.keys {
				m[k] = i + 1
			}
			table := newWordTable(m)
			for _, k := range append(randomKeys(r, 1000), tt.keys...) {
				got, ok := table.get(k)
				want, wantOK := m[k]
				if got != want || ok != wantOK {
					t.Errorf("get(%#x) = %d, %v; want %d, %v", k, got, ok, want, wantOK)
				}
			}
			seen := 0
			for k, v := range table.all() {
				seen++
				if m[k] != v {
					t.Errorf("all yields %#x: %d, want %d", k, v, m[k])
				}
			}
			if seen != len(m) {
				t.Errorf("all yields %d keys, want %d", seen, len(m))
			}
		})
	}
}

func randomKeys(r *rand.Rand, n int) []uint64 {
	keys := make([]uint64, n)
	for i := range keys {
		keys[i] = r.Uint64()
	}
	return keys
}

// FuzzHashWordFoldsEveryRune checks hashWord's ASCII short cut against
// hashing every rune's folded form.
func FuzzHashWordFoldsEveryRune(f *testing.F) {
	for _, s := range []string{"", "Said", "DON’T", "Ünïcode", "a\xffb", "ʼ42,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		want := uint64(fnvOffset)
		for _, r := range w {
			want = hashRune(want, foldRune(r))
		}
		if got := hashWord(w); got != want {
			t.Errorf("hashWord(%q) = %#x, want %#x", w, got, want)
		}
		if !utf8.ValidString(w) {
			return
		}
		for _, tok := range tokenize(nil, w, span.Span{Start: 0, End: len(w)}) {
			if tok.h != hashWord(w[tok.Start:tok.End]) {
				t.Errorf("token %q of %q hashes to %#x, want hashWord's %#x", w[tok.Start:tok.End], w, tok.h, hashWord(w[tok.Start:tok.End]))
			}
		}
	})
}

// TestMembershipOfAgreesWithGet checks the probe membership.of makes of
// its table itself against the table's get, the key 0 among the keys and
// not.
func TestMembershipOfAgreesWithGet(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	tests := []struct {
		name string
		keys []uint64
	}{
		{"holds nothing when empty", nil},
		{"holds the key zero", []uint64{0, 1, 2}},
		{"lacks the key zero", []uint64{1, 2, 3}},
		{"holds keys that share a slot", []uint64{1, 1 + 1<<63, 1 + 1<<62, 1 + 3<<62}},
		{"holds many random keys", randomKeys(r, 5000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := make(map[uint64]wordInfo)
			for i, k := range tt.keys {
				words[k] = wordInfo{sets: uint64(i+1) << 1, entry: uint32(i + 1)}
			}
			m := &membership{table: newTokenTable(words), known: setsKnown}
			for _, k := range append(randomKeys(r, 1000), append(tt.keys, 0)...) {
				want, _ := m.table.get(k)
				if got := m.of(k); *got != want {
					t.Errorf("of(%#x) = %+v, want get's %+v", k, *got, want)
				}
			}
		})
	}
}

// TestTokenizeEndsAWordAtAStopOrCommaAfterALetter checks the words that
// tokenize ends without scanWordOn (endsAfterLetter) against those whose
// stop, comma or colon joins digits.
func TestTokenizeEndsAWordAtAStopOrCommaAfterALetter(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ames said, then left.", []string{"Ames", "said", ",", "then", "left", "."}},
		{"about 4,500 of them: 12.5 percent", []string{"about", "4,500", "of", "them", ":", "12.5", "percent"}},
		{"at 9:15, room B2.", []string{"at", "9:15", ",", "room", "B2", "."}},
		{"flight 7. Then", []string{"flight", "7", ".", "Then"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(nil, tt.text, span.Span{Start: 0, End: len(tt.text)}) {
			got = append(got, tt.text[tok.Start:tok.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
