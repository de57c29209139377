package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/vocab"
)

// Usage lines, shown for -h and when arguments are missing.
const (
	analyzeUsage = "margin analyze [--json] [--verbatim] FILE..."
)

// runAnalyze prints what margin finds in each article: as JSON, one object
// a line in argument order, or as a short summary for people.
func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON object per file")
	verbatim := fs.Bool("verbatim", false, "skip cleanup; every line break ends a sentence")
	files, err := parseFlags(fs, analyzeUsage, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return badUsage(fs, analyzeUsage)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	z, err := model.NewAnalyzer()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, f := range files {
		a, err := loadArticle(ctx, f, stdin, stderr, model.Options{Verbatim: *verbatim})
		if err != nil {
			return err
		}
		an, err := z.Analyze(ctx, a)
		if err != nil {
			return fmt.Errorf("analyze %s: %w", f, err)
		}
		r := model.NewReport(a, an)
		if *asJSON {
			err = enc.Encode(r)
		} else {
			err = writeSummary(stdout, r)
		}
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

// writeSummary prints a report for a person: counts, then the claims.
func writeSummary(w io.Writer, r model.Report) error {
	counts := map[string]int{}
	for _, e := range r.Entities {
		counts[e.Label]++
	}
	var parts []string
	for _, l := range vocab.Values(vocab.EntityLabels()) {
		if counts[l] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[l], l))
		}
	}
	fmt.Fprintf(w, "%s: %q\n  %d sentences; entities: %s; %d claims\n",
		r.File, r.Title, len(r.Sentences), strings.Join(parts, ", "), len(r.Claims))
	for _, c := range r.Claims {
		src := ""
		if c.Source != nil {
			src = " — " + c.Source.Text
		}
		kinds := make([]string, len(c.Kinds))
		for i, k := range c.Kinds {
			kinds[i] = string(k)
		}
		_, err := fmt.Fprintf(w, "  [%.2f %s]%s: %s\n", c.Checkworthiness, strings.Join(kinds, ","), oneLine(src, 80), oneLine(c.Text, 240))
		if err != nil {
			return err
		}
	}
	return nil
}
