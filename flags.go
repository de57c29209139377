package main

import (
	"errors"
	"flag"
	"io"
	"slices"
	"strings"
)

// parseFlags parses args with fs, letting flags and positional arguments
// come in any order ("margin analyze FILE --json" as well as the reverse),
// and returns the positional ones. Everything after a lone "--" is
// positional.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var rest []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, rest = args[:i], args[i+1:]
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usageError{fs.Name() + ": usage: " + usageOf(fs)}
			}
			return nil, usageError{fs.Name() + ": " + err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(positional, rest...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// usageOf lists a flag set's flags on one line.
func usageOf(fs *flag.FlagSet) string {
	var parts []string
	fs.VisitAll(func(f *flag.Flag) {
		parts = append(parts, "--"+f.Name)
	})
	return strings.Join(parts, " ")
}
