// Package export writes an article's notes for other people and programs:
// a markdown worksheet (Markdown), plain JSON (JSON, and the Record shape
// that `margin notes list --json` prints) and W3C Web Annotation JSON-LD
// (W3C).
package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/renameio/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/fileerr"
	"github.com/margin-reader/margin/internal/filekind"
	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model/article"
)

// Format is an export format.
type Format string

// The export formats.
const (
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
	FormatW3C      Format = "w3c"
	// FormatClaimReview is schema.org ClaimReview JSON-LD.
	FormatClaimReview Format = "claimreview"
)

// ParseFormat reads a format name ("md" is markdown).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case FormatMarkdown, FormatJSON, FormatW3C, FormatClaimReview:
		return f, nil
	case "md":
		return FormatMarkdown, nil
	}
	return "", fmt.Errorf("unknown format %q (want markdown, json, w3c or claimreview)", s)
}

// Options change an export.
type Options struct {
	// Now is the export time written into the output; zero means now.
	Now time.Time
	// Claims are the article's flagged claims, from its analysis; nil
	// when it was not analysed (the worksheet then says nothing of
	// claims, and ClaimReview has nothing to review).
	Claims []Claim
	// Author and Org name the fact-checker and their organisation in a
	// ClaimReview; without an Author, each note's author is named.
	Author, Org string
	// ReviewURL is the page that will publish the fact checks; each
	// ClaimReview's url is this page with the note's id as fragment.
	ReviewURL string
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now().UTC()
	}
	return o.Now.UTC()
}

// Write exports notes of article a in format f.
func Write(w io.Writer, f Format, a *article.Article, notes []annotate.Note, opts Options) error {
	switch f {
	case FormatMarkdown:
		return Markdown(w, a, notes, opts)
	case FormatJSON:
		return JSON(w, a, notes, opts)
	case FormatW3C:
		return W3C(w, a, notes, opts)
	case FormatClaimReview:
		return ClaimReview(w, a, notes, opts)
	}
	return fmt.Errorf("unknown format %q", f)
}

// Record is a note as `margin notes list --json` prints it. Start and End
// are byte offsets into the article's text; for an orphaned note they are
// equal, where the passage used to be. Quote is the passage as it was
// when the note was written.
type Record struct {
	ID      string    `json:"id"`
	Quote   string    `json:"quote"`
	Note    string    `json:"note"`
	Verdict string    `json:"verdict"`
	Tags    []string  `json:"tags"`
	Sources []string  `json:"sources"`
	Status  string    `json:"status"`
	Start   int       `json:"start"`
	End     int       `json:"end"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Records converts notes to records, in the same order.
func Records(notes []annotate.Note) []Record {
	out := make([]Record, len(notes))
	for i, n := range notes {
		out[i] = Record{
			ID:      n.ID,
			Quote:   n.Quote(),
			Note:    n.Text,
			Verdict: n.Verdict.String(),
			Tags:    nonNil(n.Tags),
			Sources: nonNil(n.Sources),
			Status:  string(n.Status),
			Start:   n.Span.Start,
			End:     n.Span.End,
			Created: n.Created.UTC(),
			Updated: n.Updated.UTC(),
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// articleInfo names the article in JSON exports.
type articleInfo struct {
	Title     string `json:"title,omitempty"`
	SourceURL string `json:"source_url,omitempty"`
	File      string `json:"file,omitempty"`
	Hash      string `json:"hash"`
}

func infoOf(a *article.Article) articleInfo {
	file := ""
	if a.Path != "" {
		file = filepath.Base(a.Path)
	}
	return articleInfo{Title: a.Title, SourceURL: a.SourceURL, File: file, Hash: a.Hash}
}

// JSON writes the article's identity and its notes as records.
func JSON(w io.Writer, a *article.Article, notes []annotate.Note, opts Options) error {
	return writeJSON(w, struct {
		Article  articleInfo `json:"article"`
		Exported time.Time   `json:"exported"`
		Notes    []Record    `json:"notes"`
	}{infoOf(a), opts.now(), Records(notes)})
}

// writeJSON writes v as indented JSON with every invisible or
// line-breaking character inside its strings spelled as a \u escape.
func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := w.Write(sanitize.JSON(b.Bytes())); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// WriteFile exports to the file at path, replacing it atomically so a
// reader of the file never sees half an export. It never writes through
// or replaces anything but a regular file: a symbolic link (whose target
// may be outside the article's folder), a pipe, a device or a directory
// at path is refused with a one-line error.
func WriteFile(path string, f Format, a *article.Article, notes []annotate.Note, opts Options) error {
	if err := checkRegular(path); err != nil {
		return err
	}
	if err := checkNotOwn(path, a); err != nil {
		return err
	}
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(0o644), renameio.WithExistingPermissions())
	if err != nil {
		return cannotWrite(path, err)
	}
	defer pf.Cleanup()
	if err := Write(pf, f, a, notes, opts); err != nil {
		return writeFailed(path, err)
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return cannotWrite(path, err)
	}
	return nil
}

// writeFailed is the error of Write into the temporary file for path:
// one of the file (a full disk) names path, as cannotWrite does; a full
// disk said "export: write .out.md8543765847187403293: no space left on
// device", a file the user never asked for.
func writeFailed(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return cannotWrite(path, err)
	}
	return err
}

// cannotWrite names the file asked for, not the temporary file beside it
// that the error is about (".story.md1600794001464337799").
func cannotWrite(path string, err error) error {
	return fmt.Errorf("export: cannot write %s: %w", path, fileerr.Cause(err))
}

// checkNotOwn refuses to replace the article or a sidecar of notes with
// an export: "-o story.txt" replaced the article with its worksheet, and
// "-o story.txt.notes.jsonl" every note with it.
func checkNotOwn(path string, a *article.Article) error {
	if strings.HasSuffix(filepath.Base(path), annotate.Suffix) {
		return fmt.Errorf("export: %s is where notes are kept; margin does not replace notes with an export", path)
	}
	if a.Path == "" {
		return nil
	}
	at, err := os.Stat(path)
	if err != nil {
		return nil
	}
	if art, err := os.Stat(a.Path); err == nil && os.SameFile(at, art) {
		return fmt.Errorf("export: %s is the article itself; write the export to another file", path)
	}
	return nil
}

// checkRegular accepts a path where nothing is yet, or a regular file.
// Replacing by rename never follows a link, so a link made after the
// check is replaced, never written through.
func checkRegular(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return cannotWrite(path, err)
	case !fi.Mode().IsRegular():
		return fmt.Errorf("export: %s is %s; margin writes exports only to regular files", path, filekind.Of(fi.Mode()))
	}
	return nil
}
