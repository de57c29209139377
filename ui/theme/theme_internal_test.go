package theme

import (
	"testing"

	"github.com/margin-reader/margin/model/vocab"
)

func TestEveryVocabularyTermHasAStyleInEveryMode(t *testing.T) {
	for _, mode := range []Mode{Dark, Light, NoColor} {
		th := New(mode)
		t.Run(mode.String(), func(t *testing.T) {
			for _, l := range vocab.EntityLabels() {
				if _, ok := th.entities[l.Value]; !ok {
					t.Errorf("entity label %q has no style", l.Value)
				}
			}
			for _, k := range vocab.ClaimKinds() {
				if _, ok := th.claims[k.Value]; !ok {
					t.Errorf("claim kind %q has no style", k.Value)
				}
			}
			for _, v := range vocab.Verdicts() {
				if _, ok := th.verdicts[v.Value]; !ok {
					t.Errorf("verdict %q has no style", v.Value)
				}
			}
		})
	}
}
