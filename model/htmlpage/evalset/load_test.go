package evalset

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadReadsTheNewsPagesAndLoadAllEveryPage(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"eval", "cache"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	news := `<html lang="en"><head><meta property="og:type" content="article"></head><body><p>Caf` + "\xe9" + ` owners met.</p></body></html>`
	other := `<html lang="de"><body><p>Ein Rezept.</p></body></html>`
	files := map[string]string{
		"eval/news.html":   news,
		"cache/other.html": other,
		"evaldata.json":    `{"https://a.example/news": {"file": "news.html", "with": ["Café owners"], "without": []}, "https://b.example/other": {"file": "other.html", "with": ["Rezept"], "without": []}}`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || pages[0].File != "news.html" {
		t.Fatalf("Load read %d pages: %+v", len(pages), pages)
	}
	if c := Score(pages[0], string(pages[0].HTML)); c.TP != 1 {
		t.Errorf("a Windows-1252 page is not read as margin opens it: %q", pages[0].HTML)
	}
	all, err := LoadAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[1].File != "other.html" {
		t.Errorf("LoadAll read %d pages: %+v", len(all), all)
	}
}
