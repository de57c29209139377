package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
)

// dump writes, a line each, tab-separated, every CLEF sentence's held-out
// score (by the model trained without its transcript) and every PolNeAR
// dev sentence's (by the model trained on all), for analyses of what a
// sentence's context adds that the model does not see: the corpus, the
// transcript or article, the sentence's index in it, its speaker (CLEF;
// "-" for news), its label (the weak one for news), its log-odds and
// whether its speaker asks (1 for an asker's CLEF sentence; the log-odds
// hold the asker's weight, not the speaker's lean); a CLEF line then holds
// the log-odds of the model trained on ClaimBuster alone (without any
// CLEF sentence's text) and of the one trained on CLEF alone without the
// transcript, for measuring ensembles of the single-corpus models.
func dump(path string, set *dataset, p params, dev []newsArticle) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	b := bufio.NewWriter(f)
	logit := func(pr float64) float64 { return math.Log(pr / (1 - pr)) }
	onlyCB, onlyCLEF := p.only(claimBuster), p.only(clef)
	wCB, biasCB := set.train(onlyCB, set.heldOut(func(e *example) bool { return e.corpus == clef }))
	for d := range set.debates {
		out := set.heldOut(func(e *example) bool { return e.corpus == clef && e.group == d })
		w, bias := set.train(p, out)
		wCLEF, biasCLEF := set.train(onlyCLEF, out)
		i := 0
		for _, e := range set.examples {
			if e.corpus == clef && e.group == d {
				asks := 0
				if e.asks {
					asks = 1
				}
				fmt.Fprintf(b, "clef\t%s\t%d\t%s\t%g\t%.6f\t%d\t%.6f\t%.6f\n", set.debates[d], i, e.speaker, e.y, logit(score(w, bias, e.feats, e.dense)), asks,
					logit(score(wCB, biasCB, e.feats, e.dense)), logit(score(wCLEF, biasCLEF, e.feats, e.dense)))
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
			fmt.Fprintf(b, "news\t%d\t%d\t-\t%d\t%.6f\t0\n", a, i, y, logit(score(w, bias, feats, art.dense[i])))
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
