package polnear

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, base, text, js string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, base+".txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, base+".json"), []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadSplitReadsTextsAndAttributionsInNameOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b", "Nobody said a thing.", `{"attributions":[]}`)
	write(t, dir, "a", "The mayor said rates would rise.",
		`{"attributions":[{"id":"a1","source":{"start":0,"end":9,"text":"The mayor"},"cue":[{"start":10,"end":14,"text":"said"}],"content":[{"start":15,"end":31,"text":"rates would rise"}]}]}`)
	arts, err := ReadSplit(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].Name != "a" || arts[1].Name != "b" {
		t.Fatalf("got %d articles %+v", len(arts), arts)
	}
	at := arts[0].Attributions[0]
	if got := at.Source.Span().In(arts[0].Text); got != "The mayor" {
		t.Errorf("source reads %q", got)
	}
	if got := at.Content[0].Span().In(arts[0].Text); got != "rates would rise" {
		t.Errorf("content reads %q", got)
	}
}

func TestReadSplitSaysWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadSplit(dir); err == nil || !strings.Contains(err.Error(), "no articles") {
		t.Errorf("an empty folder gave %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.json"), []byte(`{"attributions":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadSplit(dir); err == nil || !strings.Contains(err.Error(), "read text") {
		t.Errorf("a missing text gave %v", err)
	}
	write(t, dir, "x", "text", `{not json`)
	if _, err := ReadSplit(dir); err == nil || !strings.Contains(err.Error(), "parse") {
		t.Errorf("broken JSON gave %v", err)
	}
}
