package entity

import (
	"bytes"
	"testing"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// TestEmbeddedModelIsLaidOutAsNow reads the embedded model and lays its
// tables out anew, as training would: the bytes must be the embedded
// file's, so a change to the layout that a load views in place cannot
// leave the file behind (go run ./model/entity/train -relay mends it).
func TestEmbeddedModelIsLaidOutAsNow(t *testing.T) {
	m, err := ner.Read(modelFile)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.Relaid().WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), modelFile) {
		t.Errorf("the embedded model.bin (%d bytes) is not laid out as newModel lays it out now (%d bytes): run go run ./model/entity/train -relay", len(modelFile), b.Len())
	}
}
