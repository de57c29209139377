// Package wordnet reads WordNet's noun synsets (data.noun), for the
// commands that build the entity tagger's word lists from it.
package wordnet

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
)

// WordNet's lexicographer files the word lists are built from.
const (
	LexArtifact = 6  // noun.artifact
	LexGroup    = 14 // noun.group
	LexLocation = 15 // noun.location
	LexObject   = 17 // noun.object
	LexPerson   = 18 // noun.person
)

// Synset is one line of data.noun.
type Synset struct {
	Offset string
	Lex    int // its lexicographer file
	// Lemmas are as WordNet writes them: "New_York(a)".
	Lemmas []string
	// Instance says the synset is an instance of another (a name).
	Instance bool
}

// ReadNouns calls each for every synset of the data.noun file at path,
// after its licence header.
func ReadNouns(path string, each func(Synset)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue // the licence header
		}
		s, err := parse(line)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		each(s)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// parse reads a synset line: offset, lexicographer file, part of speech,
// the count of lemmas in hex, each lemma with its lexical id, then the
// pointers, up to the gloss after " | ".
func parse(line string) (Synset, error) {
	head, _, _ := strings.Cut(line, " | ")
	fields := strings.Fields(head)
	if len(fields) < 4 {
		return Synset{}, fmt.Errorf("short line %.40q", line)
	}
	lex, err1 := strconv.Atoi(fields[1])
	n, err2 := strconv.ParseInt(fields[3], 16, 32)
	if err1 != nil || err2 != nil || len(fields) < 4+2*int(n) {
		return Synset{}, fmt.Errorf("bad synset line %.40q", line)
	}
	s := Synset{Offset: fields[0], Lex: lex, Instance: slices.Contains(fields[4+2*int(n):], "@i")}
	for i := range int(n) {
		s.Lemmas = append(s.Lemmas, fields[4+2*i])
	}
	return s, nil
}
