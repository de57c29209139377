package entity

import (
	"errors"
	"io/fs"
	"os"
	"testing"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// devPath is CoNLL-2003's development split, from the package folder.
const devPath = "../../../shared/data/ner/conll2003-dev.txt"

// minDevF1 is the bar for micro F1 over PER, ORG and LOC with exact spans
// (the model reaches about 92).
const minDevF1 = 88

func TestDevelopmentF1(t *testing.T) {
	f, err := os.Open(devPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no development data at %s", devPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ner.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	tg := loadTagger(t)
	scores := ner.Evaluate(tg.model, tg.gaz, docs)
	var micro ner.Score
	for _, typ := range []string{"PER", "ORG", "LOC", "MISC"} {
		s := scores[typ]
		t.Logf("%-4s P %5.2f  R %5.2f  F1 %5.2f  (%d gold)", typ, s.P(), s.R(), s.F1(), s.Gold)
		if typ != "MISC" {
			micro.Gold += s.Gold
			micro.Pred += s.Pred
			micro.Correct += s.Correct
		}
	}
	t.Logf("micro PER+ORG+LOC  P %5.2f  R %5.2f  F1 %5.2f", micro.P(), micro.R(), micro.F1())
	if micro.F1() < minDevF1 {
		t.Errorf("micro F1 %.2f is below %d", micro.F1(), minDevF1)
	}
}
