package ui

import (
	"context"
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
		progress(0.61)
		<-release
		return fakeAnalysis()(ctx, a, nil)
	}
	m := open(t, article, Options{Analyze: f})
	m.load.progressive = true
	next, cmd := m.Update(analyzeMsg{hash: m.reader.Article().Hash})
	m = next.(Model)
	run, progress := analysisCmds(t, cmd)
	result := make(chan tea.Msg, 1)
	go func() { result <- run() }()
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
