package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model/entity/internal/ner"
)

func TestCleanNameDropsBracketsAndEdges(t *testing.T) {
	for in, want := range map[string]string{
		"Université de Kellow (UDK)":           "Université de Kellow",
		"Avery Labour Party [Tomas KERROW]":    "Avery Labour Party",
		" Dunmarrow Rally (a coalition [x]). ": "Dunmarrow Rally",
		"Kellow  College\t":                    "Kellow College",
		"Unbalanced) Party":                    "Unbalanced Party",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// writeFile writes an invented source file under dir, making its folders.
func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadInstitutionsReadsEachSource(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "unis.csv", "ZZ,University of Kellow,http://kellow.zz/\n"+
		"ZZ,\"Dunmarrow Institute, North\",http://dun.zz/\nZZ,Avery Polytechnic (AP),http://ap.zz/\n")
	writeFile(t, dir, "domains/zz/kellow.txt", "University of Kellow\nKellow Business School")
	writeFile(t, dir, "domains/zz/avery/cs.txt", "Avery College\n")
	writeFile(t, dir, "domains/zz/notes.md", "Not A School\n")
	writeFile(t, dir, "factbook/region/zz.json", `{"Government": {"Political parties and leaders": {"text":
		"Avery Labour Party or ALP [Tomas KERROW] ++ Green Rally (formerly Kellow Greens) or GR [collective leadership] ++ none"}}}`)
	writeFile(t, dir, "factbook/region/yy.json", `{"Government": {}}`)
	got, err := readInstitutions(hintSources{
		universities: filepath.Join(dir, "unis.csv"),
		schools:      filepath.Join(dir, "domains"),
		parties:      filepath.Join(dir, "factbook"),
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ALP", "Avery College", "Avery Labour Party", "Avery Polytechnic", "Dunmarrow Institute, North",
		"GR", "Green Rally", "Kellow Business School", "University of Kellow"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q,\nwant %q", got, want)
	}
}

func TestReadInstitutionsReportsMissingSources(t *testing.T) {
	dir := t.TempDir()
	for _, src := range []hintSources{
		{universities: filepath.Join(dir, "none.csv")},
		{schools: dir},
		{parties: dir},
	} {
		if _, err := readInstitutions(src); err == nil {
			t.Errorf("%+v: no error for a source with nothing to read", src)
		}
	}
	writeFile(t, dir, "f/r/zz.json", "{not json")
	if _, err := readInstitutions(hintSources{parties: filepath.Join(dir, "f")}); err == nil {
		t.Error("no error for a country profile that is no JSON")
	}
}

func TestRunWritesInstitutionsAsHints(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	writeFile(t, dir, "unis.csv", "ZZ,University of Kellow,http://kellow.zz/\n")
	var log bytes.Buffer
	if err := run([]string{"-universities", filepath.Join(dir, "unis.csv"), "-out", out}, &log); err != nil {
		t.Fatal(err)
	}
	if want := "0 companies, 1 institutions"; !strings.Contains(log.String(), want) {
		t.Errorf("run said %q, want it to say %q", log.String(), want)
	}
	b, err := os.ReadFile(filepath.Join(out, "hints.bin"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := ner.ReadPhraseSet(string(b))
	if err != nil {
		t.Fatal(err)
	}
	h := uint64(0)
	for _, w := range []string{"University", "of", "Kellow"} {
		h = ner.PhraseHash(h, ner.ExactHash(w))
	}
	if set.Mask(h) != 1<<ner.HintInstitution {
		t.Errorf("mask of the university %08b, want only the institutions' bit", set.Mask(h))
	}
}
