package mojibake

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func TestRepairMojibake(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"mends a name read once as Windows-1252", "Talks with FranÃ§ois Hollande began.", "Talks with François Hollande began."},
		{"mends a name read twice, the second time as Latin-1", "FranÃ\u0083Â§ois", "François"},
		{"mends a name read twice as Windows-1252", "FranÃƒÂ§ois", "François"},
		{"mends a curly apostrophe", "We donâ€™t know.", "We don’t know."},
		{"mends curly quotes whose last byte Windows-1252 leaves undefined", "â€œYes,â€\u009d she said â€” and left.", "“Yes,” she said — and left."},
		{"mends a euro sign before a number", "It cost â‚¬5.", "It cost €5."},
		{"mends an accent whose symbol was folded to a space and a mark", "He was na\u00c3 \u0304ve.", "He was naïve."},
		{"mends a letter inside a word after a small letter", "The port of GdaÅ„sk.", "The port of Gdańsk."},
		{"mends a capital at a word's start", "A play by ÄŒapek.", "A play by Čapek."},
		{"mends a Cyrillic word, its capitals side by side", "He said ÐŸÑ€Ð¸Ð²ÐµÑ‚ twice.", "He said Привет twice."},
		{"mends two ideographs side by side", "The word ä¸\u00adå›½ means China.", "The word 中国 means China."},
		{"mends an emoji", "Great ðŸ˜€ news", "Great 😀 news"},
		{"mends an accent of decomposed text, composed with its letter", "cafe\u00cc\u0081 au lait", "caf\u00e9 au lait"},
		{"mends a no-break space", "100Â\u00a0km", "100\u00a0km"},
		{"keeps a Portuguese capital before a letter", "SÃO PAULO — Brazil's SÃO Paulo.", "SÃO PAULO — Brazil's SÃO Paulo."},
		{"keeps accented text that is right", "Café, crème brûlée and Müller’s “naïve” résumé.", "Café, crème brûlée and Müller’s “naïve” résumé."},
		{"keeps a capitalised word's accented end before a quote", "JOSÉ’S CAFÉ”", "JOSÉ’S CAFÉ”"},
		{"keeps a headline's accented capital before a dash", "PERÚ—LIMA", "PERÚ—LIMA"},
		{"keeps a German ß at a word's end before a closing quote", "„Er ließ“, sagte sie.", "„Er ließ“, sagte sie."},
		{"keeps a German ß before a no-break space", "gemäß\u00a0§ 97", "gemäß\u00a0§ 97"},
		{"keeps a small letter's word end before a quote and an ellipsis", "“Olé”… he sang.", "“Olé”… he sang."},
		{"keeps a lead byte's character at the end", "A lone Ã", "A lone Ã"},
		{"keeps a lead before a space with no mark", "Ã ", "Ã "},
		{"keeps bytes that are not UTF-8", "Fran\xc3 and \xc3\xa7\xff", "Fran\xc3 and \xc3\xa7\xff"},
		{"keeps a mojibake control character", "Â\u0085", "Â\u0085"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Repair(tt.in); got != tt.want {
				t.Errorf("Repair(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// misread is text's UTF-8 read as Windows-1252, a byte it leaves
// undefined as Latin-1 reads it.
func misread(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		r := charmap.Windows1252.DecodeByte(text[i])
		if r == utf8.RuneError {
			r = rune(text[i])
		}
		b.WriteRune(r)
	}
	return b.String()
}

func FuzzRepairMojibake(f *testing.F) {
	for _, s := range []string{"FranÃ§ois", "FranÃ\u0083Â§ois", "donâ€™t", "SÃO PAULO", "na\u00c3 \u0304ve", "ÐŸÑ€Ð¸", "\xc3\xc3\xa7", "JOSÉ’S"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Repair(in)
		if leads := Leads(in); (len(leads) > 0) != (out != in) {
			t.Fatalf("Leads(%q) = %v, but Repair gives %q", in, leads, out)
		}
		if again := Repair(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
		if len(out) > len(in) || invalidBytes(out) > invalidBytes(in) {
			t.Fatalf("%q (%d bytes, %d invalid) -> %q (%d bytes, %d invalid)", in, len(in), invalidBytes(in), out, len(out), invalidBytes(out))
		}
		if strings.IndexByte(in, leadFirstByte) < 0 && out != in {
			t.Fatalf("text with no lead byte's character changed: %q -> %q", in, out)
		}
		// Text repair leaves alone, in an alphabet whose mojibake is
		// sure, misread once comes back whole.
		if plain := strings.Map(keepSure, in); Repair(plain) == plain {
			if got := Repair(misread(plain)); got != plain {
				t.Fatalf("%q misread as %q, mended to %q", plain, misread(plain), got)
			}
		}
	})
}

// keepSure keeps the characters whose mojibake is sure by itself: ASCII,
// Latin-1's letters, dashes and curly quotes, € and those beyond U+FFFF.
func keepSure(r rune) rune {
	if r < 0x80 || 0xc0 <= r && r <= 0xff || 0x2010 <= r && r <= 0x2027 || r == '€' || r > 0xffff && r != utf8.RuneError {
		return r
	}
	return -1
}

func invalidBytes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			n++
		}
		i += w
	}
	return n
}
