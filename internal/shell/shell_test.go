package shell

import (
	"os/exec"
	"testing"
)

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/home/u/.local/share/margin/notes", "/home/u/.local/share/margin/notes"},
		{"/Users/u/Library/Application Support/margin/notes", "'/Users/u/Library/Application Support/margin/notes'"},
		{"/tmp/o'brien/notes", `'/tmp/o'\''brien/notes'`},
		{"/tmp/ünï/notes", "'/tmp/ünï/notes'"},
		{"/tmp/$HOME/`x`/*", "'/tmp/$HOME/`x`/*'"},
		{"~/notes", "'~/notes'"},
		{"", "''"},
	} {
		if got := Quote(c.in); got != c.want {
			t.Errorf("Quote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestQuoteIsOneWordToASh checks the quoting against a real shell: each
// word comes back from printf as it went in, byte for byte.
func TestQuoteIsOneWordToASh(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	for _, s := range []string{"a b", "it's", "''", `back\slash`, "$(echo no)", "tab\there", "new\nline", "ünï code", "-n", "*"} {
		out, err := exec.Command(sh, "-c", "printf %s "+Quote(s)).Output()
		if err != nil {
			t.Fatalf("sh -c printf %%s %s: %v", Quote(s), err)
		}
		if string(out) != s {
			t.Errorf("sh read %s as %q, want %q", Quote(s), out, s)
		}
	}
}
