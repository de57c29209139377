package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestHashTextIsTheSHA256OfTheWholeText(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
	}{
		{"an empty text", ""},
		{"a short text", "The council said on Tuesday."},
		{"a text that fills pieces exactly", strings.Repeat("x", 2*hashPiece)},
		{"a text that ends inside a piece", strings.Repeat("harbour wall ", hashPiece/4)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum := sha256.Sum256([]byte(tc.text))
			if got, want := HashText(tc.text), "sha256:"+hex.EncodeToString(sum[:]); got != want {
				t.Errorf("HashText = %s, want %s", got, want)
			}
		})
	}
}
