package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/margin-reader/margin/annotate/export"
	"github.com/margin-reader/margin/internal/worksheet"
	"github.com/margin-reader/margin/model"
)

// Usage lines, shown for -h and when arguments are missing.
const (
	exportUsage = "margin export FILE [--format markdown|json|w3c|claimreview] [--url PAGE] [-o OUT]"
)

// exportClaims analyses the article (or reads its cached analysis) for
// the claims the worksheet and ClaimReview are about.
func exportClaims(a *model.Article) ([]export.Claim, error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	an, err := analyzer()(ctx, a, nil)
	if err != nil {
		return nil, err
	}
	return worksheet.Claims(a.Text, an), nil
}

// runExport writes an article's notes as a markdown worksheet, JSON, W3C
// Web Annotations or ClaimReview, to stdout or a file. JSON and W3C carry
// only the notes; the other two also need the article's claims.
func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	var bf bookFlags
	bf.register(fs)
	format := fs.String("format", "markdown", "the `FORMAT`: markdown, json, w3c or claimreview")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	page := fs.String("url", "", "the `PAGE` that publishes the fact checks (ClaimReview url)")
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
	a := b.Article()
	opts := export.Options{Author: bf.author, Org: os.Getenv("MARGIN_ORG"), ReviewURL: *page}
	if f == export.FormatMarkdown || f == export.FormatClaimReview {
		if opts.Claims, err = exportClaims(a); err != nil {
			return fmt.Errorf("export: analyse %s: %w", pos[0], err)
		}
	}
	if f == export.FormatClaimReview && *page == "" {
		fmt.Fprintln(stderr, "margin: warning: no --url PAGE; each ClaimReview's url names its note (urn:margin:note:…) instead of a page")
	}
	if f == export.FormatClaimReview {
		if n := export.Withheld(a, b.Notes(), opts); n > 0 {
			warn(stderr, withheldWarning(n))
		}
	}
	if *out == "" || *out == "-" {
		return export.Write(stdout, f, a, b.Notes(), opts)
	}
	return export.WriteFile(*out, f, a, b.Notes(), opts)
}

// withheldWarning says that n verdicts were left out of a ClaimReview
// export, in the grammar of n: "2 notes are left out: its passage …"
// read as a slip in a line an editor may be shown.
func withheldWarning(n int) string {
	if n == 1 {
		return "1 note is left out: its passage now reads differently from the words the verdict was given on; save it again in the reader to confirm it"
	}
	return fmt.Sprintf("%d notes are", n) + " left out: their passages now read differently from the words the verdicts were given on; save them again in the reader to confirm them"
}
