package reader

import (
	"strings"
	"time"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// notesAtFocus returns the placed notes over the focused sentence, in
// the book's (article) order.
func (m Model) notesAtFocus() []annotate.Note {
	f, ok := m.Focus()
	if !ok {
		return nil
	}
	var out []annotate.Note
	for _, n := range m.notes {
		if n.Placed() && n.Span.Overlaps(f) {
			out = append(out, n)
		}
	}
	return out
}

// NoteLines shows a note on text in full in lines of at most w columns:
// a line with its verdict, status, author and time, the words it was
// written on if the passage reads differently now, its text, its tags
// and its sources, each wrapped.
func NoteLines(t *theme.Theme, text string, n annotate.Note, w int) []string {
	meta := []string{string(n.Status)}
	if n.Author != "" {
		meta = append(meta, render.OneLine(n.Author))
	}
	if when := latest(n); !when.IsZero() {
		// Glued by a no-break space, drawn as a space (styled), so
		// that a head too long for the box does not leave the time
		// alone on a line under its date ("2026-12-04" over "19:30").
		meta = append(meta, when.Local().Format("2006-01-02"+noBreak+"15:04"))
	}
	lines := fieldLines(w, run{"note: ", t.ExplainLabel}, run{n.Verdict.Name(), t.Verdict(string(n.Verdict))}, run{" · " + strings.Join(meta, " · "), t.ExplainLabel})
	if n.Reworded(text) {
		lines = append(lines, wasLines(t, fromChange(n.Quote(), n.Span.In(text)), w)...)
	}
	for _, para := range strings.Split(strings.TrimSpace(n.Text), "\n") {
		for _, l := range render.Wrap(para, span.Span{End: len(para)}, w-2) {
			if txt := l.In(para); txt != "" {
				lines = append(lines, "  "+t.Explain.Render(render.Sanitize(txt)))
			}
		}
	}
	if len(n.Tags) > 0 {
		lines = append(lines, fieldLines(w, run{"tags: ", t.ExplainLabel}, run{render.OneLine(strings.Join(n.Tags, ", ")), t.Explain})...)
	}
	for _, s := range n.Sources {
		lines = append(lines, fieldLines(w, run{"source: ", t.ExplainLabel}, run{render.OneLine(s), t.Link})...)
	}
	return lines
}

// wasMaxLines is the most lines the words a note was written on take in
// the box: enough to read what changed, which fromChange puts first.
const wasMaxLines = 3

// wasLines shows the words a note was written on, from where they
// changed, in at most wasMaxLines lines of w columns, "…" ending them
// when cut, after a whole word ("and…", not "and al…"): a note on a
// passage of a megabyte (a transcript's one sentence) was wrapped whole
// at every key.
func wasLines(t *theme.Theme, was string, w int) []string {
	was = render.CutBytes(was, 4*wasMaxLines*w)
	lines := fieldLines(w, run{"written on: ", t.ExplainLabel}, run{"“" + render.OneLine(was) + "”", t.Explain})
	if len(lines) > wasMaxLines {
		last := render.CutWords(lines[wasMaxLines-1], max(w-1, 1))
		lines = append(lines[:wasMaxLines-1], last+t.Explain.Render("…"))
	}
	return lines
}

// fromChange is quote from the word before the one where it first
// differs from now, so that a line cut at the screen's edge still shows
// what changed; a quote that differs in its first two words is whole.
func fromChange(quote, now string) string {
	i := 0
	for i < len(quote) && i < len(now) && quote[i] == now[i] {
		i++
	}
	word := strings.LastIndexByte(quote[:i], ' ')
	if word <= 0 {
		return quote
	}
	before := strings.LastIndexByte(quote[:word], ' ')
	if before < 0 {
		return quote
	}
	return "…" + quote[before+1:]
}

func latest(n annotate.Note) time.Time {
	if n.Updated.After(n.Created) {
		return n.Updated
	}
	return n.Created
}
