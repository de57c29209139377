package anchor

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// decomposed is an article as margin read a plain-text file, or a page,
// before it composed the text (NFC): every "é" is e and an accent.
var decomposed = norm.NFD.String("Le café de l'Opéra a fermé lundi, a dit la mairie. " +
	"Les habitués ont protesté devant l'entrée, selon le journal. " +
	"La réouverture est prévue en été, a précisé l'adjoint.")

// TestANoteOnTheTextBeforeItWasComposedIsFoundExactly makes notes on the
// decomposed text and finds them in the text margin reads now, composed:
// the quote and the context spell the old way, and the note was found
// only fuzzily (a page's) or not at all. The offsets are the old
// spelling's too, shifted by every accent composed before the passage,
// but the text is the same up to normalisation, so every note is where
// it was (anchored; a passage after an accent was "moved"); only an edit
// moves one.
func TestANoteOnTheTextBeforeItWasComposedIsFoundExactly(t *testing.T) {
	far := decomposed + " The council will publish its plans for the square in the spring, and the works are due to last a year."
	tests := []struct {
		name, old, quote string
		edit             func(string) string
		want             Status
	}{
		{"a passage with accents after others", decomposed, "Les habitués ont protesté", nil, Anchored},
		{"a passage without one after others", decomposed, "selon le journal", nil, Anchored},
		{"a passage with an accent, first in the text", decomposed, "Le café de l'Opéra", nil, Anchored},
		{"a passage before every accent", decomposed, "Le ca", nil, Anchored},
		{"a passage far from any accent, after many", far, "publish its plans for the square", nil, Anchored},
		{"a passage in an edited text", decomposed, "La réouverture est prévue",
			func(s string) string { return strings.Replace(s, "la mairie. ", "la mairie hier soir. ", 1) }, Moved},
		{"a passage far from any accent in an edited text", far, "publish its plans for the square",
			func(s string) string { return strings.Replace(s, "la mairie. ", "la mairie hier soir. ", 1) }, Moved},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := norm.NFC.String(tt.old)
			if tt.edit != nil {
				now = tt.edit(now)
			}
			sel := sel(t, tt.old, norm.NFD.String(tt.quote), 0)
			res := Resolve(now, sel)
			if got := res.Span.In(now); got != tt.quote || res.Status != tt.want {
				t.Errorf("found %q (%s), want %q (%s)", got, res.Status, tt.quote, tt.want)
			}
		})
	}
}

func TestFindComposesAQuoteTypedDecomposed(t *testing.T) {
	text := norm.NFC.String(decomposed)
	s, err := Find(text, norm.NFD.String("l'entrée, selon"), 0)
	if err != nil || s.In(text) != "l'entrée, selon" {
		t.Fatalf("Find = %q, %v; want the composed passage", s.In(text), err)
	}
}

func TestEquivalent(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"one text", "café", "café", true},
		{"é as one character and as e and an accent", "café", "cafe\u0301", true},
		{"another letter", "café", "cafe", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Equivalent(tt.a, tt.b); got != tt.want {
				t.Errorf("Equivalent(%+q, %+q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestANoteOnADecomposedTextKeepsItsOwnSpelling resolves notes on a text
// read verbatim, still decomposed, after a line was put before them. A
// quote with no accent of its own is the same composed, but its context
// is not: the selector's own spelling finds the passage moved, context
// and all, and the composed one, a weak find, must not win.
func TestANoteOnADecomposedTextKeepsItsOwnSpelling(t *testing.T) {
	text := norm.NFD.String("Hà Nội mưa lớn suốt đêm, các tuyến phố ngập sâu. " +
		"Người dân phải đẩy xe máy qua những đoạn đường ngập. " +
		"Chính quyền cho biết nước sẽ rút trong hai ngày tới.")
	now := norm.NFD.String("Cập nhật lúc 7 giờ sáng.\n\n") + text
	for _, quote := range []string{"qua", "cho", "hai", "xe"} {
		t.Run(quote, func(t *testing.T) {
			res := Resolve(now, sel(t, text, quote, 0))
			if got := res.Span.In(now); got != quote || res.Status != Moved {
				t.Errorf("found %q (%s, %.2f), want %q (moved)", got, res.Status, res.Score, quote)
			}
		})
	}
}
