package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/margin-reader/margin/internal/paths"
)

// parseFlags parses args with fs, letting flags and positional arguments
// come in any order ("margin analyze FILE --json" as well as the reverse),
// and returns the positional ones. Everything after a lone "--" is
// positional. usage is the command's usage line, shown for -h.
func parseFlags(fs *flag.FlagSet, usage string, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var rest []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, helpFor(fs, usage)
			}
			return nil, commandError(fs, flagMessage(err.Error())+"; usage: "+usage)
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(positional, rest...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// flagMessage says the flag package's complaint the way margin's usage
// lines name flags, "--width" and "-o": "unknown flag --bogus", not
// "flag provided but not defined: -bogus", and without the ": parse
// error" that says no more than "invalid value".
func flagMessage(msg string) string {
	msg = strings.TrimSuffix(msg, ": parse error")
	for _, r := range []struct{ from, to string }{
		{"flag provided but not defined: -", "unknown flag "},
		{"flag needs an argument: -", "a value is missing after "},
		{" for flag -", " for "},
		{" for -", " for "},
	} {
		if before, after, ok := strings.Cut(msg, r.from); ok {
			name, rest, _ := strings.Cut(strings.TrimPrefix(after, "-"), ":")
			if rest != "" {
				rest = ":" + rest
			}
			dashes := "--"
			if len(name) == 1 {
				dashes = "-"
			}
			return before + r.to + dashes + name + rest
		}
	}
	return msg
}

// badUsage is the error for a command called the wrong way: its usage line.
func badUsage(fs *flag.FlagSet, usage string) error {
	return commandError(fs, "usage: "+usage)
}

// commandError is a usage mistake, named after the subcommand it was made
// in (margin itself has no name to add).
func commandError(fs *flag.FlagSet, msg string) error {
	if fs.Name() == "" {
		return usageError{msg}
	}
	return usageError{fs.Name() + ": " + msg}
}

// helpRequest is not a failure: the user asked how to call a command
// (-h, --help). run prints its text to standard output and exits 0.
type helpRequest struct{ text string }

func (h helpRequest) Error() string { return h.text }

// helpFor is the help of the command parsed by fs: its usage line and
// every flag with its default.
func helpFor(fs *flag.FlagSet, usage string) helpRequest {
	var b strings.Builder
	b.WriteString("usage: " + usage + "\n")
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("\nflags:\n")
		fs.VisitAll(func(f *flag.Flag) { b.WriteString(flagHelp(f)) })
	}
	return helpRequest{b.String()}
}

// flagHelp is f's entry in a command's help: the flag named as the usage
// line names it (--width, -o) with its value's name, then what it does
// and, unless its text says already, its default. flag.PrintDefaults
// wrote "-width" and, for --author, "(default $MARGIN_AUTHOR, …)
// (default "root")".
func flagHelp(f *flag.Flag) string {
	name, usage := flag.UnquoteUsage(f)
	dashes := "--"
	if len(f.Name) == 1 {
		dashes = "-"
	}
	line := "  " + dashes + f.Name
	if name != "" {
		line += " " + name
	}
	if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && !strings.Contains(usage, "(default") {
		usage += fmt.Sprintf(" (default %q)", f.DefValue)
	}
	return line + "\n    \t" + usage + "\n"
}

// notesDirFlag registers --notes-dir on fs, the same for the reader and
// every notes command; paths.NotesDir resolves its value (the flag, else
// $MARGIN_NOTES_DIR, else next to each article). It returns the flag's
// part of a usage line.
func notesDirFlag(fs *flag.FlagSet, dir *string) string {
	fs.StringVar(dir, "notes-dir", "", "keep notes in `DIR` instead of next to the article (default $"+paths.NotesDirEnv+")")
	return "[--notes-dir DIR]"
}
