package ui

import (
	"context"
	"errors"
	"io/fs"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/help"
	"github.com/margin-reader/margin/ui/theme"
)

// background handles what arrives from outside the keyboard: the
// analysis, the file watch, the reloaded article. ok is false for other
// messages.
func (m Model) background(msg tea.Msg) (_ Model, _ tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case analyzeMsg:
		if msg.hash != m.reader.Article().Hash {
			return m, nil, true
		}
		cmd := m.analyze()
		return m, cmd, true
	case analysisMsg:
		if !m.setAnalysis(msg) {
			return m, nil, true
		}
		return m, m.settle(), true
	case analysisProgressMsg:
		return m, m.tookProgress(msg), true
	case changedMsg:
		return m, tea.Batch(tea.Tick(reloadDelay, func(time.Time) tea.Msg { return reloadMsg{} }), m.watch()), true
	case notesChangedMsg:
		if m.store == nil {
			return m, m.watchNotes(), true
		}
		return m, tea.Batch(m.store.reread(), m.watchNotes()), true
	case reloadMsg:
		m.load.stop()
		m.pauseAnalysis()
		return m, tea.Batch(m.stir(), m.reload()), true
	case loadedMsg:
		m, cmd := m.loaded(msg)
		return m, cmd, true
	case openNotesMsg:
		if m.load.active() {
			return m, nil, true
		}
		return m, m.openWaitingNotes(), true
	case notesOpenedMsg:
		cmd := m.notesOpened(msg)
		return m, cmd, true
	case reloadedMsg:
		m, cmd := m.reloaded(msg)
		return m, cmd, true
	}
	return m, nil, false
}

// analyze starts the analysis of the article shown, in its own context,
// cancelling the one in flight.
func (m *Model) analyze() tea.Cmd {
	f, a := m.opts.Analyze, m.reader.Article()
	if f == nil {
		return nil
	}
	m.stopAnalysis()
	ctx, cancel := context.WithCancel(m.ctx)
	gen := m.analysisGen
	m.cancelAnalysis = cancel
	m.analysisDone = 0
	progress := newProgress(gen)
	return tea.Batch(m.stir(), func() tea.Msg {
		an, err := f(ctx, a, progress.report)
		progress.end()
		return analysisMsg{gen: gen, hash: a.Hash, an: an, err: err}
	}, progress.next)
}

// progress carries an analysis's reports of progress to the program: the
// analysis never waits for the program, which sees the latest report.
// That is enough, since each report's part of the analysis holds all of
// the ones before it.
type progress struct {
	gen    int
	latest chan progressReport
}

// progressReport is one report of an analysis's progress: how far it has
// come and what of it will not change (model.Progress).
type progressReport struct {
	done  float64
	sofar *model.Analysis
}

func newProgress(gen int) progress {
	return progress{gen: gen, latest: make(chan progressReport, 1)}
}

// report replaces the report not yet taken, if any, with this one. Only
// the analysis calls it, so nothing else fills the channel between the
// two selects.
func (p progress) report(done float64, sofar *model.Analysis) {
	select {
	case <-p.latest:
	default:
	}
	p.latest <- progressReport{done: done, sofar: sofar}
}

// end says there will be no more reports.
func (p progress) end() { close(p.latest) }

// next waits for the next report; nil once the analysis has ended.
func (p progress) next() tea.Msg {
	r, ok := <-p.latest
	if !ok {
		return nil
	}
	return analysisProgressMsg{gen: p.gen, done: r.done, sofar: r.sofar, next: p.next}
}

// tookProgress notes how far the analysis has come, shows the part of it
// that is known, and waits for more, unless a newer analysis has started
// or this one has already arrived whole.
//
// The part shown has all the entities and the claims of the sentences
// read so far, in text order: highlights fill in from the top, and none
// moves, goes or changes once shown. No entity comes before the tagger is
// done, since its last pass can relabel any name and tag it anywhere
// else: on CoNLL-2003 dev it changes or adds 0.7% of the entities, in 45
// of 216 documents, so early highlights would now and then change colour
// under the reader's eyes.
func (m *Model) tookProgress(msg analysisProgressMsg) tea.Cmd {
	if msg.gen != m.analysisGen || m.analysis != nil || m.analysisErr {
		return nil
	}
	m.analysisDone = msg.done
	if msg.sofar != nil {
		m.reader.SetPartialAnalysis(msg.sofar)
	}
	return msg.next
}

// pauseAnalysis stops the analysis in flight when the file changed: the
// reload brings a text to analyse afresh, and the old analysis would only
// take the CPU the reload needs. Should the reload fail, reloaded starts
// it again.
func (m *Model) pauseAnalysis() {
	if m.cancelAnalysis == nil || m.analysis != nil || m.analysisErr {
		return
	}
	m.stopAnalysis()
	m.analysisPaused = true
}

// stopAnalysis cancels the analysis in flight, if any; its late messages
// are dropped.
func (m *Model) stopAnalysis() {
	if m.cancelAnalysis != nil {
		m.cancelAnalysis()
	}
	m.analysisGen++
}

// setAnalysis takes in the analysis when it arrives, unless a newer one
// was started or the article changed meanwhile, and says whether it did.
func (m *Model) setAnalysis(msg analysisMsg) bool {
	if msg.gen != m.analysisGen || msg.hash != m.reader.Article().Hash {
		return false
	}
	if m.cancelAnalysis != nil {
		m.cancelAnalysis()
	}
	m.analysis, m.analysisErr = msg.an, msg.err != nil
	if msg.err != nil {
		m.status.SetError("analysis: " + msg.err.Error())
		m.analysis = nil
	}
	m.reader.SetAnalysis(m.analysis)
	m.setSource()
	if m.reviewPending {
		m.startReview()
	}
	return true
}

func (m Model) watch() tea.Cmd {
	if m.opts.Reload == nil {
		return nil
	}
	return waitFor(m.opts.Changes, changedMsg{})
}

func (m Model) watchNotes() tea.Cmd {
	return waitFor(m.opts.NotesChanges, notesChangedMsg{})
}

// waitFor returns a command that delivers msg at the next signal on ch,
// or nil if there is nothing to wait for.
func waitFor(ch <-chan struct{}, msg tea.Msg) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return msg
	}
}

// reload reads the article again, and reopens its notes on the new text.
func (m Model) reload() tea.Cmd {
	f, ctx, st, opts := m.opts.Reload, m.ctx, m.store, m.opts.NotesOptions
	return func() tea.Msg {
		a, err := f(ctx)
		if err != nil || st == nil {
			return reloadedMsg{a: a, err: err}
		}
		b, err := annotate.Open(a, opts)
		if err != nil {
			notes, seen := st.rebase(a)
			return reloadedMsg{a: a, notes: notes, seen: seen, notesErr: err}
		}
		st.replace(b)
		return reloadedMsg{a: a, notes: b.Notes(), seen: b.SeenSpans()}
	}
}

// reloaded swaps in the article read again from disk and starts its
// analysis.
func (m Model) reloaded(msg reloadedMsg) (Model, tea.Cmd) {
	paused := m.analysisPaused
	m.analysisPaused = false
	switch {
	case errors.Is(msg.err, fs.ErrNotExist):
		m.fileGone = true
		m.status.SetError("the file is gone from disk: this is the text as it was; it reloads if the file comes back")
	case msg.err != nil:
		m.status.SetError("reload: " + msg.err.Error())
	}
	if msg.err != nil {
		if paused {
			return m, m.analyze()
		}
		return m, nil
	}
	m.reader.SetArticle(msg.a)
	m.analysis, m.analysisErr = nil, false
	// The queue's claims were on the old text: it opens again on the new
	// analysis.
	m.reviewPending = m.reviewPending || m.review != nil
	m.review, m.attention = nil, nil
	m.setTitle(msg.a)
	say := m.reloadSaying(msg)
	m.fileGone = false
	if say != "" {
		m.status.SetMessage(say)
	}
	if m.store != nil {
		m.setNotes(msg.notes)
		m.setSeen(msg.seen)
		if say != "" {
			m.sayAttention(say)
		}
	}
	if msg.notesErr != nil {
		// The notes read before are placed on the new text by their
		// words (store.rebase), and the next saves are on it.
		m.status.SetError("notes not read again, those read before are placed on the new text: " + msg.notesErr.Error())
	}
	m.setSource()
	cmd := tea.Batch(m.openWaitingNotes(), m.analyze())
	return m, cmd
}

// reloadSaying is what the bar says of a reload, "" to keep what it
// says: the watcher's reload that follows a save which read the change
// itself (store.newer) brings the text shown again, and said instead that
// the file changed over the save's "note saved".
func (m *Model) reloadSaying(msg reloadedMsg) string {
	saved := m.savedOn
	m.savedOn = ""
	switch {
	case msg.said != "":
		m.savedOn = msg.a.Hash
		return msg.said
	case m.fileGone:
		return "reloaded: the file is back on disk"
	case msg.a.Hash == saved:
		return ""
	}
	return "reloaded: the file changed on disk"
}

// legend shows the colours and marks of the layers, for the help screen.
func legend(t *theme.Theme) []help.LegendRow {
	var ents, claims, verdicts []string
	for _, l := range vocab.EntityLabels() {
		ents = append(ents, t.Entity(l.Value).Render(l.Name))
	}
	for _, k := range vocab.ClaimKinds() {
		claims = append(claims, t.Claim(k.Value).Render(k.Name))
	}
	for _, v := range vocab.Verdicts() {
		if v.Value != vocab.NoVerdict {
			verdicts = append(verdicts, t.Verdict(v.Value).Render(v.Name))
		}
	}
	return []help.LegendRow{{Label: "entities", Items: ents}, {Label: "claims", Items: claims}, {Label: "notes", Items: verdicts}}
}
