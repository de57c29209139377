package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestHelpListsEverySubcommandOnOneLine(t *testing.T) {
	for _, call := range [][]string{{"--help"}, {"help"}, {"-h"}} {
		var out, errOut bytes.Buffer
		if code := run(call, nil, &out, &errOut); code != 0 {
			t.Fatalf("margin %v exits %d: %s", call, code, errOut.String())
		}
		for _, c := range subcommands() {
			if !strings.Contains(out.String(), "margin "+c.name+" ") || !strings.Contains(out.String(), c.summary) {
				t.Errorf("margin %v does not list %s with its summary:\n%s", call, c.name, out.String())
			}
		}
	}
}

func TestCommandHelpPrintsUsageAndFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"the reader names its flags", []string{"help", "read"}, []string{"usage: margin [FILE|URL|-]", "-notes-dir", "MARGIN_NOTES_DIR", "-width"}},
		{"a command with flags lists them", []string{"analyze", "--help"}, []string{"usage: margin analyze", "-json"}},
		{"help CMD is CMD --help", []string{"help", "export"}, []string{"usage: margin export", "-format"}},
		{"notes lists its subcommands", []string{"notes", "--help"}, []string{"margin notes add", "margin notes list", "margin notes rm"}},
		{"a notes subcommand lists its flags", []string{"notes", "add", "-h"}, []string{"usage: margin notes add", "-quote"}},
		{"flags are named as the usage line names them", []string{"help", "export"},
			[]string{"\n  --format FORMAT\n", "\n  -o FILE\n", "login name)\n", `(default "markdown")`}},
		{"a value's name is the usage line's", []string{"notes", "add", "--help"}, []string{"\n  --tag T\n", "\n  --occurrence N\n", "\n  --verdict V\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tt.args, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if strings.Contains(out.String(), ") (default") || strings.Contains(out.String(), "\n  -notes-dir") {
				t.Errorf("a flag says its default twice, or is named with one dash:\n%s", out.String())
			}
		})
	}
}

func TestHelpForAnUnknownCommandIsAUsageError(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"help", "frobnicate"}, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "frobnicate") {
		t.Errorf("exit %d, stderr %q; want 2 naming the command", code, errOut.String())
	}
}

func TestVersionPrintsTheModuleVersion(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"--version"}, nil, &out, &out); code != 0 || !strings.HasPrefix(out.String(), "margin ") || strings.TrimSpace(out.String()) == "margin" {
		t.Errorf("margin --version = %q (exit %d)", out.String(), code)
	}
}
