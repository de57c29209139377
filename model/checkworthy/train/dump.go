package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

// dump writes, a line each, tab-separated, every CLEF sentence's held-out
// score (by the model trained without its transcript) and every PolNeAR
// dev sentence's (by the model trained on all), for analyses of what a
// sentence's context adds that the model does not see. Every line has the
// 9 columns the README lists: the corpus, the transcript or article, the
// sentence's index in it, its speaker, its label (the weak one for news),
// its log-odds, whether its speaker asks (1 for an asker's CLEF sentence;
// the log-odds hold the asker's weight, not the speaker's lean), and the
// log-odds of the model trained on ClaimBuster alone (without any CLEF
// sentence's text) and of the one trained on CLEF alone without the
// transcript, for measuring ensembles of the single-corpus models. A
// value a line's corpus does not have (news has no speakers, and no
// single-corpus models are trained for it) is NA, so that the file reads
// as one table.
func dump(path string, set *dataset, p params, dev []newsArticle) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	b := bufio.NewWriter(f)
	onlyCB, onlyCLEF := p.only(claimBuster), p.only(clef)
	wCB, biasCB := set.train(onlyCB, set.heldOut(func(e *example) bool { return e.corpus == clef }))
	for d := range set.debates {
		out := set.heldOut(func(e *example) bool { return e.corpus == clef && e.group == d })
		w, bias := set.train(p, out)
		wCLEF, biasCLEF := set.train(onlyCLEF, out)
		i := 0
		for _, e := range set.examples {
			if e.corpus == clef && e.group == d {
				asks := "0"
				if e.asks {
					asks = "1"
				}
				dumpLine(b, [dumpColumns]string{"clef", set.debates[d], strconv.Itoa(i), orNA(e.speaker),
					strconv.FormatFloat(e.y, 'g', -1, 64), logOdds(score(w, bias, e.feats, e.dense)), asks,
					logOdds(score(wCB, biasCB, e.feats, e.dense)), logOdds(score(wCLEF, biasCLEF, e.feats, e.dense))})
				i++
			}
		}
	}
	w, bias := set.train(p, func(*example) bool { return true })
	for a, art := range dev {
		for i, feats := range art.feats {
			y := 0
			if art.weak[i] {
				y = 1
			}
			dumpLine(b, [dumpColumns]string{"news", strconv.Itoa(a), strconv.Itoa(i), na,
				strconv.Itoa(y), logOdds(score(w, bias, feats, art.dense[i])), na, na, na})
		}
	}
	if err := b.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("dump %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("dump %s: %w", path, err)
	}
	return nil
}

// dumpColumns is how many columns each line of the dump has.
const dumpColumns = 9

// na is a column's value where a line's corpus has none.
const na = "NA"

// dumpLine writes one line of the dump: its columns, tab-separated.
func dumpLine(b *bufio.Writer, cols [dumpColumns]string) {
	b.WriteString(strings.Join(cols[:], "\t"))
	b.WriteByte('\n')
}

// orNA is s, or NA if it is empty.
func orNA(s string) string {
	if s == "" {
		return na
	}
	return s
}

// logOdds writes the log-odds of probability pr, to 6 decimals.
func logOdds(pr float64) string {
	return strconv.FormatFloat(math.Log(pr/(1-pr)), 'f', 6, 64)
}
