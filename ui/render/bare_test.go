package render

import (
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/span"
)

func TestBareLinksFindsTheAddressesWrittenOut(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"an address ending a sentence loses the full stop", "The report is at https://example.org/report.", []string{"https://example.org/report"}},
		{"two addresses, one http", "See http://a.example/x, then https://b.example/y?q=1&r=2 for more", []string{"http://a.example/x", "https://b.example/y?q=1&r=2"}},
		{"a bracket around an address is not part of it", "(https://example.org/a) and [https://example.org/b]", []string{"https://example.org/a", "https://example.org/b"}},
		{"a bracket the address opens is", "https://en.example/wiki/Salmon_(fish) swim", []string{"https://en.example/wiki/Salmon_(fish)"}},
		{"curly quotes end an address", "he wrote “https://example.org/q” twice", []string{"https://example.org/q"}},
		{"a scheme without a host is none", "an http:// prefix and https:///path", nil},
		{"http inside a word is none", "xhttp://example.org and the word https", nil},
		{"a line break ends an address", "https://example.org/a\nnext line", []string{"https://example.org/a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range BareLinks(tt.text, span.Span{End: len(tt.text)}) {
				got = append(got, s.In(tt.text))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("BareLinks(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzBareLinks checks that every address found lies in the text, in
// order, apart, and starts with its scheme and a host.
func FuzzBareLinks(f *testing.F) {
	for _, s := range []string{"see https://example.org/report.", "(http://a.b/(c))]", "https://", "xhttp://a", "http://a\u00a0b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, s := range BareLinks(text, span.Span{End: len(text)}) {
			if s.Start < last || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span %v out of order or bounds in %q", s, text)
			}
			if !hasHost(s.In(text)) {
				t.Fatalf("%q has no scheme and host", s.In(text))
			}
			last = s.End
		}
	})
}
