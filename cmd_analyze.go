package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/margin-reader/margin/internal/sanitize"
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
	// A soft memory limit bounds the heap from the start, that of the
	// first file's analysis (and each file's below), so the collector may
	// wait for the heap to grow five times over what it keeps rather than
	// twice. A limit for a small text alone made a large one's load
	// collect back to back.
	memoryForLoading(files[0])
	z, err := model.NewAnalyzer()
	if err != nil {
		return err
	}
	failed := 0
	for _, f := range files {
		memoryForLoading(f)
		a, err := loadArticle(ctx, f, stdin, stderr, model.Options{Verbatim: *verbatim})
		switch {
		case err != nil && (len(files) == 1 || ctx.Err() != nil):
			return err
		case err != nil:
			// One unreadable file of many is said, and the rest are
			// still analysed: the batch stopped at the first.
			fmt.Fprintf(stderr, "margin: %s\n", sanitize.TerminalLine(err.Error()))
			failed++
			continue
		}
		// The analysis makes garbage by the megabyte while what it keeps
		// is a few times the text; the reader's soft limit keeps the peak
		// near that rather than at twice the heap.
		memoryForAnalysis(len(a.Text))
		an, err := z.Analyze(ctx, a)
		if err != nil {
			return fmt.Errorf("analyze %s: %w", sanitize.TerminalLine(f), err)
		}
		if *asJSON {
			err = model.WriteReportJSON(stdout, a, an)
		} else {
			err = writeSummary(stdout, model.NewReport(a, an))
		}
		if err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("analyze: %d of %d files not analysed", failed, len(files))
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
	if len(parts) == 0 {
		parts = []string{"none"}
	}
	fmt.Fprintf(w, "%s: %q\n  %d sentences; entities: %s; %d claims\n",
		sanitize.TerminalLine(r.File), r.Title, len(r.Sentences), strings.Join(parts, ", "), len(r.Claims))
	for _, c := range r.Claims {
		kinds := make([]string, len(c.Kinds))
		for i, k := range c.Kinds {
			kinds[i] = string(k)
		}
		_, err := fmt.Fprintf(w, "  [%.2f %s]%s: %s\n", c.Checkworthiness, strings.Join(kinds, ","), sourceSummary(c.Source), oneLine(c.Text, 240))
		if err != nil {
			return err
		}
	}
	return nil
}

// sourceSummary names a claim's source as the reader's explain box does:
// who a pronoun stands for ("he = a spokesperson"), and the outlet it
// came through ("via Financial Times"); "— he" alone said nothing of who.
// The dash is added after oneLine, which trims the space before it:
// "[0.90 attributed]— WALLACE".
func sourceSummary(src *model.SourceReport) string {
	if src == nil {
		return ""
	}
	out := " — " + oneLine(src.Text, 80)
	if src.Resolved != nil {
		out += " = " + oneLine(src.Resolved.Text, 80)
	}
	if src.Via != "" {
		out += " via " + oneLine(src.Via, 80)
	}
	return out
}
