// Command train learns margin's statistical entity model from CoNLL-2003
// and, weighed below it, PolNeAR's silver (CoreNLP) labels of 2016 US news.
//
// Run from the repository root:
//
//	go run ./model/entity/train -data ../shared/data/ner -out model/entity/model.bin
//
// It reads conll2003-train.txt and the silver file to learn and
// conll2003-dev.txt to report F1 after each epoch; no test split is ever
// read. Each epoch reads each silver sentence with probability
// -silver-share (0.15: on CoNLL dev and WikiGold it beat 0.08, 0.25 and
// 0.4). -caps-share (off by default) also reads the training split written
// in capitals, each sentence with that chance an epoch: it lifts CoNLL dev
// in capitals from 65.7 to 86.5 F1 at 0.1, but costs WikiGold 0.2 (see the
// package's README). Training is deterministic: the same data and flags
// give the same file.
//
// The file holds the weights' tables laid out as a load probes them. After
// a change to that layout (the hash of a slot, the size of a table), lay
// out the model anew without training it again:
//
//	go run ./model/entity/train -relay -out model/entity/model.bin
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	dataDir := fs.String("data", "../shared/data/ner", "folder with conll2003-train.txt and conll2003-dev.txt")
	outPath := fs.String("out", "model/entity/model.bin", "model file to write")
	epochs := fs.Int("epochs", 12, "passes over the training data")
	seed := fs.Uint64("seed", 1, "shuffle seed")
	runs := fs.Int("runs", 3, "perceptrons trained in different orders (seeds -seed, -seed+1, ...) whose weights are averaged")
	minWeight := fs.Float64("min-weight", 1, "drop features whose largest averaged weight (in perceptron updates) is below this")
	clip := fs.Float64("clip", 1, "quantile of weight magnitudes mapped to the int8 limit")
	silverPath := fs.String("silver", "../shared/data/attribution/ner-silver/polnear-train-corenlp.txt", "CoNLL file of silver (machine) labels to train on as well, e.g. PolNeAR's CoreNLP tags")
	silverShare := fs.Float64("silver-share", 0.15, "chance that an epoch reads each silver sentence")
	relay := fs.Bool("relay", false, "read the model at -out and write it again with its tables laid out anew, without training")
	capsShare := fs.Float64("caps-share", 0, "chance that an epoch reads each sentence of the training split in capitals (0: none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *relay {
		return relayModel(*outPath, out)
	}
	train, err := readDocs(filepath.Join(*dataDir, "conll2003-train.txt"))
	if err != nil {
		return err
	}
	dev, err := readDocs(filepath.Join(*dataDir, "conll2003-dev.txt"))
	if err != nil {
		return err
	}
	var silver []ner.Document
	if *silverPath != "" {
		if silver, err = readDocs(*silverPath); err != nil {
			return err
		}
	}
	g, err := ner.NewGazetteer()
	if err != nil {
		return err
	}
	start := time.Now()
	m := ner.Train(train, g, ner.TrainOptions{
		Types:       []string{"PER", "ORG", "LOC", "MISC"},
		Epochs:      *epochs,
		Seed:        *seed,
		Runs:        *runs,
		MinWeight:   *minWeight,
		Clip:        *clip,
		Silver:      silver,
		SilverShare: *silverShare,
		Caps:        upperCased(train, *capsShare),
		CapsShare:   *capsShare,
		Epoch: func(ep int, m *ner.Model) {
			fmt.Fprintf(out, "epoch %2d  %5.1fs  features %d  %s\n", ep, time.Since(start).Seconds(), m.NumFeatures(), report(ner.Evaluate(m, g, dev)))
		},
	})
	return writeModel(m, *outPath, out)
}

// relayModel rewrites the model at path with its tables laid out anew.
func relayModel(path string, out io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("relay: %w", err)
	}
	m, err := ner.Read(b)
	if err != nil {
		return fmt.Errorf("relay %s: %w", path, err)
	}
	return writeModel(m.Relaid(), path, out)
}

// writeModel writes m to path, replacing it at once, and says so on out.
func writeModel(m *ner.Model, path string, out io.Writer) error {
	f, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer f.Cleanup()
	n, err := m.WriteTo(f)
	if err != nil {
		return err
	}
	if err := f.CloseAtomicallyReplace(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(out, "wrote %s: %d bytes, %d features\n", path, n, m.NumFeatures())
	return nil
}

func readDocs(path string) ([]ner.Document, error) {
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

// report formats dev scores: micro F1 over PER, ORG and LOC, then each type.
func report(s map[string]*ner.Score) string {
	micro := ner.Micro(s, "PER", "ORG", "LOC")
	out := fmt.Sprintf("dev F1 PER+ORG+LOC %.2f", micro.F1())
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		out += fmt.Sprintf("  %s %.2f", t, s[t].F1())
	}
	return out
}

// upperCased returns docs written in capitals, none when share is 0.
func upperCased(docs []ner.Document, share float64) []ner.Document {
	if share == 0 {
		return nil
	}
	out := make([]ner.Document, len(docs))
	for i, d := range docs {
		out[i] = make(ner.Document, len(d))
		for j, s := range d {
			words := make([]string, len(s.Words))
			for k, w := range s.Words {
				words[k] = strings.ToUpper(w)
			}
			out[i][j] = ner.Sentence{Words: words, Labels: s.Labels}
		}
	}
	return out
}
