package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/reader"
)

// loadStep is how many more bytes of the source each background step
// reads: a few tens of milliseconds of cleaning or parsing, so keys are
// answered between steps, and a few dozen steps for 20 MB.
const loadStep = 1 << 20

type (
	// loadedMsg is the article after one more step of load number gen,
	// and how many of the source's bytes are read.
	loadedMsg struct {
		gen         int
		a           *model.Article
		done        bool
		read, total int
		err         error
	}
	// notesOpenedMsg is the notes book opened once the article is whole.
	notesOpenedMsg struct {
		book *annotate.Book
		err  error
	}
)

// loading is the state of the article's background load: the loader
// (nil once the article is whole), the context its steps run in (a
// reload or the end of the program cancels it), and whether the notes
// are still to be opened: after the first screen, and on an article
// loaded in steps once the whole text is there to anchor on.
type loading struct {
	loader      *model.Loader
	gen         int
	ctx         context.Context
	cancel      context.CancelFunc
	read, total int
	// step is how many bytes each step reads: loadStep, less in tests.
	step int
	// progressive says the article came in steps, so the status says
	// when its analysis is running.
	progressive bool
	notesWait   bool
}

// newLoading prepares the background load of the article's rest, if
// there is a loader, and says whether the notes are still to be opened.
func newLoading(ctx context.Context, a *model.Article, opts Options) loading {
	notesWait := opts.Notes == nil && opts.NotesError == "" && a.Path != ""
	if opts.Loader == nil {
		return loading{notesWait: notesWait}
	}
	lctx, cancel := context.WithCancel(ctx)
	read, total := opts.Loader.Progress()
	return loading{
		loader: opts.Loader, gen: 1, ctx: lctx, cancel: cancel, step: loadStep, read: read, total: total, progressive: true,
		notesWait: notesWait,
	}
}

// active says the article is still loading.
func (l loading) active() bool { return l.loader != nil }

// stop cancels the load in flight and lets its file go; its late
// messages are dropped.
func (l *loading) stop() {
	if l.cancel != nil {
		l.cancel()
	}
	if l.loader != nil {
		// A read in flight fails on the closed file, and is dropped.
		_ = l.loader.Close()
	}
	l.loader, l.ctx, l.cancel = nil, nil, nil
	l.gen++
}

// loadNext returns the command that reads the next step.
func (m Model) loadNext() tea.Cmd { return m.loadAfter(0) }

// loadAfter returns the command that reads the next step after d, which
// holds the first background step back until the first screen is out:
// its cleaning or parsing would take the CPU the first frame needs. The
// loader does not know the path; every snapshot gets the one shown.
func (m Model) loadAfter(d time.Duration) tea.Cmd {
	if !m.load.active() {
		return nil
	}
	l, gen, step, path := m.load.loader, m.load.gen, m.load.step, m.reader.Article().Path
	ctx := m.load.ctx
	return func() tea.Msg {
		if d > 0 {
			select {
			case <-time.After(d):
			case <-ctx.Done():
				return loadedMsg{gen: gen, err: ctx.Err()}
			}
		}
		a, done, err := l.Next(ctx, step)
		read, total := l.Progress()
		if a != nil {
			a.Path = path
		}
		return loadedMsg{gen: gen, a: a, done: done, read: read, total: total, err: err}
	}
}

// loaded swaps in the grown article, for the text view and the panel,
// and asks for the next step; once the article is whole it opens the
// notes that waited and starts the analysis.
func (m Model) loaded(msg loadedMsg) (Model, tea.Cmd) {
	if msg.gen != m.load.gen {
		return m, nil
	}
	if msg.err != nil {
		m.load.stop()
		if !errors.Is(msg.err, context.Canceled) {
			m.status.SetError("load: " + msg.err.Error())
		}
		return m, nil
	}
	if w := msg.a.Warnings; len(w) > len(m.reader.Article().Warnings) {
		// Said as it is met: a part read as plain text, bytes that are
		// not UTF-8.
		m.status.SetMessage(w[len(w)-1])
	}
	m.reader.Grow(msg.a)
	m.load.read, m.load.total = msg.read, msg.total
	m.setSource()
	if !msg.done {
		return m, m.loadNext()
	}
	m.load.stop()
	m.setTitle(msg.a)
	return m, tea.Batch(m.openWaitingNotes(), m.analyze())
}

// openWaitingNotes opens the notes that waited for the first screen or
// the whole article, on the text shown now.
func (m *Model) openWaitingNotes() tea.Cmd {
	if !m.load.notesWait {
		return nil
	}
	m.load.notesWait = false
	a, opts := m.reader.Article(), m.opts.NotesOptions
	return func() tea.Msg {
		b, err := annotate.Open(a, opts)
		return notesOpenedMsg{book: b, err: err}
	}
}

// loadingInfo is what the status bar says of the load, of a search in
// what is loaded so far and, for an article loaded in steps, of its
// analysis.
func (m Model) loadingInfo() []string {
	switch {
	case m.load.active():
		info := []string{progressField("loading", percent(m.load.read, m.load.total))}
		if found := m.reader.Matches(); found.Query != "" {
			info = append(info, "searching… "+strconv.Itoa(found.Len())+" so far")
		}
		return info
	case m.load.progressive && m.opts.Analyze != nil && m.analysis == nil && !m.analysisErr:
		// 99% at most: the analysis is done when it arrives, not when
		// its last report says 1.
		return []string{progressField("analysing", min(int(m.analysisDone*100), 99))}
	}
	return nil
}

// progressField is "analysing 7%", padded on the left to the width of
// two digits, so the title beside it keeps its place as the count goes
// from 9% to 10% (it lost a letter at 10%, in a narrow window).
func progressField(what string, pc int) string {
	return fmt.Sprintf("%*s", len(what)+4, what+" "+strconv.Itoa(pc)+"%")
}

// percent is done of total in whole percent, 99 at most until done.
func percent(done, total int) int {
	if total <= 0 || done >= total {
		return 100
	}
	return min(done*100/total, 99)
}

// search runs the search over what is loaded; while the rest loads, a
// query not found yet may still be, and n finds it once it has come.
func (m *Model) search(q string) {
	found := m.reader.Search(q)
	n, ok := m.reader.TakeNotice()
	if !found && m.load.active() {
		n, ok = reader.NoticeMsg{Text: "not found yet: " + m.reader.Matches().Query + " (loading; n looks again)"}, true
	}
	if ok {
		m.notice(n)
	}
}
