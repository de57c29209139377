package render

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/margin-reader/margin/internal/sanitize"
)

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

func TestWidthAgreesWithTheTerminal(t *testing.T) {
	for _, s := range []string{"hello", "Kyiv’s", "日本語", "a\x1bb", "e\u0301", "👍🏽", "x\u202ey", "\t"} {
		if got, want := Width(s), ansi.StringWidth(Sanitize(s)); got != want {
			t.Errorf("Width(%q) = %d, but the sanitised text is %d wide", s, got, want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		url  string
		safe bool
	}{
		{"https://example.org/a?b=c", true},
		{"mailto:desk@example.org", true},
		{"javascript:alert(1)", false},
		{"https://evil/\x1b]52;c;x\x07", false},
		{"https://evil/\u009b", false},
		{"relative/path", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := SafeURL(tt.url); got != tt.safe {
			t.Errorf("SafeURL(%q) = %v, want %v", tt.url, got, tt.safe)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]52;c;x\x07", "\u202e\u2066", "\xc2\x9b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Sanitize(%q) is not valid UTF-8", s)
		}
		for _, r := range out {
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || sanitize.IsBidiControl(r) {
				t.Fatalf("Sanitize(%q) = %q keeps control %U", s, out, r)
			}
		}
		if got := Sanitize(out); got != out {
			t.Fatalf("Sanitize is not idempotent on %q", s)
		}
		if strings.ContainsRune(out, '\n') {
			t.Fatalf("Sanitize(%q) keeps a line break", s)
		}
	})
}

// TestCutBytesEndsAtACharactersStart checks that a text cut to a number of
// bytes keeps whole characters only and is left alone when it is short.
func TestCutBytesEndsAtACharactersStart(t *testing.T) {
	tests := []struct {
		name, s string
		n       int
		want    string
	}{
		{"leaves a short text whole", "harbour", 10, "harbour"},
		{"cuts a long text at n", "harbour wall", 7, "harbour"},
		{"backs up to a character's start", "café au lait", 4, "caf"},
		{"keeps nothing of a wide first character", "€5", 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CutBytes(tt.s, tt.n); got != tt.want {
				t.Errorf("CutBytes(%q, %d) = %q; want %q", tt.s, tt.n, got, tt.want)
			}
		})
	}
}

func TestFollowable(t *testing.T) {
	for _, tt := range []struct {
		name, url string
		want      bool
	}{
		{"a web page", "https://example.org/a", true},
		{"a relative link", "/about", true},
		{"a mail address", "mailto:desk@example.org", true},
		{"a script", "javascript:alert(1)", false},
		{"a script cased and padded as browsers still run it", " JavaScript\t:alert(1)", false},
		{"inline data", "data:text/html;base64,PHNjcmlwdD4=", false},
		{"a visual basic script", "vbscript:msgbox(1)", false},
		{"nothing", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Followable(tt.url); got != tt.want {
				t.Errorf("Followable(%q) = %v, want %v", tt.url, got, tt.want)
			}
		})
	}
}
