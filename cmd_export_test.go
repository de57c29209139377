package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportRun runs margin with a private cache and author, and returns its
// exit code, stdout and stderr.
func exportRun(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errs)
	return code, out.String(), errs.String()
}

func exportTestArticle(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("MARGIN_AUTHOR", "ann")
	t.Setenv("MARGIN_ORG", "Example Facts")
	path := notesTestArticle(t)
	if code, _, errs := exportRun(t, "notes", "add", path, "--quote", "nearly 600 Ukrainian civilians have been killed",
		"--note", "Matches the UN count.", "--verdict", "true", "--source", "https://ohchr.example/ukraine"); code != 0 {
		t.Fatalf("notes add: %s", errs)
	}
	return path
}

func TestExportShowsClaimsAndReviewsThem(t *testing.T) {
	path := exportTestArticle(t)
	code, md, errs := exportRun(t, "export", path)
	if code != 0 {
		t.Fatalf("export: %d %s", code, errs)
	}
	for _, want := range []string{"- 1 note: 1 true.", "- Claim: attributed, statistical; check-worthiness", "- Said by: United Nations", "## Claims without a verdict"} {
		if !strings.Contains(md, want) {
			t.Errorf("worksheet lacks %q", want)
		}
	}
	code, js, errs := exportRun(t, "export", path, "--format", "claimreview", "--url", "https://facts.example/china")
	if code != 0 || errs != "" {
		t.Fatalf("export claimreview: %d %q", code, errs)
	}
	var reviews []map[string]any
	if err := json.Unmarshal([]byte(js), &reviews); err != nil || len(reviews) != 1 {
		t.Fatalf("want one ClaimReview, got %v (%v):\n%s", len(reviews), err, js)
	}
	author, _ := json.Marshal(reviews[0]["author"])
	if !strings.Contains(string(author), `"name":"ann"`) || !strings.Contains(string(author), `"Example Facts"`) {
		t.Errorf("fact-checker %s, want ann working for Example Facts", author)
	}
	if _, _, errs := exportRun(t, "export", path, "--format", "claimreview"); !strings.Contains(errs, "no --url") {
		t.Errorf("no warning without --url: %q", errs)
	}
}

func TestExportRefusesToWriteThroughALink(t *testing.T) {
	path := exportTestArticle(t)
	outside := filepath.Join(t.TempDir(), "elsewhere.md")
	if err := os.WriteFile(outside, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := path + ".notes.md"
	if err := os.Symlink(outside, out); err != nil {
		t.Skip("no symbolic links:", err)
	}
	code, _, errs := exportRun(t, "export", path, "-o", out)
	if code == 0 || !strings.Contains(errs, "symbolic link") || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
		t.Fatalf("exit %d, stderr %q: want one line refusing the link", code, errs)
	}
	if got, _ := os.ReadFile(outside); string(got) != "keep" {
		t.Fatalf("the link's target became %q", got)
	}
}

// TestTheWithheldWarningAgreesWithItsCount: "2 notes are left out: its
// passage now reads differently … save it again" was the warning for two.
func TestTheWithheldWarningAgreesWithItsCount(t *testing.T) {
	for _, c := range []struct {
		n         int
		want, not string
	}{
		{1, "1 note is left out: its passage now reads", "their"},
		{3, "3 notes are left out: their passages now read", "its passage"},
	} {
		got := withheldWarning(c.n)
		if !strings.HasPrefix(got, c.want) || strings.Contains(got, c.not) || strings.Contains(got, "them") != (c.n > 1) {
			t.Errorf("for %d notes the warning is %q, want it to start %q", c.n, got, c.want)
		}
	}
}
