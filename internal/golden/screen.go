package golden

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Shape fails t unless view is exactly h lines of exactly w columns each,
// the promise every screen component makes to its parent.
func Shape(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Errorf("line %d is %d columns, want %d", i+1, lw, w)
		}
	}
}

// Screen checks view's shape (Shape) and compares it, without its
// styling, with the golden file at path (Check).
func Screen(t testing.TB, path, view string, w, h int) {
	t.Helper()
	Shape(t, view, w, h)
	Check(t, path, ansi.Strip(view))
}
