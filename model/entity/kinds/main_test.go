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
08000010 15 n 01 city 0 000 | a place
08000011 17 n 01 cave 0 000 | a natural object
08000012 06 n 01 street 0 000 | a made thing
08000013 15 n 01 town 0 000 | a place
08000014 15 n 01 end 0 000 | a place
`
	index = `  1 This is a licence header line.
village n 2 1 @ 2 1 08000001 08000002
band n 2 1 @ 2 1 08000003 08000004
singer n 1 1 @ 1 1 08000005
province n 1 1 @ 1 1 08000006
bridge n 1 1 @ 1 1 08000007
zzqxv n 1 1 @ 1 1 08000008
river_band n 1 1 @ 1 1 08000009
city n 1 1 @ 1 1 08000010
cave n 1 1 @ 1 1 08000011
street n 1 1 @ 1 1 08000012
town n 1 1 @ 1 1 08000013
end n 1 1 @ 1 1 08000014
`
	// silver has a person's name ending in "street".
	silver = `-DOCSTART- -X- -X- O

Picabo NNP - B-PER
Street NNP - I-PER
won VBD - O
. . - O
`
	// conll has names of several words: a city's and a team's ending in
	// "City", two streets'; and three places after "town of", and after
	// "end of" a place, a month and a person.
	conll = `-DOCSTART- -X- -X- O

Kansas NNP B-NP B-LOC
City NNP I-NP I-LOC
beat VB O O
Manchester NNP B-NP B-ORG
City NNP I-NP I-ORG
on IN O O
Hay NNP B-NP B-LOC
Street NNP I-NP I-LOC
and CC O O
Barrack NNP B-NP B-LOC
Street NNP I-NP I-LOC
. . O O

the DT O O
town NN O O
of IN O O
Kellow NNP B-NP B-LOC
, , O O
the DT O O
town NN O O
of IN O O
Brenton NNP B-NP B-LOC
and CC O O
the DT O O
town NN O O
of IN O O
Aisby NNP B-NP B-LOC
. . O O

the DT O O
end NN O O
of IN O O
Aisby NNP B-NP B-LOC
, , O O
the DT O O
end NN O O
of IN O O
March NNP B-NP O
and CC O O
the DT O O
end NN O O
of IN O O
Kellow NNP B-NP B-PER
. . O O
`
)

func TestRunGivesEachNounTheKindOfItsSenses(t *testing.T) {
	dict := t.TempDir()
	for name, text := range map[string]string{"data.noun": data, "index.noun": index, "train.txt": conll, "silver.txt": silver} {
		if err := os.WriteFile(filepath.Join(dict, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "kinds.txt")
	if err := run([]string{"-wordnet", dict, "-out", out, "-conll", filepath.Join(dict, "train.txt"), "-silver", filepath.Join(dict, "silver.txt")}, &bytes.Buffer{}); err != nil {
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
	// A group with a place's sense is a place; a place's noun that ends no
	// name in CoNLL or places' names two to one heads places' names ("H"),
	// "city" (a place, a team) not; a natural object heads them without
	// defining anything ("h"), and so does a made thing that ends at least
	// two places' names and no other ("street"), not one that ends none
	// ("bridge"); a word news does not know and a phrase have no kind. A
	// noun of place after which three capitalised words and "of" are places
	// names places there ("town H of"), not one after which one in three
	// is ("end"). A noun heading places' names that ends no person's name
	// in either file is marked "ends", not "street" (the silver's "Picabo
	// Street").
	want := []string{"band O", "cave h ends", "city L", "end H ends", "province H ends", "singer P", "street h", "town H of ends", "village H ends"}
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
