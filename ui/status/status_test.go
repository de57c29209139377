package status

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/ui/theme"
)

func TestGoldenStatusBar(t *testing.T) {
	cases := []struct {
		name    string
		message string
		isError bool
	}{
		{"title", "", false},
		{"message", "note saved to /home/ana/news/harbour.txt.notes.jsonl", false},
		{"error", "note not saved: permission denied", true},
	}
	var b strings.Builder
	for _, w := range []int{40, 80, 200} {
		for _, c := range cases {
			m := New(theme.New(theme.NoColor))
			m.SetWidth(w)
			m.SetTitle("Harbour board promises new tide gauges before the storms")
			m.SetInfo("2/5", "37%")
			m.SetHint("? help")
			if c.isError {
				m.SetError(c.message)
			} else if c.message != "" {
				m.SetMessage(c.message)
			}
			got := ansi.Strip(m.View())
			if ansi.StringWidth(got) != w || strings.Contains(got, "\n") {
				t.Errorf("%s at %d: the bar is %d columns or more than a line: %q", c.name, w, ansi.StringWidth(got), got)
			}
			fmt.Fprintf(&b, "%s at %d:\n%s\n", c.name, w, got)
		}
	}
	golden.Check(t, filepath.Join("testdata", "bar.golden"), b.String())
}
