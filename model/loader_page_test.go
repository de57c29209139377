package model

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	textenc "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/margin-reader/margin/model/decode"
	"github.com/margin-reader/margin/model/htmlpage"
)

// savedPage is a saved article page in enc that declares charset in its
// head, behind scripts long enough to push the declaration past the
// first 1024 bytes when late is set.
func savedPage(t *testing.T, enc textenc.Encoding, charset, text string, late bool) []byte {
	t.Helper()
	head := ""
	if late {
		head = "<script>" + strings.Repeat("var archived = true;\n", 60) + "</script>"
	}
	if charset != "" {
		head += `<meta charset="` + charset + `">`
	}
	page := "<!DOCTYPE html><html><head>" + head + "<title>Harbour news</title></head><body><article><h1>Harbour news</h1><p>" +
		text + "</p><p>" + text + "</p></article></body></html>"
	b, err := enc.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpeningASavedPageReadsItsDeclaredCharset(t *testing.T) {
	const (
		chinese = "港口的新码头将在春天完工，工程师们在周二的会议上说。"
		polish  = "Żółw przepłynął zatokę, a rybacy świętowali do rana."
		japan   = "港の新しい岸壁は春に完成すると技師たちは火曜日に言った。"
	)
	tests := []struct {
		name string
		page []byte
		want string
	}{
		{"a GBK page declaring gb2312 past its first 1024 bytes", savedPage(t, simplifiedchinese.GBK, "gb2312", chinese, true), chinese},
		{"an ISO-8859-2 page", savedPage(t, charmap.ISO8859_2, "iso-8859-2", polish, false), polish},
		{"a Shift_JIS page", savedPage(t, japanese.ShiftJIS, "shift_jis", japan, true), japan},
		{"a UTF-8 page that declares ISO-8859-2", savedPage(t, textenc.Nop, "iso-8859-2", polish, false), polish},
		{"a UTF-8 page with a byte order mark that declares GBK", append([]byte("\xEF\xBB\xBF"), savedPage(t, textenc.Nop, "gbk", chinese, false)...), chinese},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "page.html")
			if err := os.WriteFile(path, tt.page, 0o644); err != nil {
				t.Fatal(err)
			}
			a, err := Open(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, tt.want) {
				t.Errorf("text %q lacks %q", a.Text, tt.want)
			}
			for _, chunk := range []int{7, 300, 1 << 10} {
				sameChunkedLoad(t, "page.html", tt.page, chunk, 64)
			}
		})
	}
}

func TestATextFileKeepsItsDecodingWhateverItSays(t *testing.T) {
	// A plain-text file is read as UTF-8 or Windows-1252, never in a
	// charset some markup in it names.
	data := []byte(`Notes on <meta charset="gbk"> tags: caf` + "\xe9 and na\xefve.\n")
	a, err := Parse(context.Background(), "notes.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "café and naïve") {
		t.Errorf("text %q lacks the Windows-1252 reading", a.Text)
	}
}

// FuzzOpenPage checks that a saved page, whatever its bytes, opens to
// valid UTF-8 text: decoding fails only as binary, for a NUL, and the
// page is otherwise refused only when no article is found in it.
func FuzzOpenPage(f *testing.F) {
	f.Add([]byte(`<html><head><meta charset="gbk"></head><body><p>` + "\xC4\xE3\xBA\xC3</p>"))
	f.Add([]byte(`<?xml version="1.0" encoding="iso-8859-2"?><html><p>` + "\xB1\xB6</p>"))
	f.Add([]byte("\xFF\xFE<\x00p\x00>\x00"))
	f.Add([]byte(`<meta charset="x-user-defined"><p>` + "\x80\xFF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(context.Background(), "page.html", data, Options{})
		if errors.Is(err, htmlpage.ErrNoArticle) {
			return
		}
		if err != nil {
			if !errors.Is(err, decode.ErrBinary) || !strings.ContainsRune(string(data), 0) {
				t.Fatalf("Parse(%q) error %v", data, err)
			}
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("Parse(%q) text %q is not UTF-8", data, a.Text)
		}
	})
}

// TestASavedPageIsReadAtOptionsNow: a dateline's two-digit year past the
// next is no date, counted from Options.Now, not from the clock.
func TestASavedPageIsReadAtOptionsNow(t *testing.T) {
	page := []byte(`<html><body><h1>Ferries back</h1><p>Kiel, 23.09.28</p><article><p>` +
		strings.Repeat("The ferry service resumed on Monday after a week of storms. ", 20) + `</p></article></body></html>`)
	for year, want := range map[int]string{2025: "", 2027: "2028-09-23"} {
		a, err := Parse(context.Background(), "ferries.html", page, Options{Now: time.Date(year, time.May, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != want {
			t.Errorf("read in %d, published %q, want %q", year, a.Published, want)
		}
	}
}
