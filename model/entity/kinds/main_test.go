package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Invented WordNet lines: data.noun's offset and lexicographer file (the
// rest of a synset line is not read), and index.noun's lemma, part of
// speech, sense count, pointer count and pointers, sense counts again and
// the synsets, most frequent first. The lemmas are real words, since only
// those the word clusters know are kept.
const (
	data = `  1 This is a licence header line.
08000001 14 n 01 village 0 000 | a community
08000002 15 n 01 village 0 000 | a place
08000003 14 n 01 band 0 000 | a group of musicians
08000004 06 n 01 band 0 000 | a strip
08000005 18 n 01 singer 0 000 | a person who sings
08000006 15 n 01 province 0 000 | a region
08000007 06 n 01 bridge 0 000 | a structure
08000008 18 n 01 zzqxv 0 000 | no word news knows
08000009 14 n 01 river_band 0 000 | two words
`
	index = `  1 This is a licence header line.
village n 2 1 @ 2 1 08000001 08000002
band n 2 1 @ 2 1 08000003 08000004
singer n 1 1 @ 1 1 08000005
province n 1 1 @ 1 1 08000006
bridge n 1 1 @ 1 1 08000007
zzqxv n 1 1 @ 1 1 08000008
river_band n 1 1 @ 1 1 08000009
`
)

func TestRunGivesEachNounTheKindOfItsSenses(t *testing.T) {
	dict := t.TempDir()
	for name, text := range map[string]string{"data.noun": data, "index.noun": index} {
		if err := os.WriteFile(filepath.Join(dict, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "kinds.txt")
	if err := run([]string{"-wordnet", dict, "-out", out}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			got = append(got, line)
		}
	}
	// A group with a place's sense is a place; an artifact, a word news does
	// not know and a phrase have no kind.
	want := []string{"band O", "province L", "singer P", "village L"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRunReportsABadLine(t *testing.T) {
	dict := t.TempDir()
	for name, text := range map[string]string{"data.noun": data, "index.noun": "village n 9 1 @ 9 1 08000001\n"} {
		if err := os.WriteFile(filepath.Join(dict, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := run([]string{"-wordnet", dict, "-out", filepath.Join(t.TempDir(), "k.txt")}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "bad line") {
		t.Errorf("got %v, want a bad line error", err)
	}
}
