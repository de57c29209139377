package claim

import (
	"slices"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

// TestTokenizeReadsPastFormatCharacters: a soft hyphen or a joiner inside a
// word is in its token, which hashes as the word without it; one outside a
// word is no token; a zero-width space parts words.
func TestTokenizeReadsPastFormatCharacters(t *testing.T) {
	tests := []struct {
		text  string
		want  []string
		words []string // the words as word gives them and as hashed
	}{
		{"Stan\u00adton said", []string{"Stan\u00adton", "said"}, []string{"Stanton", "said"}},
		{"Öst\u00adlich\u200d und", []string{"Öst\u00adlich", "und"}, []string{"Östlich", "und"}},
		{"New\u200bYork\u00ad, now", []string{"New", "York", ",", "now"}, []string{"New", "York", ",", "now"}},
		{"\u200eun\u00ad\u00adsafe 4\u00ad2", []string{"un\u00ad\u00adsafe", "4\u00ad2"}, []string{"unsafe", "42"}},
	}
	for _, tt := range tests {
		var got, words []string
		for _, tok := range tokenize(nil, tt.text, span.Span{Start: 0, End: len(tt.text)}) {
			got = append(got, tt.text[tok.Start:tok.End])
			w := word(tt.text, tok)
			words = append(words, w)
			if tok.h != hashWord(w) {
				t.Errorf("%q: token %q hashes as %#x, %q as %#x", tt.text, tt.text[tok.Start:tok.End], tok.h, w, hashWord(w))
			}
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(words, tt.words) {
			t.Errorf("tokenize(%q) = %q as words %q, want %q as %q", tt.text, got, words, tt.want, tt.words)
		}
	}
}

// TestAnIngWordCountsLettersNotFormatCharacters: a soft hyphen inside a
// short word adds bytes, not letters, so "do\u00ading" is "doing", too short
// to be read as a participle, while a long word broken before its suffix
// still is one.
func TestAnIngWordCountsLettersNotFormatCharacters(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"doing", false},
		{"do\u00ading", false},
		{"be\u00ading", false},
		{"admitting", true},
		{"admit\u00adting", true},
		{"Admit\u00adting", false},
	}
	for _, tt := range tests {
		toks := tokenize(nil, tt.text, span.Span{Start: 0, End: len(tt.text)})
		if len(toks) != 1 {
			t.Fatalf("tokenize(%q) gave %d tokens", tt.text, len(toks))
		}
		if got := ingWord(tt.text, toks[0]); got != tt.want {
			t.Errorf("ingWord(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
