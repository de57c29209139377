package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/model"
)

// TestTheStatusSaysHowFarTheAnalysisHasCome runs an analysis that reports
// 61% and waits: the status of an article loaded in steps says so, and
// once the analysis is delivered the percentage goes.
func TestTheStatusSaysHowFarTheAnalysisHasCome(t *testing.T) {
	release := make(chan struct{})
	f := func(ctx context.Context, a *model.Article, progress model.Progress) (*model.Analysis, error) {
		progress(0.61, nil)
		<-release
		return fakeAnalysis()(ctx, a, nil)
	}
	m, progress, result := startAnalysis(t, f)
	m = step(m, runWithin(progress, time.Second))
	if !strings.Contains(screen(m), "analysing 61%") {
		t.Fatalf("the status does not say analysing 61%%:\n%s", screen(m))
	}
	close(release)
	m = step(m, <-result)
	if strings.Contains(screen(m), "analysing") || !strings.Contains(screen(m), "council") {
		t.Fatalf("the analysis arrived but the status still says analysing:\n%s", screen(m))
	}
}

// TestHighlightsFillInWhileAnalysing runs an analysis that reports how
// far it has come with the part of it known so far: first nothing, then
// the entities and the first claim, then the whole. The reader jumps to
// the claims known at each step while the status says how far it is, the
// claim count says it is a count so far until the whole arrives, and a
// report that comes after the whole analysis changes nothing.
func TestHighlightsFillInWhileAnalysing(t *testing.T) {
	reports := make(chan float64)
	f := func(ctx context.Context, a *model.Article, progress model.Progress) (*model.Analysis, error) {
		whole, err := fakeAnalysis()(ctx, a, nil)
		first := *whole
		first.Claims = whole.Claims[:1]
		for done := range reports {
			if done < 0.5 {
				progress(done, nil)
			} else {
				progress(done, &first)
			}
		}
		return whole, err
	}
	m, progress, result := startAnalysis(t, f)
	steps := []struct {
		done       float64
		status, at string
	}{
		{0.3, "analysing 30%", "still analysing"},
		{0.7, "analysing 70%", "claim 1 of 1 so far"},
	}
	for _, st := range steps {
		reports <- st.done
		next, cmd := m.Update(runWithin(progress, time.Second))
		m, progress = next.(Model), cmd
		if s := screen(press(m, "c")); !strings.Contains(s, st.status) || !strings.Contains(s, st.at) {
			t.Fatalf("at %v%%: want %q and, after c, %q:\n%s", st.done*100, st.status, st.at, s)
		}
	}
	close(reports)
	m = step(m, <-result)
	m = step(m, analysisProgressMsg{gen: m.analysisGen, done: 0.7, sofar: &model.Analysis{Hash: m.reader.Article().Hash}})
	if s := screen(press(m, "c")); strings.Contains(s, "analysing") || strings.Contains(s, "so far") || !strings.Contains(s, "claim 1/2") {
		t.Fatalf("after the whole analysis and a late report: want both claims, a final count and no progress:\n%s", s)
	}
}

// TestProgressOfAnOlderAnalysisIsDropped starts two analyses: the first
// one's late report of progress changes nothing.
func TestProgressOfAnOlderAnalysisIsDropped(t *testing.T) {
	m := open(t, article, Options{Analyze: fakeAnalysis()})
	m.load.progressive = true
	for range 2 {
		next, _ := m.Update(analyzeMsg{hash: m.reader.Article().Hash})
		m = next.(Model)
	}
	m = step(m, analysisProgressMsg{gen: m.analysisGen - 1, done: 0.9})
	if !strings.Contains(screen(m), "analysing 0%") {
		t.Fatalf("a late report of the first analysis was taken:\n%s", screen(m))
	}
}

// TestAReloadStopsTheAnalysisAtOnce changes the file while it is being
// analysed: the analysis is cancelled as the reload starts, before the
// file is read again, and starts again when the reload fails.
func TestAReloadStopsTheAnalysisAtOnce(t *testing.T) {
	started, cancelled := make(chan struct{}, 2), make(chan struct{}, 2)
	f := func(ctx context.Context, a *model.Article, progress model.Progress) (*model.Analysis, error) {
		started <- struct{}{}
		<-ctx.Done()
		cancelled <- struct{}{}
		return nil, ctx.Err()
	}
	reload := func(context.Context) (*model.Article, error) { return nil, errors.New("file gone") }
	m := open(t, article, Options{Analyze: f, Reload: reload})
	next, cmd := m.Update(analyzeMsg{hash: m.reader.Article().Hash})
	run, _ := analysisCmds(t, cmd)
	go run()
	<-started
	// The reload's reading of the file is not run: the analysis must stop
	// before it.
	next, _ = next.(Model).Update(reloadMsg{})
	select {
	case <-cancelled:
	case <-time.After(5 * time.Second):
		t.Fatal("the analysis went on while the file was read again")
	}
	m = step(next.(Model), reloadedMsg{err: errors.New("file gone")})
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatalf("the reload failed and the analysis did not start again:\n%s", screen(m))
	}
	m.cancelAnalysis()
}

// startAnalysis opens the test article as one loaded in steps and starts
// its analysis by f: it returns the reader, the wait for the first report
// of progress, and where the result will come.
func startAnalysis(t *testing.T, f AnalyzeFunc) (Model, tea.Cmd, <-chan tea.Msg) {
	t.Helper()
	m := open(t, article, Options{Analyze: f})
	m.load.progressive = true
	next, cmd := m.Update(analyzeMsg{hash: m.reader.Article().Hash})
	run, progress := analysisCmds(t, cmd)
	result := make(chan tea.Msg, 1)
	go func() { result <- run() }()
	return next.(Model), progress, result
}

// analysisCmds splits the command that starts an analysis into the
// analysis itself and the wait for its progress, the last two of its
// batch as analyze makes it.
func analysisCmds(t *testing.T, cmd tea.Cmd) (run, progress tea.Cmd) {
	t.Helper()
	if cmd == nil {
		t.Fatal("no analysis started")
	}
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) < 2 {
		t.Fatal("the analysis starts without its reports of progress")
	}
	return batch[len(batch)-2], batch[len(batch)-1]
}

// TestAReloadOfADeletedFileSaysItIsGone: when the file is deleted the
// reload fails with "not exist"; the bar says the text shown is the one
// that was, not a bare "reload: open …" error.
func TestAReloadOfADeletedFileSaysItIsGone(t *testing.T) {
	m := open(t, article, Options{})
	m = step(m, reloadedMsg{err: fmt.Errorf("open article.txt: %w", fs.ErrNotExist)})
	if s := screen(m); !strings.Contains(s, "the file is gone from disk: this is the text as it was") || !strings.Contains(s, "The harbour wall") {
		t.Errorf("after the file was deleted the screen reads:\n%s", s)
	}
	m = step(m, reloadedMsg{err: errors.New("permission denied")})
	if s := statusBar(m); !strings.Contains(s, "reload: permission denied") {
		t.Errorf("another reload error reads %q", s)
	}
}

// TestAFileThatComesBackSaysSo deletes the file, then puts it back: the
// bar said "the file changed on disk" of a file that had come back as it
// was; a change after that is a change again.
func TestAFileThatComesBackSaysSo(t *testing.T) {
	m := open(t, article, Options{})
	a := m.reader.Article()
	m = step(m, reloadedMsg{err: fmt.Errorf("open article.txt: %w", fs.ErrNotExist)})
	m = step(m, reloadedMsg{a: a})
	if s := statusBar(m); !strings.Contains(s, "reloaded: the file is back on disk") {
		t.Errorf("the file came back and the bar reads %q", s)
	}
	m = step(m, reloadedMsg{a: a})
	if s := statusBar(m); !strings.Contains(s, "reloaded: the file changed on disk") {
		t.Errorf("the next reload reads %q", s)
	}
}

// TestTheTitleKeepsItsPlaceAsTheAnalysisCounts reports 1%, 12% and 61% in
// a narrow window: the title beside the count is cut the same each time,
// where it lost a letter as the count gained a digit.
func TestTheTitleKeepsItsPlaceAsTheAnalysisCounts(t *testing.T) {
	m := step(open(t, article, Options{Analyze: fakeAnalysis()}), tea.WindowSizeMsg{Width: 40, Height: 12})
	m.load.progressive = true
	next, _ := m.Update(analyzeMsg{hash: m.reader.Article().Hash})
	m = next.(Model)
	title := ""
	for _, done := range []float64{0.01, 0.12, 0.61} {
		m = step(m, analysisProgressMsg{gen: m.analysisGen, done: done})
		bar := statusBar(m)
		at := strings.Index(bar, "analysing")
		if at < 0 {
			t.Fatalf("at %v the bar does not say analysing: %q", done, bar)
		}
		if got := strings.TrimRight(bar[:at], " "); title == "" {
			title = got
		} else if got != title {
			t.Errorf("at %v the title reads %q, at 1%% %q", done, got, title)
		}
	}
}
