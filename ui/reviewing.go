package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/review"
)

// What the status says while the review queue waits to open.
const (
	waitingForClaims = "analysing…: the review opens when the claims are in"
	waitingForNotes  = "opening the notes…: the review opens when they are in"
)

// startReview opens the review queue on the analysis's claims, or, while
// the analysis or the notes (the queue resumes from their review marks)
// are still coming, as soon as they are in.
func (m *Model) startReview() {
	if m.analysis == nil && (m.analysisErr || m.opts.Analyze == nil) {
		m.status.SetError("no claims to review: " + m.reader.NoAnalysis())
		return
	}
	if m.analysis == nil || m.notesComing() {
		m.reviewPending = true
		m.status.SetMessage(waitingForClaims)
		if m.analysis != nil {
			m.status.SetMessage(waitingForNotes)
		}
		return
	}
	m.reviewPending = false
	// The queue is open: a word that it will open is stale ("margin
	// check" showed it under the queue until a key was pressed).
	if say := m.status.Message(); say == waitingForClaims || say == waitingForNotes {
		m.status.ClearMessage()
	}
	if len(m.analysis.Claims) == 0 {
		m.status.SetMessage("no flagged claims to review in this text")
		return
	}
	q := review.New(m.reader.Article(), m.analysis.Claims, m.keys, m.theme)
	q.SetMaxWidth(m.opts.Width)
	q.SetNotes(m.notes)
	q.SetSeen(m.seen)
	q.Resume()
	m.review = &q
}

// reviewUpdate routes a message to the open queue and acts on what it
// asks for: verdicts and review marks are saved through the book.
func (m Model) reviewUpdate(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case review.VerdictMsg:
		return m, m.setVerdict(msg), true
	case review.SeenMsg:
		if m.store == nil {
			return m, nil, true
		}
		return m, m.store.markSeen(msg.Span), true
	}
	return m, nil, false
}

// reviewKey hands a key to the open queue and does at once what it asks:
// the next key must find the queue closed, or the editor open.
func (m Model) reviewKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	// A verdict that cannot be kept leaves the claim shown, and the
	// status says why: moving on would look as if it had been judged.
	if key.Matches(msg, m.keys.Verdict) && m.notesUnavailable() {
		return m, nil
	}
	q, cmd := m.review.Update(msg)
	m.review = &q
	r := m.review.TakeRequest()
	if r.Say != "" {
		m.status.SetMessage(r.Say)
	}
	switch {
	case r.Close:
		m.review = nil
	case r.Annotate:
		return m, tea.Batch(cmd, m.annotateSpan(r.Span))
	}
	return m, cmd
}

// setVerdict gives the claim at s verdict v: the note on exactly that
// passage gets it, else a new note holds it.
func (m *Model) setVerdict(msg review.VerdictMsg) tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	n, ok := m.noteOn(msg.Span)
	if !ok {
		n = annotate.Note{Span: msg.Span}
	}
	n.Verdict = annotate.Verdict(msg.Verdict)
	text := m.reader.Article().Text
	return m.store.saveSaying(n, text, verdictSay(n.Verdict, msg.Span.In(text)))
}

// verdictSay says a verdict was saved, and on which claim: the queue has
// moved on to the next one by then, and "verdict saved: false" under the
// next claim's "verdict: none yet" read as that claim's.
func verdictSay(v annotate.Verdict, claim string) string {
	return "verdict saved: " + v.Name() + ", on “" + render.Ellipsis(render.OneLine(claim), 32) + "”"
}

// noteOn returns the placed note on exactly the passage s.
func (m Model) noteOn(s span.Span) (annotate.Note, bool) {
	for _, n := range m.notes {
		if n.Placed() && n.Span == s {
			return n, true
		}
	}
	return annotate.Note{}, false
}

// annotateSpan opens the editor on the note on s, or a new one.
func (m *Model) annotateSpan(s span.Span) tea.Cmd {
	if m.notesUnavailable() {
		return nil
	}
	n, ok := m.noteOn(s)
	if !ok {
		n = annotate.Note{Span: s}
	}
	return m.openEditor(n, s.In(m.reader.Article().Text))
}

// setSeen takes in the review marks of the book.
func (m *Model) setSeen(seen []span.Span) {
	m.seen = seen
	if m.review != nil {
		m.review.SetSeen(seen)
	}
}
