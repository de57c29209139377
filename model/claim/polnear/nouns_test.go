package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearnNouns checks the count, share, tag and case rules of -nouns on
// an invented silver file.
func TestLearnNouns(t *testing.T) {
	var b strings.Builder
	b.WriteString("-DOCSTART- -X- -X- O\n\n")
	add := func(word, tag string, n int) {
		for range n {
			b.WriteString(word + " " + tag + " - O\n")
		}
	}
	add("harbours", "NNS", 10) // kept: 10 of 10 nouns
	add("quay", "NN", 18)      // kept: 18 of 20 is nine tenths
	add("quay", "VB", 2)       //
	add("moors", "NNS", 17)    // dropped: 17 of 20 is under nine tenths
	add("moors", "VBZ", 3)     //
	add("tide", "NN", 9)       // dropped: under the minimum count
	add("Harbour", "NNP", 20)  // dropped: capitalised
	add("ashore", "RB", 20)    // dropped: not a noun tag
	path := filepath.Join(t.TempDir(), "silver.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := learnNouns(&out, path); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(out.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			got = append(got, line)
		}
	}
	if want := []string{"harbours", "quay"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("learned %q, want %q", got, want)
	}
}
