package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearnLyWords checks the count, share and case rules of -lywords on an
// invented silver file.
func TestLearnLyWords(t *testing.T) {
	var b strings.Builder
	b.WriteString("-DOCSTART- -X- -X- O\n\n")
	add := func(word, tag string, n int) {
		for range n {
			b.WriteString(word + " " + tag + " - O\n")
		}
	}
	add("panoply", "NN", 5)   // kept: 5 of 5 not adverbs
	add("gravelly", "JJ", 6)  // kept: 6 of 8
	add("gravelly", "RB", 2)  //
	add("quietly", "NN", 5)   // dropped: 5 of 10 is under three quarters
	add("quietly", "RB", 5)   //
	add("gently", "RBR", 9)   // dropped: an adverb tag
	add("wobbly", "JJ", 4)    // dropped: under the minimum count
	add("Doherty", "NNP", 9)  // dropped: capitalised
	add("holy", "JJ", 9)      // dropped: four letters
	add("families", "NNS", 9) // dropped: no -ly
	path := filepath.Join(t.TempDir(), "silver.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := learnLyWords(&out, path); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(out.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			got = append(got, line)
		}
	}
	if want := []string{"gravelly", "panoply"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("learned %q, want %q", got, want)
	}
	if err := learnLyWords(&out, filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Error("a missing file gave no error")
	}
}
