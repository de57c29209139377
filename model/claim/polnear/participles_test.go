package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearnParticiples checks the count, share, case and ending rules of
// -participles on an invented silver file.
func TestLearnParticiples(t *testing.T) {
	var b strings.Builder
	b.WriteString("-DOCSTART- -X- -X- O\n\n")
	add := func(word, tag string, n int) {
		for range n {
			b.WriteString(word + " " + tag + " - O\n")
		}
	}
	add("wrung", "VBN", 5)  // kept: 5 of 5
	add("slung", "VBN", 6)  // kept: 6 of 9
	add("slung", "VBD", 3)  //
	add("swept", "VBN", 5)  // dropped: 5 of 11 is under half
	add("swept", "VBD", 6)  //
	add("clung", "VBN", 4)  // dropped: under the minimum count
	add("Strung", "VBN", 9) // dropped: capitalised
	add("moored", "VBN", 9) // dropped: the rules read -ed already
	add("woven", "VBN", 9)  // dropped: and -en
	add("sewn", "VBN", 9)   // dropped: and -wn
	add("undone", "VBN", 9) // dropped: and -ne
	add("lit", "VBN", 9)    // kept: three letters
	add("go", "VBN", 9)     // dropped: two letters
	path := filepath.Join(t.TempDir(), "silver.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := learnParticiples(&out, path); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(out.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			got = append(got, line)
		}
	}
	if want := []string{"lit", "slung", "wrung"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("learned %q, want %q", got, want)
	}
}
