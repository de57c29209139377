package checkworthy_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/margin-reader/margin/model/checkworthy/internal/newsproxy"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/sentence"
)

// newsDev is PolNeAR's dev split, which the embedded model never trained
// on (./train reads ClaimBuster, CLEF and PolNeAR's train split).
const newsDev = "../../../shared/data/attribution/dev"

// minNewsAUC is the bar for the embedded model on news: the trainer
// measured 0.714 for it, the model before it 0.698, chance is 0.5.
const minNewsAUC = 0.65

// TestEmbeddedModelOnUnseenNews scores every sentence of the PolNeAR dev
// articles through the analyser's own path (entities, claims, then
// check-worthiness) and reports the AUC against the weak label: attributed
// content with something checkable in it.
func TestEmbeddedModelOnUnseenNews(t *testing.T) {
	if _, err := os.Stat(newsDev); err != nil {
		t.Skip("no ../shared/data/attribution/dev beside the repository")
	}
	if testing.Short() {
		t.Skip("reads 84 articles")
	}
	tagger, err := entity.Load()
	if err != nil {
		t.Fatal(err)
	}
	det, err := claim.NewDetector()
	if err != nil {
		t.Fatal(err)
	}
	files, err := newsproxy.Files(filepath.Clean(newsDev))
	if err != nil {
		t.Fatal(err)
	}
	split := sentence.New()
	var scores []float64
	var weak []bool
	for _, path := range files {
		art, err := newsproxy.Read(path, split)
		if err != nil {
			t.Fatal(err)
		}
		ents := tagger.Tag(art.Text, art.Sentences)
		scores = append(scores, det.Analyze(art.Text, art.Sentences, ents).Checkworthiness...)
		weak = append(weak, art.Weak(ents)...)
	}
	auc := newsproxy.AUC(scores, weak)
	t.Logf("PolNeAR dev: %d articles, %d sentences, AUC %.3f (bar %.2f)", len(files), len(scores), auc, minNewsAUC)
	if auc < minNewsAUC {
		t.Errorf("AUC %.3f on unseen news, below %.2f", auc, minNewsAUC)
	}
}
