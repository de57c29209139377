package markdown

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestCheckLimitsFindsWhatTheParserCannotTake(t *testing.T) {
	tests := []struct {
		name, src, what string
		line            int
	}{
		{"block quotes nested on one line", strings.Repeat(">", 5000), "nested", 1},
		{"list items nested on one line", strings.Repeat("- ", 5000) + "a", "nested", 1},
		{"quotes and lists nested together", strings.Repeat("> - ", 40) + "a", "nested", 1},
		{"a list nested by indentation", nestedList(300), "indented", 130},
		{"unclosed link destinations", strings.Repeat("[a](", 2000), "delimiters", 1},
		{"mixed emphasis delimiters", strings.Repeat("*_a", 1000), "delimiters", 1},
		{"delimiters after an escaped backslash", strings.Repeat(`\\*a`, 1001), "delimiters", 1},
		{"delimiters spread over the lines of one paragraph", strings.Repeat("some *words* and [links]\n", 300), "delimiters", 251},
		{"a wide table", "|" + strings.Repeat("a|", 500) + "\n|" + strings.Repeat("-|", 500) + "\n", "table", 2},
		{"a wide table without outer pipes", strings.Repeat("a|", 200) + "a\n" + strings.Repeat("--|", 200) + "--\n", "table", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var le *LimitError
			err := CheckLimits(tt.src)
			if !errors.As(err, &le) || !strings.Contains(le.What, tt.what) || le.Line != tt.line {
				t.Fatalf("CheckLimits = %v, want a bound on %q at line %d", err, tt.what, tt.line)
			}
			if le.Amount <= le.Bound || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q does not say by how much, on one line", err)
			}
		})
	}
}

func TestCheckLimitsPassesWhatArticlesUse(t *testing.T) {
	tests := []struct{ name, src string }{
		{"a list nested ten deep", nestedList(10)},
		{"a quote three deep", "> > > said the minister\n"},
		{"a table of twenty columns", "|" + strings.Repeat("a|", 20) + "\n|" + strings.Repeat("-|", 20) + "\n"},
		{"many paragraphs with links and emphasis", strings.Repeat("The *council* said [this](https://x.example) and _that_.\n\n", 2000)},
		{"a long tight list of links", strings.Repeat("- [a link](https://x.example) and `code`\n", 2000)},
		{"delimiters inside a code fence", "```\n" + strings.Repeat("[a](", 5000) + "\n```\n"},
		{"escaped brackets, which are text", strings.Repeat(`\] \[`, 2000)},
		{"a thematic break and a setext heading", "* * *\n\nTitle\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckLimits(tt.src); err != nil {
				t.Fatalf("CheckLimits = %v, want nil", err)
			}
		})
	}
}

func TestCheckLimitsPassesTheSamples(t *testing.T) {
	for _, path := range []string{"testdata/article.md", "../../README.md"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckLimits(string(data)); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// nestedList is a list nested depth deep, each level two spaces in.
func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

func FuzzCheckLimits(f *testing.F) {
	for _, s := range []string{"", "> - a", "|a|\n|-|", "```\n[a](\n```", "\t- \t1) x", strings.Repeat("*_", 600)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckLimits(s)
		var le *LimitError
		if err != nil && (!errors.As(err, &le) || le.Amount <= le.Bound || le.Line < 1 || le.Line > strings.Count(s, "\n")+1) {
			t.Fatalf("CheckLimits(%q) = %v: not a bound passed on a line of the source", s, err)
		}
		// A source under every bound stays under them with a line of
		// plain words added, which opens nothing and closes nothing.
		if err == nil {
			if err := CheckLimits("plain words\n\n" + s); err != nil {
				t.Fatalf("CheckLimits passes %q but not with a plain line before it: %v", s, err)
			}
		}
	})
}
