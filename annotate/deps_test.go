package annotate_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestAnnotateLinksNoLoaderOrAnalyser keeps the notes packages light: they
// read an article, they never parse or analyse one, so neither the
// markdown and HTML parsers nor the entity model may be among their
// dependencies.
func TestAnnotateLinksNoLoaderOrAnalyser(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "github.com/margin-reader/margin/annotate/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{
		"github.com/yuin/goldmark",
		"codeberg.org/readeck/go-readability",
		"github.com/margin-reader/margin/model/entity",
		"github.com/margin-reader/margin/model/claim",
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "github.com/margin-reader/margin/model" {
			t.Errorf("annotate depends on the root model package")
		}
		for _, f := range forbidden {
			if strings.HasPrefix(pkg, f) {
				t.Errorf("annotate depends on %s", pkg)
			}
		}
	}
}
