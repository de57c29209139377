package claim

import (
	"bytes"
	"testing"
)

func TestCueModelRoundTrip(t *testing.T) {
	w := make([]float32, 1<<cueBits)
	w[0], w[7], w[len(w)-1] = 3.5, -1.25, 0.5
	m, err := decodeCueModel(encodeCueModel(w))
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 7, len(w) - 1, 3} {
		if got := float32(m.w[i]) * m.scale; got < w[i]-0.001 || got > w[i]+0.001 {
			t.Errorf("weight %d: got %v, want %v", i, got, w[i])
		}
	}
}

func TestDecodeCueModelRejectsATruncatedFile(t *testing.T) {
	if _, err := decodeCueModel(make([]byte, 10)); err == nil {
		t.Error("a 10-byte model decoded without error")
	}
}

// TestTrainCueModelLearnsAndRepeats trains on a few made-up sentences: the
// tagger must tag a cue word in a new sentence, not a plain word, and give
// the same weights twice.
func TestTrainCueModelLearnsAndRepeats(t *testing.T) {
	var exs []CueExample
	for _, s := range []string{"Officials said the road was shut.", "The mayor said rents would rise.", "Farmers said the harvest failed.", "The road was shut in May.", "Rents rose in the city."} {
		ex := CueExample{Text: s}
		if i := bytes.Index([]byte(s), []byte("said")); i >= 0 {
			ex.Cues = [][2]int{{i, i + 4}}
		}
		exs = append(exs, ex)
	}
	a, err := TrainCueModel(exs, 3)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := TrainCueModel(exs, 3)
	if !bytes.Equal(a, b) {
		t.Error("two trainings on the same data differ")
	}
	m, err := decodeCueModel(a)
	if err != nil {
		t.Fatal(err)
	}
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	text := "Teachers said the school was shut."
	toks := tokenize(nil, text, spanAll(text))
	for i, want := range []bool{false, true, false} {
		var fs [numCueFeatures]uint32
		cueFeatures(&fs, text, toks, i, lx.ratio(toks[i].h))
		if got := m.score(&fs) > 0; got != want {
			t.Errorf("token %q tagged %v, want %v", word(text, toks[i]), got, want)
		}
	}
}
