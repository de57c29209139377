package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/margin-reader/margin/model"
)

func TestAnalyzePrintsOneJSONObjectPerFileInOrder(t *testing.T) {
	dir := t.TempDir()
	second := filepath.Join(dir, "second.txt")
	if err := os.WriteFile(second, []byte("Officials said on Monday that 40 people were hurt.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	files := []string{"samples/china-us-claims.txt", second}
	if code := run(append([]string{"analyze", "--json"}, files...), nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	var i int
	for ; sc.Scan(); i++ {
		var r model.Report
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if r.File != files[i] {
			t.Errorf("line %d is %s, want %s", i+1, r.File, files[i])
		}
		for _, e := range r.Entities {
			if e.Span.In(r.Text) != e.Text {
				t.Errorf("%s: entity %v says %q but covers %q", r.File, e.Span, e.Text, e.Span.In(r.Text))
			}
		}
		checkEntitiesIndex(t, r)
		for _, c := range r.Claims {
			if c.Span.In(r.Text) != c.Text || len(c.Kinds) == 0 {
				t.Errorf("%s: claim %v is %q with kinds %v", r.File, c.Span, c.Text, c.Kinds)
			}
		}
	}
	if i != len(files) {
		t.Fatalf("%d lines for %d files", i, len(files))
	}
}

// checkEntitiesIndex fails unless every mention's id is in the index with
// the mention's label, the index counts each thing's mentions, and no two
// things share a label and a name but for case.
func checkEntitiesIndex(t *testing.T, r model.Report) {
	t.Helper()
	count := map[int]int{}
	label := map[int]string{}
	seen := map[string]bool{}
	for _, th := range r.EntitiesIndex {
		label[th.ID] = th.Label
		key := th.Label + " " + strings.ToLower(th.Name)
		if seen[key] {
			t.Errorf("%s: %s %q is listed twice", r.File, th.Label, th.Name)
		}
		seen[key] = true
	}
	for _, e := range r.Entities {
		if l, ok := label[e.ID]; !ok || l != e.Label {
			t.Errorf("%s: mention %q has id %d, which the index lists as %q", r.File, e.Text, e.ID, l)
		}
		count[e.ID]++
	}
	for _, th := range r.EntitiesIndex {
		if count[th.ID] != th.Mentions {
			t.Errorf("%s: %q counts %d mentions, the entities carry its id %d times", r.File, th.Name, th.Mentions, count[th.ID])
		}
	}
}

func TestAnalyzeListsTheSampleSpeakerOnce(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"analyze", "--json", "samples/china-us-claims.txt"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var r model.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, th := range r.EntitiesIndex {
		if strings.Contains(th.Name, "Slutsky") {
			got = append(got, fmt.Sprintf("%s/%s x%d", th.Name, th.Label, th.Mentions))
		}
	}
	if strings.Join(got, "; ") != "Leonid Slutsky/PERSON x2" {
		t.Errorf("got %q, want Leonid Slutsky once with 2 mentions", got)
	}
}

func TestAnalyzeErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"asks for a file", []string{"analyze", "--json"}, 2, "usage"},
		{"names a missing file", []string{"analyze", "missing.txt"}, 1, "missing.txt"},
		{"rejects an unknown flag", []string{"analyze", "--jsn", "x"}, 2, "jsn"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, nil, &out, &errOut)
		msg := errOut.String()
		if code != tt.code || !strings.Contains(msg, tt.want) || strings.Count(msg, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and one line with %q", tt.name, code, msg, tt.code, tt.want)
		}
	}
}

func TestAnalyzeSummaryClipsLongClaims(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.txt")
	long := "Officials said that " + strings.Repeat("the wall will be finished by spring and ", 50) + "then."
	if err := os.WriteFile(path, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"analyze", path}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if n := len([]rune(line)); n > 340 {
			t.Errorf("summary line of %d characters: %.80q…", n, line)
		}
	}
	if !strings.Contains(out.String(), "…") {
		t.Error("the long claim was not clipped")
	}
}

// TestAnalyzeSummaryReadsAsWritten: the report for a person has the
// space before a claim's source ("] — the council:") and says "none"
// for a text without entities, not "entities: ;".
func TestAnalyzeSummaryReadsAsWritten(t *testing.T) {
	dir := t.TempDir()
	said, empty := filepath.Join(dir, "said.txt"), filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(said, []byte("The harbour wall will be finished by spring, the council said on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"analyze", said, empty}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"] — the council: The harbour wall", "0 sentences; entities: none; 0 claims"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

// TestAnalyzeSummaryNamesWhoAPronounIs: a claim whose source is "he"
// names the speaker he stands for, and the outlet a claim came through,
// as the reader's explain box does; the summary said "— he" alone.
func TestAnalyzeSummaryNamesWhoAPronounIs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "said.txt")
	text := "The mayor, Ana Reyes, visited the harbour on Monday. She said that the wall would be finished by spring.\n\n" +
		"According to the Porthaven Gazette, the council leader denied that the cost had doubled.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"analyze", path}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{"— She = Ana Reyes: She said", "— the council leader via the Porthaven Gazette: According to"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

// TestAnalyzeGoesOnPastAFileItCannotRead analyses two articles with a
// missing file between them: both are analysed, the missing one is named
// on stderr with a count at the end, and the exit is 1; the batch
// stopped at the missing file.
func TestAnalyzeGoesOnPastAFileItCannotRead(t *testing.T) {
	dir := t.TempDir()
	first, last := filepath.Join(dir, "first.txt"), filepath.Join(dir, "last.txt")
	for _, p := range []string{first, last} {
		if err := os.WriteFile(p, []byte("The harbour wall will be finished by spring, the council said on Tuesday.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	code := run([]string{"analyze", "--json", first, filepath.Join(dir, "missing.txt"), last}, nil, &out, &errOut)
	if n := strings.Count(out.String(), "\n"); code != 1 || n != 2 {
		t.Errorf("exit %d with %d reports, want 1 and both readable files analysed", code, n)
	}
	lines := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "missing.txt") || !strings.Contains(lines[1], "1 of 3 files not analysed") {
		t.Errorf("stderr %q, want the missing file named, then the count", errOut.String())
	}
}
