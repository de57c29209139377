// Command margin is a terminal reader and annotator for news articles.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"

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
		switch {
		case isHelp(args[0]) || args[0] == "help":
			return printHelp(stdout, errw, args[1:])
		case args[0] == "--version":
			fmt.Fprintln(stdout, "margin", version())
			return 0
		}
		if c, ok := lookup(args[0]); ok {
			cmd, rest = c.run, args[1:]
			if c.help != "" && len(rest) == 1 && isHelp(rest[0]) {
				fmt.Fprint(stdout, c.help)
				return 0
			}
		}
	}
	return runCommand(cmd, rest, stdin, stdout, errw)
}

// runCommand runs one command and turns its error into the exit status.
func runCommand(cmd command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := cmd(args, stdin, stdout, stderr)
	if h, ok := errors.AsType[helpRequest](err); ok {
		fmt.Fprint(stdout, h.text)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "margin: %s\n", sanitize.TerminalLine(err.Error()))
		return exitCode(err)
	}
	return 0
}

type command func(args []string, stdin io.Reader, stdout, stderr io.Writer) error

// subcommand is one verb of margin's command line.
type subcommand struct {
	name    string
	summary string // one line for `margin help`
	run     command
	// help is printed for `margin NAME --help` when the command has
	// subcommands of its own rather than flags; "" lets the command's own
	// flag parsing print its usage and flags.
	help string
}

// subcommands lists margin's verbs in the order help shows them.
func subcommands() []subcommand {
	return []subcommand{
		{name: "render", summary: "print an article, cleaned and styled, to standard output", run: runRender},
		{name: "analyze", summary: "list an article's entities and contested claims (text or --json)", run: runAnalyze},
		{name: "notes", summary: "add, list, remove or compact the notes kept beside an article", run: runNotes,
			help: "usage:\n  " + strings.Join([]string{notesAddUsage, notesListUsage, notesRmUsage, notesCompactUsage}, "\n  ") +
				"\n\nmargin notes SUBCOMMAND --help lists a subcommand's flags.\n"},
		{name: "check", summary: "review an article's claims one by one in the reader, resuming where you stopped", run: runCheck},
		{name: "export", summary: "export an article's notes as a markdown worksheet, JSON, W3C annotations or ClaimReview", run: runExport},
	}
}

// lookup returns the subcommand called name.
func lookup(name string) (subcommand, bool) {
	cs := subcommands()
	i := slices.IndexFunc(cs, func(c subcommand) bool { return c.name == name })
	if i < 0 {
		return subcommand{}, false
	}
	return cs[i], true
}

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// printHelp prints the overview, or with a command's name that command's
// help, as `margin CMD --help` does.
func printHelp(stdout, stderr io.Writer, args []string) int {
	if len(args) > 0 {
		if args[0] == "read" {
			return runCommand(runRead, []string{"--help"}, nil, stdout, stderr)
		}
		if _, ok := lookup(args[0]); ok {
			return run([]string{args[0], "--help"}, nil, stdout, stderr)
		}
		fmt.Fprintf(stderr, "margin: help: unknown command %q; margin help lists them\n", args[0])
		return 2
	}
	fmt.Fprint(stdout, overview())
	return 0
}

// overview is `margin --help`: every way to call margin, one line each.
func overview() string {
	var b strings.Builder
	b.WriteString("margin: read, check and annotate news articles in the terminal\n\nusage:\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  margin [FILE|URL|-]\topen an article in the reader (without one: standard input if piped, else the sample; margin help read)\n")
	for _, c := range subcommands() {
		fmt.Fprintf(tw, "  margin %s\t%s\n", c.name, c.summary)
	}
	fmt.Fprintf(tw, "  margin help [CMD]\tthis list, or how to call CMD (as margin CMD --help)\n")
	fmt.Fprintf(tw, "  margin --version\tprint margin's version\n")
	tw.Flush()
	return b.String()
}

// version is the module version margin was built as, with the commit
// when the build recorded one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
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
