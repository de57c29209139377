package sanitize

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTerminal(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"keeps plain text", "Kyiv’s talks", "Kyiv’s talks"},
		{"shows ESC as a picture", "a\x1b[2Jb", "a␛[2Jb"},
		{"shows BEL and NUL", "\a\x00", "␇␀"},
		{"shows a line break as a picture", "a\nb", "a␊b"},
		{"shows DEL", "x\x7fy", "x␡y"},
		{"replaces C1 controls", "a\u009b31mb", "a\ufffd31mb"},
		{"replaces invalid bytes", "a\xffb", "a\ufffdb"},
		{"drops bidi overrides", "user\u202egnp.exe", "usergnp.exe"},
		{"drops bidi isolates", "\u2066x\u2069", "x"},
		{"expands tabs", "a\tb", "a    b"},
		{"turns a line separator into a space", "a\u2028b", "a b"},
		{"drops a soft hyphen", "east\u00adern pier", "eastern pier"},
		{"keeps a zero-width joiner inside an emoji", "👩\u200d💻", "👩\u200d💻"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Terminal(tt.in); got != tt.want {
				t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTerminalLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"joins lines with one space", "first\nsecond\r\nthird", "first second third"},
		{"collapses runs of space and tabs", "a  \t b", "a b"},
		{"trims the ends", "  title\n", "title"},
		{"leaves no double space where a bidi control stood alone", "a \u202e b", "a b"},
		{"still shows ESC", "missing\x1b[31mfile.txt", "missing␛[31mfile.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TerminalLine(tt.in); got != tt.want {
				t.Errorf("TerminalLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"keeps plain text, line feeds and tabs", "a\tb\nc", "a\tb\nc"},
		{"removes ESC and BEL", "a\x1b[31mb\a", "a[31mb"},
		{"turns CRLF into one line feed", "a\r\nb", "a\nb"},
		{"turns a bare CR into a line feed", "a\rb", "a\nb"},
		{"removes DEL and C1 controls", "a\x7f\u009bb", "ab"},
		{"removes bidi overrides and isolates", "\u202eab\u2066c\u2069", "abc"},
		{"replaces invalid bytes", "a\xc3b", "a\ufffdb"},
		{"keeps accents and quotes", "Zelenskyy’s «da»", "Zelenskyy’s «da»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Markdown(tt.in); got != tt.want {
				t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"keeps plain strings", `{"a":"b c"}`, `{"a":"b c"}`},
		{"keeps accented letters", `"café"`, `"café"`},
		{"escapes C1 controls", "\"a\u009bb\"", `"a\u009bb"`},
		{"escapes DEL", "\"a\x7f\"", `"a\u007f"`},
		{"escapes bidi overrides", "\"\u202eexe\"", `"\u202eexe"`},
		{"escapes line separators", "\"a\u2028b\u2029\"", `"a\u2028b\u2029"`},
		{"escapes zero-width format characters", "\"a\u200bb\ufeff\"", `"a\u200bb\ufeff"`},
		{"replaces invalid bytes with an escaped U+FFFD", "\"a\xffb\"", `"a\ufffdb"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(JSON([]byte(tt.in))); got != tt.want {
				t.Errorf("JSON(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// hostile is a seed corpus of the sequences a terminal or a viewer acts on.
var hostile = []string{
	"plain", "\x1b[2J\x1b[H", "\x1b]52;c;aGk=\x07", "\x1b]8;;http://x\x1b\\y\x1b]8;;\x1b\\",
	"\x1bP+q\x1b\\", "\xc2\x9b31m", "\r\n\r", "\u202e\u2066\u2069", "\u200b\u200d\ufeff",
	"\xff\xfe", "a\tb", "\u2028\u2029", "e\u0301\u202e\u0301",
}

func FuzzTerminal(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, out := range map[string]string{"Terminal": Terminal(s), "TerminalLine": TerminalLine(s)} {
			if r, ok := firstUnsafe(out, ""); ok {
				t.Fatalf("%s(%q) = %q keeps %U", name, s, out, r)
			}
		}
		if out := Terminal(s); Terminal(out) != out {
			t.Fatalf("Terminal is not idempotent on %q", s)
		}
		if out := TerminalLine(s); strings.Contains(out, "  ") || strings.TrimSpace(out) != out {
			t.Fatalf("TerminalLine(%q) = %q has a run of spaces or untrimmed ends", s, out)
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Markdown(s)
		if r, ok := firstUnsafe(out, "\n\t"); ok {
			t.Fatalf("Markdown(%q) = %q keeps %U", s, out, r)
		}
		if Markdown(out) != out {
			t.Fatalf("Markdown is not idempotent on %q", s)
		}
	})
}

func FuzzJSON(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc, err := json.Marshal(map[string]string{"text": s})
		if err != nil {
			t.Fatal(err)
		}
		out := JSON(enc)
		if r, ok := firstUnsafe(string(out), ""); ok {
			t.Fatalf("JSON of %q = %q keeps %U", s, out, r)
		}
		var got, want map[string]string
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("JSON of %q = %q is no longer valid JSON: %v", s, out, err)
		}
		if err := json.Unmarshal(enc, &want); err != nil {
			t.Fatal(err)
		}
		if got["text"] != want["text"] {
			t.Fatalf("JSON of %q decodes to %q, want %q", s, got["text"], want["text"])
		}
	})
}

// firstUnsafe returns the first rune of s that is invalid UTF-8, a C0
// control not in allowed, DEL, a C1 control or a bidi control.
func firstUnsafe(s, allowed string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\ufffd") {
			return r, true
		}
		if (r < 0x20 && !strings.ContainsRune(allowed, r)) || r == 0x7f || IsC1(r) || IsBidiControl(r) {
			return r, true
		}
	}
	return 0, false
}
