package decode

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	textenc "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// in encodes s, which the test writes in UTF-8, in enc.
func in(t *testing.T, enc textenc.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func htmlPage(head, body string) string {
	return "<!DOCTYPE html><html><head>" + head + "<title>Harbour</title></head><body><p>" + body + "</p></body></html>"
}

func TestPage(t *testing.T) {
	const (
		chinese  = "港口的新码头将在春天完工，工程师们说。"
		polish   = "Żółw przepłynął zatokę, a rybacy świętowali."
		japan    = "港の新しい岸壁は春に完成すると技師たちは言った。"
		accented = "Café naïve, déjà vu."
	)
	scripts := "<script>" + strings.Repeat("var x = 1;\n", 120) + "</script>"
	tests := []struct {
		name  string
		ctype string
		in    []byte
		want  string
	}{
		{"reads GBK named by <meta charset>", "", in(t, simplifiedchinese.GBK, htmlPage(`<meta charset="gbk">`, chinese)), chinese},
		{"reads gb2312 as GBK, as browsers do", "", in(t, simplifiedchinese.GBK, htmlPage(`<meta charset="gb2312">`, chinese)), chinese},
		{"reads ISO-8859-2 named by an http-equiv Content-Type", "", in(t, charmap.ISO8859_2, htmlPage(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2">`, polish)), polish},
		{"reads Shift_JIS named by <meta charset>", "", in(t, japanese.ShiftJIS, htmlPage(`<meta charset="Shift_JIS">`, japan)), japan},
		{"reads a charset declared past the first 1024 bytes of the head", "", in(t, charmap.Windows1250, htmlPage(scripts+`<meta charset="windows-1250">`, polish)), polish},
		{"reads the charset of an XML declaration", "", in(t, charmap.ISO8859_2, `<?xml version="1.0" encoding="iso-8859-2"?>`+htmlPage("", polish)), polish},
		{"reads the charset of the Content-Type header over the page's", "text/html; charset=shift_jis", in(t, japanese.ShiftJIS, htmlPage(`<meta charset="gbk">`, japan)), japan},
		{"reads UTF-8 that declares another charset as UTF-8", "", []byte(htmlPage(`<meta charset="iso-8859-2">`, polish)), polish},
		{"reads a UTF-8 byte order mark over a declaration", "", append([]byte("\xEF\xBB\xBF"), htmlPage(`<meta charset="gbk">`, chinese)...), chinese},
		{"reads a UTF-16 byte order mark over a declaration", "", utf16LE(htmlPage(`<meta charset="gbk">`, chinese), true), chinese},
		{"reads Latin-1 named by <meta> as Windows-1252", "", in(t, charmap.Windows1252, htmlPage(`<meta charset="iso-8859-1">`, accented)), accented},
		{"guesses Windows-1252 for a page that declares nothing", "", in(t, charmap.Windows1252, htmlPage("", accented)), accented},
		{"falls back to a guess for an unknown charset", "", in(t, charmap.Windows1252, htmlPage(`<meta charset="x-no-such-set">`, accented)), accented},
		{"falls back to a guess for a charset that would replace the page", "", in(t, charmap.Windows1252, htmlPage(`<meta charset="iso-2022-kr">`, accented)), accented},
		{"takes the first declaration in the head", "", in(t, charmap.ISO8859_2, htmlPage(`<meta charset="iso-8859-2"><meta charset="gbk">`, polish)), polish},
		{"reads UTF-8 with one stray byte that declares ISO-8859-2 as UTF-8", "", []byte(htmlPage(`<meta charset="iso-8859-2">`, polish+" Cena: 5\xA0z\xB3. "+polish)), polish},
		{"reads UTF-8 with a stray Windows-1252 quote that declares GBK as UTF-8", "text/html; charset=gbk", []byte(htmlPage("", chinese+" \x93"+chinese+chinese)), chinese},
		{"reads ISO-8859-2 whose capitals form UTF-8 by chance as ISO-8859-2", "", in(t, charmap.ISO8859_2, htmlPage(`<meta charset="iso-8859-2">`, "ÓŁ "+polish)), "ÓŁ " + polish},
		{"reads ISO-8859-2 with more stray bytes than UTF-8 sequences as ISO-8859-2", "", append(in(t, charmap.ISO8859_2, htmlPage(`<meta charset="iso-8859-2">`, polish)), "\xC5\xBC\xC3\xB3"...), polish},
		{"ignores a declaration in the body past the first 1024 bytes", "", in(t, charmap.Windows1252, htmlPage("", accented+strings.Repeat(" The survey goes on.", 60)+`</p><div><meta charset="gbk"><p>`)), accented},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Page(tt.in, tt.ctype)
			if err != nil {
				t.Fatalf("Page: %v", err)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("Page = %q, want it to hold %q", got, tt.want)
			}
		})
	}
}

func TestPageRefusesABinaryFileWhateverItDeclares(t *testing.T) {
	in := []byte(htmlPage(`<meta charset="gbk">`, "a\x00b\xC4\xE3"))
	if _, err := Page(in, ""); !errors.Is(err, ErrBinary) {
		t.Fatalf("Page error = %v, want ErrBinary", err)
	}
}

func TestPageSaysWhereUTF8TextIsInvalid(t *testing.T) {
	in := []byte(htmlPage(`<meta charset="utf-8">`, "naïve, café, d\xFF, déjà vu"))
	var d Decoder
	if _, err := d.Page(in, ""); err != nil {
		t.Fatal(err)
	}
	if at, ok := d.Invalid(); !ok || in[at] != 0xFF {
		t.Errorf("Invalid = %d, %v, want the offset of the stray byte", at, ok)
	}
}

func TestPageSaysWhereUTF8TextDeclaringAnotherCharsetIsInvalid(t *testing.T) {
	in := []byte(htmlPage(`<meta charset="iso-8859-2">`, "Żółw przepłynął zatokę \xB3 świętowali, żeby łódź ścigać."))
	var d Decoder
	got, err := d.Page(in, "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "zatokę \uFFFD świętowali") {
		t.Errorf("Page = %q, want the stray byte as U+FFFD between UTF-8 words", got)
	}
	if at, ok := d.Invalid(); !ok || in[at] != 0xB3 {
		t.Errorf("Invalid = %d, %v, want the offset of the stray byte", at, ok)
	}
}

// FuzzPage checks that whatever the bytes and header, a page decodes to
// valid UTF-8 and fails only as binary, for a NUL.
func FuzzPage(f *testing.F) {
	f.Add([]byte(htmlPage(`<meta charset="gbk">`, "\xC4\xE3\xBA\xC3")), "")
	f.Add([]byte(`<?xml version="1.0" encoding="shift_jis"?><p>`+"\x82\xa0"), "")
	f.Add([]byte(`<meta http-equiv=content-type content="text/html;charset=iso-2022-jp">`+"\x1b$B$\"\x1b(B"), "")
	f.Add([]byte("<head><meta charset=utf-16>\xFF\xFE"), "text/html; charset=utf-16le")
	f.Add([]byte("\xEF\xBB\xBF<meta charset=euc-kr>\xB0\xA1"), "")
	f.Add([]byte("<meta charset=iso-8859-2>ż ó ł ę ą ś ź ć ń \xB3"), "")
	f.Fuzz(func(t *testing.T, in []byte, ctype string) {
		got, err := Page(in, ctype)
		if err != nil {
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("Page(%q, %q) error %v", in, ctype, err)
			}
			return
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Page(%q, %q) = %q, not valid UTF-8", in, ctype, got)
		}
		if bytes.IndexByte(in, 0) < 0 && strings.Contains(got, "\x00") {
			t.Fatalf("Page(%q, %q) = %q holds a NUL", in, ctype, got)
		}
	})
}
