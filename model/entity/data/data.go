// Package data holds the entity tagger's word lists as plain text files:
// gazetteers of places and organisations, a table of demonyms and groups, and
// common given names, and the word clusters and casing learned from unlabelled news.
// Each text file has one entry a line; '#' starts a comment.
package data

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed *.txt
var files embed.FS

// The word clusters, casing, hints and phrase tables are read in place, so they are
// embedded as strings, not copied out of an embed.FS.
var (
	//go:embed clusters.bin
	clusters string
	//go:embed casing.bin
	casing string
	//go:embed hints.bin
	hints string
	//go:embed gazetteer.bin
	gazetteer string
)

// Clusters returns the word->cluster table written by
// ../clusters (32-bit word hashes and cluster paths, no text).
func Clusters() string { return clusters }

// Casing returns the table of how news writes each word, written by
// ../clusters (32-bit word hashes and case buckets, no text).
func Casing() string { return casing }

// Hints returns the large hint lists (cities, people's names) written by
// ../gazetteers (32-bit phrase hashes and list masks, no text).
func Hints() string { return hints }

// Gazetteer returns the gazetteer's phrase tables, built from the word
// lists by ../gazetteers -tables (64-bit phrase hashes and list masks, no
// text).
func Gazetteer() string { return gazetteer }

// List is the name of one word list.
type List string

const (
	// Places are countries, states, capitals and major cities, regions.
	Places List = "places.txt"
	// Orgs are international bodies, governments, parties, companies, news outlets.
	Orgs List = "orgs.txt"
	// Groups are demonyms, nationalities, religious and political groups.
	Groups List = "groups.txt"
	// Names are common given names, a hint for people.
	Names List = "names.txt"
	// WordNetPeople, WordNetPlaces and WordNetOrgs are the names WordNet
	// knows (written by ../gazetteers), hints to the model only.
	WordNetPeople List = "wordnet-people.txt"
	WordNetPlaces List = "wordnet-places.txt"
	WordNetOrgs   List = "wordnet-orgs.txt"
)

// Lists names every list in a fixed order.
var Lists = []List{Places, Orgs, Groups, Names, WordNetPeople, WordNetPlaces, WordNetOrgs}

// Entry is one line of a list.
type Entry struct {
	// Text is the entry's words, separated by single spaces.
	Text string
	// Weak marks an ambiguous entry (written with a trailing " ?"): a hint to
	// the statistical model, never tagged on its own.
	Weak bool
}

// Entries returns the entries of list l, in file order, without comments or
// blank lines.
func Entries(l List) ([]Entry, error) {
	b, err := files.ReadFile(string(l))
	if err != nil {
		return nil, fmt.Errorf("read word list %s: %w", l, err)
	}
	var out []Entry
	for line := range strings.SplitSeq(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		weak := len(f) > 1 && f[len(f)-1] == "?"
		if weak {
			f = f[:len(f)-1]
		}
		if len(f) > 0 {
			out = append(out, Entry{Text: strings.Join(f, " "), Weak: weak})
		}
	}
	return out, nil
}
