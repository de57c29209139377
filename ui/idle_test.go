package ui

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/margin-reader/margin/model"
)

// idleLog records what the reader tells Options.Idle.
type idleLog struct {
	mu   sync.Mutex
	told []bool
}

func (l *idleLog) record(idle bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.told = append(l.told, idle)
}

func (l *idleLog) said() []bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.told)
}

func TestTheReaderSaysOnceWhenItIsIdleAndWhenWorkStartsAgain(t *testing.T) {
	var log idleLog
	analyse := fakeAnalysis()
	var m Model
	reload := func(ctx context.Context) (*model.Article, error) { return m.reader.Article(), nil }
	m = open(t, article, Options{Analyze: analyse, Idle: log.record, Reload: reload})
	if got := log.said(); len(got) != 0 {
		t.Fatalf("the reader said %v before its analysis was in", got)
	}
	an, _ := analyse(context.Background(), m.reader.Article(), nil)
	arrive := analysisMsg{gen: m.analysisGen, hash: m.reader.Article().Hash, an: an}
	m = step(step(m, arrive), arrive)
	if got := log.said(); !slices.Equal(got, []bool{true}) {
		t.Fatalf("after the analysis (twice) the reader said %v, want idle once", got)
	}
	m = step(m, reloadMsg{})
	if got := log.said(); !slices.Equal(got, []bool{true, false}) {
		t.Fatalf("after a reload started the reader said %v, want busy again", got)
	}
	m = step(m, analysisMsg{gen: m.analysisGen, hash: m.reader.Article().Hash, an: an})
	if got := log.said(); !slices.Equal(got, []bool{true, false, true}) {
		t.Errorf("after the reload's analysis the reader said %v, want idle again", got)
	}
}
