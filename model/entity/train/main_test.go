package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

// tinyCoNLL reads two invented sentences in the CoNLL-2003 format; the
// corpus itself is never copied into the repository.
func tinyCoNLL(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../internal/ner/testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestRunWritesAModelThatReadsBack(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"conll2003-train.txt", "conll2003-dev.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(tinyCoNLL(t)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "model.bin")
	var log bytes.Buffer
	if err := run([]string{"-data", dir, "-out", out, "-epochs", "3", "-silver", ""}, &log); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "epoch  3") || !strings.Contains(log.String(), "wrote "+out) {
		t.Errorf("log lacks the last epoch or the file written:\n%s", log.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ner.Read(b); err != nil {
		t.Fatal(err)
	}
}

func TestRunIsReproducible(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"conll2003-train.txt", "conll2003-dev.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(tinyCoNLL(t)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var files [2][]byte
	for i := range files {
		out := filepath.Join(dir, "model.bin")
		if err := run([]string{"-data", dir, "-out", out, "-epochs", "2", "-silver", filepath.Join(dir, "conll2003-dev.txt"), "-silver-share", "0.5"}, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = b
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Error("two runs with the same gold and silver data wrote different models")
	}
}

func TestRunReportsMissingData(t *testing.T) {
	err := run([]string{"-data", t.TempDir(), "-out", filepath.Join(t.TempDir(), "m.bin")}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "conll2003-train.txt") {
		t.Errorf("got %v, want an error naming the missing file", err)
	}
}

func TestRelayRewritesAModelAsItWas(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"conll2003-train.txt", "conll2003-dev.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(tinyCoNLL(t)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "model.bin")
	if err := run([]string{"-data", dir, "-out", out, "-epochs", "2", "-silver", ""}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	trained, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"-relay", "-out", out}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	relaid, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(trained, relaid) {
		t.Error("laying out a freshly trained model anew changed its bytes")
	}
}

func TestUpperCasedWritesTheWordsInCapitalsAndKeepsTheLabels(t *testing.T) {
	docs := []ner.Document{{{Words: []string{"Tessa", "visited", "Kellow", "."}, Labels: []string{"B-PER", "O", "B-LOC", "O"}}}}
	if got := upperCased(docs, 0); got != nil {
		t.Errorf("upperCased(docs, 0) = %v, want none", got)
	}
	got := upperCased(docs, 0.1)
	want := ner.Sentence{Words: []string{"TESSA", "VISITED", "KELLOW", "."}, Labels: docs[0][0].Labels}
	if len(got) != 1 || len(got[0]) != 1 || strings.Join(got[0][0].Words, " ") != strings.Join(want.Words, " ") ||
		strings.Join(got[0][0].Labels, " ") != strings.Join(want.Labels, " ") {
		t.Errorf("upperCased = %v, want [[%v]]", got, want)
	}
	if docs[0][0].Words[0] != "Tessa" {
		t.Error("upperCased changed the documents it was given")
	}
}
