package weblink

import (
	"strings"
	"testing"
	"time"
)

func TestAllFindsTheAddressesWrittenOut(t *testing.T) {
	tests := []struct {
		name, text string
		syn        Syntax
		want       []string // each "words → URL", or the words alone where they are the URL
	}{
		{"an address ending a sentence loses the full stop", "The report is at https://example.org/report.", Plain, []string{"https://example.org/report"}},
		{"two addresses, one http, one with a query", "See http://a.example/x, then https://b.example/y?q=1&r=2 for more", Plain, []string{"http://a.example/x", "https://b.example/y?q=1&r=2"}},
		{"in markdown a character reference ends an address", "then https://b.example/y?q=1&amp;r=2 for more", Markdown, []string{"https://b.example/y?q=1"}},
		{"in markdown a bare ampersand does not", "then https://b.example/y?q=1&r=2;s=3 for more", Markdown, []string{"https://b.example/y?q=1&r=2;s=3"}},
		{"in plain text a reference is text", "then https://b.example/y?q=1&amp;r=2 for more", Plain, []string{"https://b.example/y?q=1&amp;r=2"}},
		{"a bracket around an address is not part of it", "(https://example.org/a) and [https://example.org/b]", Plain, []string{"https://example.org/a", "https://example.org/b"}},
		{"a bracket the address opens is", "https://en.example/wiki/Salmon_(fish) swim", Plain, []string{"https://en.example/wiki/Salmon_(fish)"}},
		{"a bracketed address ending a sentence loses both", "(see https://example.org/a).", Plain, []string{"https://example.org/a"}},
		{"curly quotes end an address", "he wrote “https://example.org/q” twice", Plain, []string{"https://example.org/q"}},
		{"a no-break space ends an address", "at https://example.org/q\u00a0today", Plain, []string{"https://example.org/q"}},
		{"a scheme without a host is none", "an http:// prefix and https:///path", Plain, nil},
		{"http inside a word is none", "xhttp://example.org and the word https", Plain, nil},
		{"an address may follow a slash or a quote", "a/https://example.org/x and \"https://example.org/y\"", Plain, []string{"https://example.org/x", "https://example.org/y"}},
		{"a line break ends an address", "https://example.org/a\nnext line", Plain, []string{"https://example.org/a"}},
		{"emphasis marks after an address are not part of it", "*https://example.org/a*_~", Plain, []string{"https://example.org/a"}},
		{"a backslash ends an address, so an escaped one is none", `http\://example.org and https://example.org/a\b`, Markdown, []string{"https://example.org/a"}},
		{"www. goes to http", "visit www.example.org/news, daily", Plain, []string{"www.example.org/news → http://www.example.org/news"}},
		{"www. without a dot after it is none", "www.localhost and www.", Plain, nil},
		{"ftp is read too", "ftp://files.example.org/a.zip", Plain, []string{"ftp://files.example.org/a.zip"}},
		{"an email address goes to mailto", "Write to jane.doe+news@example.co.uk.", Plain, []string{"jane.doe+news@example.co.uk → mailto:jane.doe+news@example.co.uk"}},
		{"an email address needs a dot in its domain", "ask @jane or jane@localhost", Plain, nil},
		{"a non-ASCII path is kept", "https://ru.example/wiki/Москва!", Plain, []string{"https://ru.example/wiki/Москва"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for l := range All(tt.text, true, tt.syn) {
				words := l.In(tt.text)
				if words != l.URL {
					words += " → " + l.URL
				}
				got = append(got, words)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("All(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestAnAddressMustStartAWord(t *testing.T) {
	if n := count(All("https://example.org", false, Plain)); n != 0 {
		t.Errorf("text that does not start a word yielded %d links", n)
	}
	if n := count(All("https://example.org", true, Plain)); n != 1 {
		t.Errorf("text that starts a word yielded %d links, want 1", n)
	}
}

func TestStartsAfter(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{{"", true}, {"see ", true}, {"(", true}, {"“", true}, {"x", false}, {"9", false}, {"é", false}}
	for _, tt := range tests {
		if got := StartsAfter(tt.before); got != tt.want {
			t.Errorf("StartsAfter(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

// TestAllIsLinearOnHostileText reads texts that made finders rescan
// what they had read: thousands of brackets after an address, names
// without an "@", schemes without a host. Each takes milliseconds;
// counting the brackets again at each one trimmed took time quadratic in
// their number.
func TestAllIsLinearOnHostileText(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"brackets after an address", "https://example.org/" + strings.Repeat(")", 200_000), 1},
		{"a name of dots with no @", strings.Repeat("a.", 200_000) + "@", 0},
		{"schemes without a host", strings.Repeat("https:///(", 50_000), 0},
		{"www. and a bracket", strings.Repeat("www.a(", 50_000), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			if n := count(All(tt.text, true, Plain)); n != tt.want {
				t.Errorf("found %d links, want %d", n, tt.want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func count(seq func(func(Link) bool)) int {
	n := 0
	for range seq {
		n++
	}
	return n
}

// FuzzAll checks that every address found is the text it spans, in
// order and apart, starts with a scheme or www. (or is an email address),
// goes where its words say, and does not end in sentence punctuation or
// hold a character that ends an address.
func FuzzAll(f *testing.F) {
	for _, s := range []string{"see https://example.org/report.", "(http://a.b/(c))]", "https://", "xhttp://a", "http://a\u00a0b", "www.a.b, c@d.ef.", "a&b https://x.y/?a&b"} {
		f.Add(s, true, false)
	}
	f.Fuzz(func(t *testing.T, text string, wordStart, markdown bool) {
		syn := Plain
		if markdown {
			syn = Markdown
		}
		last := 0
		for l := range All(text, wordStart, syn) {
			if l.Start < last || l.End <= l.Start || l.End > len(text) {
				t.Fatalf("link %v out of order or bounds in %q", l.Span, text)
			}
			words := l.In(text)
			switch {
			case strings.HasPrefix(words, "www."):
				if l.URL != "http://"+words {
					t.Fatalf("%q goes to %q", words, l.URL)
				}
			case strings.HasPrefix(words, "http://"), strings.HasPrefix(words, "https://"), strings.HasPrefix(words, "ftp://"):
				if l.URL != words {
					t.Fatalf("%q goes to %q", words, l.URL)
				}
			case strings.Contains(words, "@"):
				if l.URL != "mailto:"+words {
					t.Fatalf("%q goes to %q", words, l.URL)
				}
			default:
				t.Fatalf("%q starts with no scheme or www.", words)
			}
			if strings.ContainsAny(words[len(words)-1:], ".,;:!?'") {
				t.Fatalf("%q ends in punctuation", words)
			}
			for i := range words {
				if stops(words[i:], syn) {
					t.Fatalf("%q holds a character that ends an address", words)
				}
			}
			last = l.End
		}
	})
}

func TestSpellsOutSaysWhetherALinksWordsAreItsAddress(t *testing.T) {
	tests := []struct {
		name, words, url string
		want             bool
	}{
		{"an address that is its URL", "https://example.org/a", "https://example.org/a", true},
		{"a www address its URL adds http to", "www.example.org", "http://www.example.org", true},
		{"an email address its URL adds mailto to", "desk@example.org", "mailto:desk@example.org", true},
		{"words that name the page", "the report", "https://example.org/a", false},
		{"an address going elsewhere", "https://example.org/b", "https://example.org/a", false},
		{"a www address under https, which All does not write", "www.example.org", "https://www.example.org", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SpellsOut(tt.words, tt.url); got != tt.want {
				t.Errorf("SpellsOut(%q, %q) = %v, want %v", tt.words, tt.url, got, tt.want)
			}
		})
	}
	const text = "See https://example.org/a, www.example.org and desk@example.org."
	found := 0
	for l := range All(text, true, Plain) {
		found++
		if !SpellsOut(l.In(text), l.URL) {
			t.Errorf("the address All found, %q → %q, does not spell out its URL", l.In(text), l.URL)
		}
	}
	if found != 3 {
		t.Errorf("All found %d addresses in %q, want 3", found, text)
	}
}

func TestWebSchemeIsReadInAnyCase(t *testing.T) {
	tests := []struct {
		name, s string
		want    int
	}{
		{"https", "https://example.org/a", len("https://")},
		{"http", "http://example.org/a", len("http://")},
		{"https in capitals", "HTTPS://EXAMPLE.ORG/A", len("https://")},
		{"http in mixed case", "Http://example.org", len("http://")},
		{"another scheme", "ftp://example.org/a.zip", 0},
		{"a scheme without its slashes", "https:example.org", 0},
		{"a word that starts like one", "httpsx://example.org", 0},
		{"a file name", "story.txt", 0},
		{"nothing", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WebScheme(tt.s); got != tt.want {
				t.Errorf("WebScheme(%q) = %d, want %d", tt.s, got, tt.want)
			}
			if got := IsWeb(tt.s); got != (tt.want > 0) {
				t.Errorf("IsWeb(%q) = %v", tt.s, got)
			}
		})
	}
}
