package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCorpus lays out invented articles and a CoNLL file as the command
// reads them.
func writeCorpus(t *testing.T) (news, conll string) {
	t.Helper()
	news = t.TempDir()
	for _, split := range []string{"train", "dev"} {
		dir := filepath.Join(news, split)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		text := strings.Repeat("Ferries left Dover on Monday.\n\nThe mayor of Leeds spoke on Friday.\n", 3)
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conll = filepath.Join(t.TempDir(), "train.txt")
	data := "-DOCSTART- -X- -X- O\n\nRipon NNP B-NP B-LOC\nvoted VBD B-VP O\non IN B-PP O\nSunday NNP B-NP O\n. . O O\n"
	if err := os.WriteFile(conll, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return news, conll
}

func TestRunWritesTheSameTableTwice(t *testing.T) {
	news, conll := writeCorpus(t)
	var tables [2][2][]byte
	for i := range tables {
		dir := t.TempDir()
		out, casing := filepath.Join(dir, "clusters.bin"), filepath.Join(dir, "casing.bin")
		var log bytes.Buffer
		if err := run([]string{"-news", news, "-conll", conll, "-out", out, "-casing", casing, "-min-count", "2", "-contexts", "10", "-debates", ""}, &log); err != nil {
			t.Fatal(err)
		}
		for j, path := range []string{out, casing} {
			if !strings.Contains(log.String(), "wrote "+path) {
				t.Errorf("log does not name %s: %s", path, log.String())
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tables[i][j] = b
		}
	}
	for j, name := range []string{"clusters", "casing"} {
		if len(tables[0][j]) == 0 || !bytes.Equal(tables[0][j], tables[1][j]) {
			t.Errorf("two runs over the same text wrote different (or empty) %s tables", name)
		}
	}
}

func TestRunReportsMissingTexts(t *testing.T) {
	err := run([]string{"-news", t.TempDir(), "-out", filepath.Join(t.TempDir(), "c.bin")}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "no article texts") {
		t.Errorf("got %v, want an error about the missing texts", err)
	}
}

// writeDebates lays out invented ClaimBuster and CLEF files as the command
// reads them.
func writeDebates(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	claims := `[{"sentence_id": 1, "label": 1, "text": "Taxes in Kellow rose by half."}]`
	if err := os.WriteFile(filepath.Join(dir, "claimbuster-train.json"), []byte(claims), 0o644); err != nil {
		t.Fatal(err)
	}
	clef := filepath.Join(dir, "clef2019-training")
	if err := os.MkdirAll(clef, 0o755); err != nil {
		t.Fatal(err)
	}
	tsv := "1\tMODERATOR\tWelcome to Dunmarrow.\t0\n2\tAVERY\tThank you.\t0\n"
	if err := os.WriteFile(filepath.Join(clef, "a.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestReadDebatesTakesTheTextOfEachSentence(t *testing.T) {
	got, err := readDebates(writeDebates(t))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, words := range got {
		lines = append(lines, strings.Join(words, " "))
	}
	want := []string{"Taxes in Kellow rose by half .", "Welcome to Dunmarrow .", "Thank you ."}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", lines, want)
	}
}

func TestRunLearnsTheCasingFromDebatesOnlyWhenAsked(t *testing.T) {
	news, conll := writeCorpus(t)
	debates := writeDebates(t)
	casing := func(extra ...string) []byte {
		dir := t.TempDir()
		path := filepath.Join(dir, "casing.bin")
		args := append([]string{"-news", news, "-conll", conll, "-out", filepath.Join(dir, "c.bin"), "-casing", path, "-min-count", "1", "-casing-min-count", "1", "-contexts", "10", "-debates", debates}, extra...)
		if err := run(args, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if bytes.Equal(casing(), casing("-debates-casing")) {
		t.Error("the casing table is the same with and without the debates' casing")
	}
}

func TestReadDebatesReportsMissingTranscripts(t *testing.T) {
	dir := writeDebates(t)
	if err := os.RemoveAll(filepath.Join(dir, "clef2019-training")); err != nil {
		t.Fatal(err)
	}
	if _, err := readDebates(dir); err == nil || !strings.Contains(err.Error(), "no CLEF transcripts") {
		t.Errorf("got %v, want an error about the missing transcripts", err)
	}
}

// writeWordNet lays out invented synset lines in WordNet's data file
// format (offset, lexicographer file, type, word count, words, pointers,
// then "| " and the gloss), after licence lines indented by two spaces.
func writeWordNet(t *testing.T, noun string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"noun": noun,
		"verb": "02000001 29 v 01 wander 0 000 | walk without aim; \"they wandered around Pelmar\"  \n",
		"adj":  "00100001 00 a 01 damp 0 000 | slightly wet  \n",
		"adv":  "00200001 02 r 01 soon 0 000 | in a short time  \n",
	}
	for pos, text := range files {
		text = "  1 This database is provided under a licence.  \n" + text
		if err := os.WriteFile(filepath.Join(dir, "data."+pos), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadGlosses(t *testing.T) {
	cases := []struct {
		name, noun string
		want       []string
		err        string
	}{
		{"takes each definition and each quoted example as a sentence",
			"09000001 15 n 01 Kessop 0 001 @ 08000001 n 0000 | a port town of Orlen; \"ferries leave Kessop daily\"  \n",
			[]string{"a port town of Orlen", "ferries leave Kessop daily", "walk without aim", "they wandered around Pelmar", "slightly wet", "in a short time"}, ""},
		{"reports a data file without glosses", "09000001 15 n 01 Kessop 0 000\n", nil, "no glosses"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := readGlosses(writeWordNet(t, c.noun))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Errorf("got %v, want an error saying %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, words := range got {
				lines = append(lines, strings.Join(words, " "))
			}
			if strings.Join(lines, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", lines, c.want)
			}
		})
	}
}

func TestJSONTexts(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string
	}{
		{"takes the text values in document order",
			`{"Intro": {"Background": {"text": "Orlen joined the league in 1990."}}, "Capital": {"name": {"text": "Kessop"}}}`,
			[]string{"Orlen joined the league in 1990.", "Kessop"}},
		{"reads texts inside arrays", `{"notes": [{"text": "a"}, {"text": "b"}]}`, []string{"a", "b"}},
		{"does not take a value that reads text for a key", `{"kind": "text", "other": "no"}`, nil},
		{"leaves out a text key whose value is no string", `{"text": {"text": "inner"}, "x": {"text": 3}}`, []string{"inner"}},
		{"reads an empty key as a key", `{"": "text", "text": "a", "b": "text"}`, []string{"a"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := jsonTexts([]byte(c.doc), nil)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestReadFactbookReportsABrokenProfile(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "europe"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "europe", "zz.json"), []byte(`{"text": "cut`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readFactbook(dir); err == nil || !strings.Contains(err.Error(), "zz.json") {
		t.Errorf("got %v, want an error naming the broken file", err)
	}
	if _, err := readFactbook(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no country profiles") {
		t.Errorf("got %v, want an error about the missing profiles", err)
	}
}
