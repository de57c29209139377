package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/annotate/anchor"
	"github.com/margin-reader/margin/annotate/export"
	"github.com/margin-reader/margin/internal/paths"
	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/weblink"
	"github.com/margin-reader/margin/ui/render"
)

// Usage lines, shown for -h and when arguments are missing.
const (
	notesUsage        = "notes: usage: margin notes add|list|rm|compact FILE ..."
	notesAddUsage     = "margin notes add FILE --quote TEXT [--occurrence N] [--note TEXT] [--verdict V] [--tag T]... [--source URL]..."
	notesListUsage    = "margin notes list [--json] FILE"
	notesRmUsage      = "margin notes rm FILE ID"
	notesCompactUsage = "margin notes compact FILE"
)

// runNotes adds, lists and removes the notes of an article from the
// command line.
func runNotes(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{notesUsage}
	}
	switch args[0] {
	case "add":
		return notesAdd(args[1:], stdout, stderr)
	case "list", "ls":
		return notesList(args[1:], stdout, stderr)
	case "rm", "remove", "delete":
		return notesRemove(args[1:], stdout, stderr)
	case "compact":
		return notesCompact(args[1:], stdout, stderr)
	}
	return usageError{fmt.Sprintf("notes: unknown subcommand %q; %s", args[0], strings.TrimPrefix(notesUsage, "notes: "))}
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// bookFlags are the flags every notes command takes.
type bookFlags struct {
	dir    string
	author string
}

func (f *bookFlags) register(fs *flag.FlagSet) {
	notesDirFlag(fs, &f.dir)
	fs.StringVar(&f.author, "author", annotate.DefaultAuthor(), "record changes as `NAME` (default $MARGIN_AUTHOR, else $USER, else the login name)")
}

// openArticle loads the article at path, which must be a file.
func openArticle(path string) (*model.Article, error) {
	if weblink.IsWeb(path) {
		// Fetched, the page is a file margin names; opened as a file,
		// the address read "no such file or directory".
		return nil, usageError{"notes need an article file, not an address: " + savedWhere(path)}
	}
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		return nil, err
	}
	if a.Path == "" {
		return nil, usageError{"notes need an article file, not standard input"}
	}
	return a, nil
}

// savedWhere says how to get the file of the page at url: the reader
// saves it, in margin's articles folder, and says which file it is.
func savedWhere(url string) string {
	how := "margin " + url + " saves the page"
	if dir, err := paths.Data("articles"); err == nil {
		how += " in " + dir
	}
	return how + " and names the file to give notes"
}

// options are the notes' options for article a; notes found in the
// fallback folder, not beside the article, are said on stderr.
func (f *bookFlags) options(a *model.Article, stderr io.Writer) annotate.Options {
	pruneCaches(time.Now())
	where := annotate.Locate(a, paths.NotesDir(f.dir))
	if where.Fallback {
		warn(stderr, "the notes are in the fallback notes folder: "+where.Sidecar)
	}
	return annotate.Options{Dir: where.Dir, Author: f.author, CacheDir: annotate.DefaultCacheDir(), Location: where}
}

// openBook loads the article at path and its notes, printing any warning
// about the sidecar to stderr.
func (f *bookFlags) openBook(path string, stderr io.Writer) (*annotate.Book, error) {
	a, err := openArticle(path)
	if err != nil {
		return nil, err
	}
	b, err := annotate.Open(a, f.options(a, stderr))
	if err != nil {
		return nil, err
	}
	for _, w := range b.Warnings() {
		warn(stderr, w)
	}
	return b, nil
}

// warn prints one warning line (run's stderr makes it safe for the
// terminal).
func warn(stderr io.Writer, msg string) { fmt.Fprintf(stderr, "margin: warning: %s\n", msg) }

func notesAdd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("notes add", flag.ContinueOnError)
	var bf bookFlags
	bf.register(fs)
	quote := fs.String("quote", "", "the passage to annotate, `TEXT` as it appears in the article")
	occurrence := fs.Int("occurrence", 0, "the `N`th appearance of the quote (1 is the first) when it appears more than once")
	text := fs.String("note", "", "the note's `TEXT`")
	verdict := fs.String("verdict", "", "the verdict `V`: true, mostly-true, misleading, false, unverified, opinion or none")
	var tags, sources listFlag
	fs.Var(&tags, "tag", "a tag `T` (repeatable)")
	fs.Var(&sources, "source", "a source link `URL` (repeatable)")
	pos, err := parseFlags(fs, notesAddUsage, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badUsage(fs, notesAddUsage)
	}
	if *quote == "" {
		return usageError{"notes add: --quote is required"}
	}
	if *occurrence < 0 {
		return usageError{"notes add: --occurrence counts from 1"}
	}
	v, err := annotate.ParseVerdict(*verdict)
	if err != nil {
		return usageError{"notes add: " + err.Error()}
	}
	a, err := openArticle(pos[0])
	if err != nil {
		return err
	}
	s, err := anchor.Find(a.Text, *quote, *occurrence)
	var amb *anchor.AmbiguousError
	switch {
	case errors.As(err, &amb):
		return fmt.Errorf("notes add: the quote appears %d times in %s; choose one with --occurrence 1 to %d", amb.Count, pos[0], amb.Count)
	case errors.Is(err, anchor.ErrNotFound):
		return fmt.Errorf("notes add: the quote is not in %s", pos[0])
	case err != nil:
		return fmt.Errorf("notes add: %w", err)
	}
	for _, src := range sources {
		if err := annotate.CheckSource(src); err != nil {
			warn(stderr, err.Error())
		}
	}
	if strings.TrimSpace(bf.author) == "" {
		warn(stderr, "no author found ($MARGIN_AUTHOR, $USER or the login name); the note is saved without one (pass --author NAME)")
	}
	n, placed, err := annotate.Append(a, bf.options(a, stderr), annotate.Note{Span: s, Text: *text, Verdict: v, Tags: tags, Sources: sources})
	if placed != "" {
		// Where the notes are, as openBook prints it with the others.
		warn(stderr, placed)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, n.ID)
	return nil
}

func notesList(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("notes list", flag.ContinueOnError)
	var bf bookFlags
	bf.register(fs)
	asJSON := fs.Bool("json", false, "print the notes as a JSON array")
	pos, err := parseFlags(fs, notesListUsage, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badUsage(fs, notesListUsage)
	}
	b, err := bf.openBook(pos[0], stderr)
	if err != nil {
		return err
	}
	notes := b.Notes()
	if *asJSON {
		return listJSON(stdout, notes)
	}
	if len(notes) == 0 {
		// A notice, not a row: the table on stdout stays empty for a pipe.
		fmt.Fprintln(stderr, sanitize.TerminalLine("no notes on "+filepath.Base(pos[0])))
		return nil
	}
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 4, 2, ' ', 0)
	for _, n := range notes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%q\t%s\t%s\n", oneLine(n.ID, 30), n.Status, n.Verdict.Name(), oneLine(n.Quote(), 50), oneLine(n.Text, 60), oneLine(strings.Join(n.Tags, ", "), 30))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return writeTrimmed(stdout, table.String())
}

// writeTrimmed writes table's lines without the padding tabwriter leaves
// after a row's last text: a note without text or tags ended in 60
// spaces, which wrap in a narrow terminal to a blank row.
func writeTrimmed(w io.Writer, table string) error {
	for line := range strings.Lines(table) {
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// listJSON prints the notes' records as one indented JSON array, with
// every invisible or terminal-driving character escaped, so the output is
// safe to show and decodes to the same values. It encodes and writes one
// record at a time: building the whole array first, then indenting and
// escaping copies of it, cost most of the command's time at thousands of
// notes.
func listJSON(stdout io.Writer, notes []annotate.Note) error {
	if len(notes) == 0 {
		_, err := io.WriteString(stdout, "[]\n")
		return err
	}
	w := bufio.NewWriter(stdout)
	var rec bytes.Buffer
	enc := json.NewEncoder(&rec)
	enc.SetEscapeHTML(true)
	enc.SetIndent("  ", "  ")
	var out []byte
	for i, r := range export.Records(notes) {
		rec.Reset()
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("notes list: %w", err)
		}
		out = append(out[:0], ",\n  "...)
		if i == 0 {
			out[0] = '['
		}
		out = sanitize.AppendJSON(out, bytes.TrimSuffix(rec.Bytes(), []byte("\n")))
		if _, err := w.Write(out); err != nil {
			return err
		}
	}
	if _, err := w.WriteString("\n]\n"); err != nil {
		return err
	}
	return w.Flush()
}

// notesRemove deletes a note and says which, as git branch -d does: the
// quote tells a mistyped ID's note apart before it is too late to look.
func notesRemove(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("notes rm", flag.ContinueOnError)
	var bf bookFlags
	bf.register(fs)
	pos, err := parseFlags(fs, notesRmUsage, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return badUsage(fs, notesRmUsage)
	}
	b, err := bf.openBook(pos[0], stderr)
	if err != nil {
		return err
	}
	n, ok := b.Note(pos[1])
	if !ok {
		return fmt.Errorf("notes rm: no note %s on %s", oneLine(pos[1], 30), filepath.Base(pos[0]))
	}
	quote := fmt.Sprintf(" (%q)", oneLine(n.Quote(), 50))
	if err := b.Delete(pos[1]); err != nil {
		return fmt.Errorf("notes rm: %w", err)
	}
	fmt.Fprintln(stdout, "deleted note "+oneLine(pos[1], 30)+quote)
	return nil
}

func notesCompact(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("notes compact", flag.ContinueOnError)
	var bf bookFlags
	bf.register(fs)
	pos, err := parseFlags(fs, notesCompactUsage, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return badUsage(fs, notesCompactUsage)
	}
	b, err := bf.openBook(pos[0], stderr)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(b.Path()); errors.Is(err, os.ErrNotExist) {
		// A notice, as notes list says it: there is no file to name.
		fmt.Fprintln(stderr, sanitize.TerminalLine("no notes on "+filepath.Base(pos[0])+"; nothing to compact"))
		return nil
	}
	if err := b.Compact(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, sanitize.TerminalLine(fmt.Sprintf("%s: %s and %s kept", filepath.Base(b.Path()),
		annotate.Count(len(b.Notes()), "note", "notes"), annotate.Count(len(b.Deleted()), "deleted note", "deleted notes"))))
	return nil
}

// oneLine fits s in n columns on one line, safe for the terminal, cut
// after a whole word as the reader cuts its lists (render.Ellipsis): cut
// by characters, a quote ended mid-word ("the schedule was rea…"), and
// one in a wide script took twice its columns.
func oneLine(s string, n int) string {
	return render.Ellipsis(render.OneLine(s), n)
}
