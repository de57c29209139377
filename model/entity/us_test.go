package entity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// polnearDev is PolNeAR's development articles, from the package folder.
const polnearDev = "../../../shared/data/attribution/dev"

// TestLowerCaseUsIsAPlaceOnlyWhereANameStands measures the rule that reads
// a lower-case "us" as the US. Every development line (CoNLL dev sentences
// and PolNeAR dev paragraphs) that writes "us" or "US" is lower-cased, as a
// scraped headline would be; the line's own "US" is the country and its
// "us" the pronoun. The rule must almost never take the pronoun for the
// country; it finds the country only in lines that name another place, as
// headlines do, so its recall here is logged, not held to a bar (TestTag
// has headlines).
func TestLowerCaseUsIsAPlaceOnlyWhereANameStands(t *testing.T) {
	lines := usLines(t)
	if len(lines) == 0 {
		t.Skip("no development data")
	}
	tg := loadTagger(t)
	var country, found, pronoun, wrong int
	for _, line := range lines {
		low := strings.ToLower(line)
		places := map[int]bool{}
		for _, e := range tg.Tag(low, nil) {
			if e.Label == Place && e.In(low) == "us" {
				places[e.Start] = true
			}
		}
		for _, tk := range wordSpans(line) {
			switch line[tk[0]:tk[1]] {
			case "US":
				country++
				if places[tk[0]] {
					found++
				}
			case "us":
				pronoun++
				if places[tk[0]] {
					wrong++
				}
			}
		}
	}
	t.Logf("%d lines: the country %d, found %d; the pronoun %d, taken for the country %d", len(lines), country, found, pronoun, wrong)
	if pronoun > 0 && float64(wrong) > 0.05*float64(pronoun) {
		t.Errorf("took the pronoun for the country %d times in %d", wrong, pronoun)
	}
}

// usLines are the development lines that write "us" or "US" as a word.
func usLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	keep := func(s string) {
		for _, tk := range wordSpans(s) {
			if w := s[tk[0]:tk[1]]; w == "us" || w == "US" {
				lines = append(lines, s)
				return
			}
		}
	}
	if _, err := os.Stat(devPath); err == nil {
		for _, d := range readDocs(t, devPath) {
			for _, s := range d {
				keep(strings.Join(s.Words, " "))
			}
		}
	}
	names, _ := filepath.Glob(filepath.Join(polnearDev, "*.txt"))
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.SplitSeq(string(b), "\n") {
			keep(line)
		}
	}
	return lines
}

// wordSpans are the byte ranges of the space- and punctuation-separated
// words of s.
func wordSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		letter := i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z')
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	return out
}
