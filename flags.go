package main

import (
	"errors"
	"flag"
	"io"
	"slices"
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
				return nil, badUsage(fs, usage)
			}
			return nil, commandError(fs, err.Error())
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(positional, rest...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
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
