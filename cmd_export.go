package main

import (
	"flag"
	"io"

	"github.com/margin-reader/margin/annotate/export"
)

// Usage lines, shown for -h and when arguments are missing.
const (
	exportUsage = "margin export FILE [--format markdown|json|w3c] [-o OUT]"
)

// runExport writes an article's notes as markdown, JSON or W3C Web
// Annotations, to stdout or a file.
func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	var bf bookFlags
	bf.register(fs)
	format := fs.String("format", "markdown", "markdown, json or w3c")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	pos, err := parseFlags(fs, exportUsage, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badUsage(fs, exportUsage)
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return usageError{"export: " + err.Error()}
	}
	b, err := bf.openBook(pos[0], stderr)
	if err != nil {
		return err
	}
	if *out == "" || *out == "-" {
		return export.Write(stdout, f, b.Article(), b.Notes(), export.Options{})
	}
	return export.WriteFile(*out, f, b.Article(), b.Notes(), export.Options{})
}
