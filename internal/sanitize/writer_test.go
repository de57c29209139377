package sanitize

import (
	"bytes"
	"strings"
	"testing"
)

func TestLineWriter(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"shows ESC in a file name", []string{"margin: open missing\x1b[31mfile.txt\n"}, "margin: open missing␛[31mfile.txt\n"},
		{"keeps line breaks between lines", []string{"one\ntwo\n"}, "one\ntwo\n"},
		{"joins a line written in pieces", []string{"margin: ", "warning\x07", "\n"}, "margin: warning␇\n"},
		{"shows a bare CR rather than returning the cursor", []string{"ok\rfake\n"}, "ok␍fake\n"},
		{"writes a partial last line on Flush", []string{"no newline\x9b"}, "no newline\ufffd"},
		{"keeps a rune split across writes whole", []string{"caf\xc3", "\xa9\n"}, "café\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			w := NewLineWriter(&out)
			for _, s := range tt.writes {
				if _, err := w.Write([]byte(s)); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("wrote %q, want %q", out.String(), tt.want)
			}
		})
	}
}

func FuzzLineWriter(f *testing.F) {
	f.Add("margin: open a\x1b[31mb\nnext\r\n\x9b", uint8(3))
	f.Fuzz(func(t *testing.T, s string, cut uint8) {
		var out bytes.Buffer
		w := NewLineWriter(&out)
		// Written in two pieces, split anywhere, even inside a rune.
		i := int(cut) % (len(s) + 1)
		for _, piece := range []string{s[:i], s[i:]} {
			if _, err := w.Write([]byte(piece)); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if r, ok := firstUnsafe(got, "\n"); ok {
			t.Fatalf("wrote %q for %q: keeps %U", got, s, r)
		}
		if strings.Count(got, "\n") != strings.Count(s, "\n") {
			t.Fatalf("wrote %q for %q: the line count changed", got, s)
		}
	})
}
