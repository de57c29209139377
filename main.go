// Command margin is a terminal reader and annotator for news articles.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/margin-reader/margin/internal/sanitize"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit status. Every error
// reaches the user as one line on stderr. Everything written to stderr,
// by run or by a command's warnings, passes through one sanitising
// writer: file names, URLs and server replies come from outside, and an
// ESC among them must not reach the terminal.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	errw := sanitize.NewLineWriter(stderr)
	defer errw.Flush()
	cmd, rest := runRead, args
	if len(args) > 0 {
		if c := lookup(args[0]); c != nil {
			cmd, rest = c, args[1:]
		}
	}
	if err := cmd(rest, stdin, stdout, errw); err != nil {
		fmt.Fprintf(errw, "margin: %s\n", sanitize.TerminalLine(err.Error()))
		return exitCode(err)
	}
	return 0
}

type command func(args []string, stdin io.Reader, stdout, stderr io.Writer) error

// lookup returns the subcommand called name, or nil.
func lookup(name string) command {
	switch name {
	case "analyze":
		return runAnalyze
	case "render":
		return runRender
	case "notes":
		return runNotes
	case "export":
		return runExport
	}
	return nil
}

// usageError marks a mistake in how margin was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	if _, ok := err.(usageError); ok {
		return 2
	}
	return 1
}
