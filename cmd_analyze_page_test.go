package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model"
)

// TestAnalyzeGivesThePageTextTheReaderShows runs `analyze --json` and
// `render` on saved pages: the JSON text is, word for word, what is shown
// below the header.
func TestAnalyzeGivesThePageTextTheReaderShows(t *testing.T) {
	pages, err := filepath.Glob("model/htmlpage/testdata/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no saved pages: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			var js, shown, errOut bytes.Buffer
			if code := run([]string{"analyze", "--json", page}, nil, &js, &errOut); code != 0 {
				t.Fatalf("analyze: exit %d: %s", code, errOut.String())
			}
			var r model.Report
			if err := json.Unmarshal(js.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			if code := run([]string{"render", "--color", "never", "--width", "200", page}, nil, &shown, &errOut); code != 0 {
				t.Fatalf("render: exit %d: %s", code, errOut.String())
			}
			_, body, ok := strings.Cut(shown.String(), "\n\n")
			if !ok {
				t.Fatalf("no header in %q", shown.String())
			}
			if got, want := shownWords(body), strings.Fields(r.Text); !slices.Equal(got, want) {
				t.Errorf("render shows %d words, analyze gives %d:\n%q\n%q", len(got), len(want), got, want)
			}
		})
	}
}

// shownWords are the words of rendered text without the marks the
// renderer draws for structure: heading marks, list bullets and numbers
// at the start of a line, and table and quote rules anywhere.
func shownWords(s string) []string {
	var words []string
	var lineStart bool
	for line := range strings.SplitSeq(s, "\n") {
		lineStart = true
		for _, w := range strings.Fields(line) {
			if isRule(w) {
				continue
			}
			if lineStart && (isHeadingMark(w) || w == "•" || w == ">" || isItemNumber(w)) {
				continue
			}
			lineStart = false
			words = append(words, w)
		}
	}
	return words
}

// isHeadingMark reports the marks before headings below the first level.
func isHeadingMark(w string) bool { return w == "■" || w == "▪" || w == "·" }

func isRule(w string) bool {
	return strings.Trim(w, "│─┼") == ""
}

func isItemNumber(w string) bool {
	n, ok := strings.CutSuffix(w, ".")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}
