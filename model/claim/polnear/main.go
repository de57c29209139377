// Command polnear scores margin's attributed claims against the PolNeAR
// development split (../shared/data/attribution/dev): who says what, marked
// by people as source, cue and content spans over real election news.
//
//	go run ./model/claim/polnear -data ../shared/data/attribution
//
// Each article's .txt is analysed as margin analyses plain text, without
// cleanup so that the gold byte offsets hold: the title line is a heading
// and every other non-empty line a paragraph. The scoring rules are:
//
//   - Only gold attributions with a source are scored.
//   - Recall: a gold attribution is found when a margin claim with a source
//     overlaps its content or its cue. Where several do, the one over the
//     cue is taken, else the one overlapping most of the content.
//   - Source correct, over the found ones: the margin source and the gold
//     source, lower-cased, tokenised, without determiners and possessive
//     's, have token F1 >= 0.5, or the same head word (the last word before
//     a comma, "of", "who", "which", "that" or a bracket).
//   - Cue overlap, over the found ones: one of the claim's attributed cues
//     overlaps the gold cue.
//   - Content bytes, source right: of the content bytes of the gold
//     attributions with a source, those inside a margin claim whose source
//     is right by the rule above, so that the sentences of a quotation
//     away from its cue count too.
//   - Cue precision: of the attributed cues of margin's claims with a
//     source, those that overlap a gold cue (of any attribution).
//   - Per cue type: recall for gold cues among the 20 commonest lower-cased
//     one-word cues of the split ("common verbs"), and for all other cues.
//
// With -learn it instead writes model/claim/lexicon/learned.txt, the cue
// words counted over the train split (see learn):
//
//	go run ./model/claim/polnear -learn > model/claim/lexicon/learned.txt
//
// With -verbs it writes model/claim/lexicon/verbs.txt, the words the silver
// part-of-speech tags of the train split mostly call finite verbs:
//
//	go run ./model/claim/polnear -verbs > model/claim/lexicon/verbs.txt
//
// With -lywords it writes model/claim/lexicon/lynotadverbs.txt, the
// lower-case -ly words the silver tags of the train split mostly call
// something other than an adverb ("family", "rally", "likely"):
//
//	go run ./model/claim/polnear -lywords > model/claim/lexicon/lynotadverbs.txt
//
// With -participles it writes model/claim/lexicon/participles.txt, the
// irregular past participles the silver tags of the train split mostly
// call VBN ("understood", "held"):
//
//	go run ./model/claim/polnear -participles > model/claim/lexicon/participles.txt
//
// With -nouns it writes model/claim/lexicon/nouns.txt, the lower-case
// words the silver tags of the train split call common nouns (see
// nounWords), which are no reporting verbs:
//
//	go run ./model/claim/polnear -nouns > model/claim/lexicon/nouns.txt
//
// With -speakers it writes model/claim/lexicon/speakers.txt, the common
// nouns that head the train split's gold sources (see learnSpeakers):
//
//	go run ./model/claim/polnear -speakers > model/claim/lexicon/speakers.txt
//
// With -misses it also lists the gold attributions missed or misnamed and
// the claims with a source that meet no gold attribution, for reading on
// the development split only (and the attributed cues on no gold cue,
// OFF); with -cues it lists every attributed cue of a claim with a
// source, ON a gold cue or OFF, to count a guard's reach on train; with
// -errors it counts the errors by kind (see errorTable).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	data := flag.String("data", "../shared/data/attribution", "PolNeAR folder holding dev/")
	split := flag.String("split", "dev", "split to score: only dev is for tuning")
	misses := flag.Bool("misses", false, "list missed attributions and wrong sources")
	errors := flag.Bool("errors", false, "count the errors by kind")
	cues := flag.Bool("cues", false, "list every attributed cue of a claim with a source, ON or OFF a gold cue")
	learnCues := flag.Bool("learn", false, "write the cue lexicon learned from the train split instead")
	verbs := flag.Bool("verbs", false, "write the finite verbs learned from the train split's silver tags instead")
	lyWords := flag.Bool("lywords", false, "write the -ly words the train split's silver tags mostly call no adverb instead")
	participles := flag.Bool("participles", false, "write the irregular past participles learned from the train split's silver tags instead")
	nouns := flag.Bool("nouns", false, "write the words the train split's silver tags call common nouns instead")
	tagger := flag.Bool("tagger", false, "write the cue tagger trained on the train split instead")
	speakers := flag.Bool("speakers", false, "write the source head words learned from the train split instead")
	flag.Parse()
	var err error
	switch {
	case *speakers:
		var arts []article
		if arts, err = readSplit(*data, "train"); err == nil {
			err = learnSpeakers(os.Stdout, arts)
		}
	case *tagger:
		var arts []article
		if arts, err = readSplit(*data, "train"); err == nil {
			err = trainTagger(os.Stdout, arts)
		}
	case *verbs:
		err = learnVerbs(os.Stdout, filepath.Join(*data, "ner-silver", "polnear-train-corenlp.txt"))
	case *participles:
		err = learnParticiples(os.Stdout, filepath.Join(*data, "ner-silver", "polnear-train-corenlp.txt"))
	case *nouns:
		err = learnNouns(os.Stdout, filepath.Join(*data, "ner-silver", "polnear-train-corenlp.txt"))
	case *lyWords:
		err = learnLyWords(os.Stdout, filepath.Join(*data, "ner-silver", "polnear-train-corenlp.txt"))
	case *learnCues:
		err = runLearn(os.Stdout, *data)
	default:
		err = run(context.Background(), os.Stdout, *data, *split, *misses, *errors, *cues)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "polnear:", err)
		os.Exit(1)
	}
}

// runLearn writes the cue lexicon learned from data/train.
func runLearn(w io.Writer, data string) error {
	arts, err := readSplit(data, "train")
	if err != nil {
		return err
	}
	return learn(w, arts)
}

func run(ctx context.Context, w io.Writer, data, split string, misses, errors, cues bool) error {
	if split == "test" {
		return fmt.Errorf("the test split is held out; score dev")
	}
	arts, err := readSplit(data, split)
	if err != nil {
		return err
	}
	sc, err := score(ctx, arts, misses, errors, cues)
	if err != nil {
		return err
	}
	sc.write(w)
	return nil
}
