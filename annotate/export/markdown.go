package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model/article"
	"github.com/margin-reader/margin/model/weblink"
)

// passageCell, noteCell and claimCell are how many characters of a
// passage, a note and a claim the tables show. The note's start tells
// apart two notes on one passage, or on passages that start alike, which
// the summary showed as two identical rows.
const (
	passageCell = 60
	noteCell    = 40
	claimCell   = 200
)

// Markdown writes the notes as a fact-checking worksheet: YAML front
// matter (title, source, file, content hash, export time, counts by
// verdict and of claims), a summary (notes by verdict, claims reviewed and
// not, a table of the notes), every placed note in article order with the
// claim it is on, the notes that need review or are orphaned in a section
// of their own with the passage they were written on, and the flagged
// claims with no verdict yet, most worth checking first. Everything the
// user typed is escaped, so the structure holds whatever the notes say.
func Markdown(w io.Writer, a *article.Article, notes []annotate.Note, opts Options) error {
	r := newReview(notes, opts.Claims)
	bw := bufio.NewWriter(w)
	frontMatter(bw, a, r, opts)
	title := a.Title
	if title == "" {
		title = filepath.Base(a.Path)
	}
	fmt.Fprintf(bw, "# Notes on %s\n\n", escapeHeading(title))
	summary(bw, a.Text, r)
	placed := 0
	for placed < len(r.notes) && r.notes[placed].Placed() {
		placed++
	}
	if placed > 0 {
		bw.WriteString("\n## Notes\n")
		for i := range placed {
			writeNote(bw, a.Text, r, i)
		}
	}
	if placed < len(r.notes) {
		bw.WriteString("\n## Needs review or orphaned\n\n")
		bw.WriteString("These passages could not be found for certain in the current text. " +
			"The quote is the passage as it was when the note was written; " +
			"\"maybe now\" is the nearest place margin found, for a person to confirm.\n")
		for i := placed; i < len(r.notes); i++ {
			writeNote(bw, a.Text, r, i)
		}
	}
	unreviewedClaims(bw, a.Text, r)
	return flush(bw)
}

// summary counts the notes by verdict and status and the claims by
// whether they have a verdict, then tables the notes.
func summary(w *bufio.Writer, text string, r *review) {
	w.WriteString("## Summary\n\n")
	if len(r.notes) == 0 {
		w.WriteString("- No notes yet.\n")
	} else {
		fmt.Fprintf(w, "- %s: %s.\n", annotate.Count(len(r.notes), "note", "notes"), verdictCounts(r.notes))
	}
	if r.claims != nil {
		un := len(r.unreviewed())
		fmt.Fprintf(w, "- %s: %d with a verdict, %d without.\n", annotate.Count(len(r.claims), "flagged claim", "flagged claims"), len(r.claims)-un, un)
	}
	status := map[annotate.Status]int{}
	for _, n := range r.notes {
		status[n.Status]++
	}
	if k := status[annotate.NeedsReview]; k > 0 {
		fmt.Fprintf(w, "- %s review.\n", annotate.Count(k, "note needs", "notes need"))
	}
	if k := status[annotate.Orphaned]; k > 0 {
		fmt.Fprintf(w, "- %s orphaned.\n", annotate.Count(k, "note is", "notes are"))
	}
	if len(r.notes) == 0 {
		return
	}
	w.WriteString("\n| # | Verdict | Passage | Note | Status |\n| --: | --- | --- | --- | --- |\n")
	for i, n := range r.notes {
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s |\n", i+1, verdictName(n.Verdict), escapeLine(clip(passage(text, n), passageCell)), escapeLine(clip(n.Text, noteCell)), n.Status)
	}
}

// verdictCounts is "2 false, 1 opinion, 1 with no verdict", in the
// picker's order of verdicts, then any verdict this margin does not know
// (from a newer margin or a hand-edited sidecar) as it is written.
func verdictCounts(notes []annotate.Note) string {
	by := map[annotate.Verdict]int{}
	order := slices.Clone(annotate.Verdicts)
	for _, n := range notes {
		v := n.Verdict
		if escapeInline(string(v)) == "" {
			v = annotate.None // blank once cleaned, as verdictTitle has it
		}
		if by[v]++; !slices.Contains(order, v) {
			order = append(order, v)
		}
	}
	var parts []string
	for _, v := range order {
		switch {
		case by[v] == 0:
		case v == annotate.None:
			parts = append(parts, fmt.Sprintf("%d with no verdict", by[v]))
		default:
			parts = append(parts, fmt.Sprintf("%d %s", by[v], escapeInline(v.Name())))
		}
	}
	return strings.Join(parts, ", ")
}

// unreviewedClaims tables the flagged claims no note gives a verdict on.
func unreviewedClaims(w *bufio.Writer, text string, r *review) {
	claims := r.unreviewed()
	if len(claims) == 0 {
		return
	}
	w.WriteString("\n## Claims without a verdict\n\n")
	w.WriteString("The flagged claims no note gives a verdict on yet, most worth checking first.\n\n")
	w.WriteString("| # | Check-worthiness | Kinds | Said by | Claim |\n| --: | --: | --- | --- | --- |\n")
	for i, c := range claims {
		fmt.Fprintf(w, "| %d | %.2f | %s | %s | %s |\n", i+1, c.Checkworthiness,
			escapeLine(strings.Join(c.Kinds, ", ")), escapeLine(saidBy(c)), escapeLine(clip(c.Span.In(text), claimCell)))
	}
}

// saidBy names a claim's source and who reported it, and says, as the
// reader's explain box does, when the source names no one.
func saidBy(c Claim) string {
	who := c.Source
	if who != "" && c.Vague {
		who += " (names no one)"
	}
	if c.Via != "" && who != "" {
		return who + " (via " + c.Via + ")"
	}
	return who
}

func flush(bw *bufio.Writer) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func frontMatter(w *bufio.Writer, a *article.Article, r *review, opts Options) {
	notes := r.notes
	w.WriteString("---\n")
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%s: %s\n", k, yamlString(v))
		}
	}
	field("title", a.Title)
	field("source_url", a.SourceURL)
	if a.Path != "" {
		field("file", filepath.Base(a.Path))
	}
	field("content_hash", a.Hash)
	field("exported", opts.now().Format("2006-01-02T15:04:05Z07:00"))
	fmt.Fprintf(w, "notes: %d\n", len(notes))
	counts := map[annotate.Verdict]int{}
	status := map[annotate.Status]int{}
	for _, n := range notes {
		counts[n.Verdict]++
		status[n.Status]++
	}
	if len(notes) > 0 {
		w.WriteString("verdicts:\n")
		for _, v := range annotate.Verdicts {
			if counts[v] > 0 {
				fmt.Fprintf(w, "  %s: %d\n", yamlString(v.String()), counts[v])
			}
		}
	}
	for _, s := range []annotate.Status{annotate.NeedsReview, annotate.Orphaned} {
		if status[s] > 0 {
			fmt.Fprintf(w, "%s: %d\n", strings.ReplaceAll(string(s), "-", "_"), status[s])
		}
	}
	if r.claims != nil {
		fmt.Fprintf(w, "claims: %d\nclaims_reviewed: %d\n", len(r.claims), len(r.claims)-len(r.unreviewed()))
	}
	w.WriteString("---\n\n")
}

// yamlString quotes s as a YAML double-quoted scalar; JSON strings are
// valid ones, and the \u escapes sanitize.JSON writes for invisible and
// line-breaking characters are YAML escapes too.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(string(sanitize.JSON(b.Bytes())), "\n")
}

func writeNote(w *bufio.Writer, text string, r *review, i int) {
	n := r.notes[i]
	heading := fmt.Sprintf("%d. %s", i+1, escapeHeading(verdictTitle(n.Verdict)))
	if !n.Placed() {
		heading += " (" + string(n.Status) + ")"
	}
	fmt.Fprintf(w, "\n### %s\n\n", heading)
	for i, para := range strings.Split(sanitize.Markdown(passage(text, n)), "\n") {
		if i > 0 {
			w.WriteString(">\n")
		}
		fmt.Fprintf(w, "> %s\n", escapeLine(para))
	}
	w.WriteString("\n")
	fmt.Fprintf(w, "- Verdict: **%s**\n", verdictName(n.Verdict))
	fmt.Fprintf(w, "- Status: %s\n", n.Status)
	if n.Reworded(text) {
		fmt.Fprintf(w, "- Written on: “%s”\n", escapeInline(n.Quote()))
	}
	writeCandidates(w, text, n)
	if c, ok := r.claim(i); ok {
		writeClaim(w, c)
	}
	if tags := escapeAll(n.Tags, escapeLine); len(tags) > 0 {
		fmt.Fprintf(w, "- Tags: %s\n", strings.Join(tags, ", "))
	}
	// A blank item under "Sources:" would underline it into a heading.
	if sources := escapeAll(n.Sources, sourceLink); len(sources) > 0 {
		w.WriteString("- Sources:\n")
		for _, s := range sources {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
	by := n.Updated.UTC().Format("2006-01-02 15:04 UTC")
	if author := escapeLine(n.Author); author != "" {
		by = author + ", " + by
	}
	fmt.Fprintf(w, "- Updated: %s\n", by)
	if body := noteBody(n.Text); body != "" {
		w.WriteString("\n")
		w.WriteString(body)
	}
}

// writeCandidates says, for a note that needs review, where margin found
// its passage again without being sure: the best place, and how many
// others there are, for the desk to decide.
func writeCandidates(w *bufio.Writer, text string, n annotate.Note) {
	if n.Status != annotate.NeedsReview || len(n.Candidates) == 0 {
		return
	}
	more := ""
	if others := len(n.Candidates) - 1; others > 0 {
		more = fmt.Sprintf(" (and %s)", annotate.Count(others, "other place", "other places"))
	}
	fmt.Fprintf(w, "- Maybe now: “%s”%s\n", escapeInline(n.Candidates[0].Span.In(text)), more)
}

// writeClaim lists what the analysis says of the claim a note is on.
func writeClaim(w *bufio.Writer, c Claim) {
	kinds := "flagged"
	if len(c.Kinds) > 0 {
		kinds = strings.Join(c.Kinds, ", ")
	}
	fmt.Fprintf(w, "- Claim: %s; check-worthiness %.2f\n", escapeLine(kinds), c.Checkworthiness)
	if src := saidBy(c); src != "" {
		fmt.Fprintf(w, "- Said by: %s\n", escapeLine(src))
	}
}

// verdictName is how the worksheet names verdict v to a person, as its
// summary line and headings do ("mostly true", "no verdict"): the table
// and each note's Verdict line wrote the file's values ("mostly-true",
// "none") beside them. The front matter keeps the values, for programs.
func verdictName(v annotate.Verdict) string {
	if escapeInline(string(v)) == "" {
		return "no verdict"
	}
	return escapeInline(v.Name())
}

// verdictTitle is the verdict's display name as a heading starts it.
// A verdict that is blank once cleaned (from a hand-edited sidecar) is
// none.
func verdictTitle(v annotate.Verdict) string {
	if escapeInline(string(v)) == "" {
		return "No verdict"
	}
	s := v.Name()
	first, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[size:]
}

// passage is the text a note is on: where it is now if placed, else the
// quote it was written on.
func passage(text string, n annotate.Note) string {
	if n.Placed() {
		if p := n.Span.In(text); p != "" {
			return p
		}
	}
	return n.Quote()
}

// escapeAll escapes each of list with escape, leaving out those that come
// out empty.
func escapeAll(list []string, escape func(string) string) []string {
	var out []string
	for _, s := range list {
		if e := escape(s); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// sourceLink makes a web address an autolink; anything else is text.
// CommonMark autolinks hold no space, control or angle bracket.
func sourceLink(s string) string {
	if weblink.IsWeb(s) && !strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == '<' || r == '>' || r == 0x7f }) && s == sanitize.Markdown(s) {
		return "<" + s + ">"
	}
	return escapeLine(s)
}

// noteBody turns a note's text into paragraphs: blank lines separate
// paragraphs, single line breaks stay line breaks.
func noteBody(text string) string {
	var b strings.Builder
	for _, para := range strings.Split(sanitize.Markdown(text), "\n\n") {
		var lines []string
		for _, l := range strings.Split(para, "\n") {
			if l = escapeLine(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		b.WriteString(strings.Join(lines, "\\\n"))
		b.WriteString("\n\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// oneLine joins the lines of s and every run of white space with one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to n characters on one line, at the end of a word
// when one ends in the last half of them: a table's passage read "…the
// es…", cut in a word the reader then had to guess.
func clip(s string, n int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	if r[n-1] != ' ' {
		if sp := strings.LastIndexByte(cut, ' '); sp >= len(string(r[:n/2])) {
			cut = cut[:sp]
		}
	}
	return strings.TrimRight(cut, " ") + "…"
}

// escapeLine makes one line of user text literal in markdown: inline
// markup characters are escaped everywhere, and characters that would
// start a block (heading, list, rule) at the start of the line.
func escapeLine(s string) string {
	out := escapeInline(s)
	if out == "" {
		return ""
	}
	switch out[0] {
	case '#', '-', '+', '=':
		return "\\" + out
	}
	if i := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (out[i] == '.' || out[i] == ')') {
		return out[:i] + "\\" + out[i:]
	}
	return out
}

// escapeHeading is escapeLine for the text of an ATX heading, where a "#"
// anywhere could close the heading early, so every one is escaped.
func escapeHeading(s string) string {
	return strings.ReplaceAll(escapeInline(s), "#", `\#`)
}

// escapeInline puts s on one line without controls (sanitize.Markdown,
// then line breaks and tabs as spaces), trims it, and escapes the
// characters that mark up text inside a line.
func escapeInline(s string) string {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, sanitize.Markdown(s)))
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '!':
			b.WriteByte('\\')
		case '&':
			if i+1 < len(s) && (isAlnum(s[i+1]) || s[i+1] == '#') {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
