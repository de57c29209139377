// Package park stops Bubble Tea's frame ticker while the screen has
// nothing new to show, so an idle reader does not wake on every frame.
//
// Bubble Tea v2.1.1 draws from one goroutine woken by a ticker at the
// program's frame rate, whether or not anything changed, and offers no
// way to stop or slow it: at 120 frames a second that alone kept an idle
// reader above 1% of a core. Since Go 1.23 a ticker whose channel nobody
// waits on is not scheduled at all, so the ticker costs nothing while its
// goroutine is held elsewhere, and the one place that goroutine calls out
// of Bubble Tea is the write of its queued output to the terminal.
//
// Once a frame has gone by with no message, the program queues a marker
// through Bubble Tea's own tea.Raw; Bubble Tea writes it on its next
// frame, and the output, instead of writing it, holds the writing
// goroutine until the next message (every change to the screen starts
// with one), a Quit, Interrupt or Suspend, the context's end or maxHold,
// whichever comes first. The marker never reaches the terminal.
//
// The output also writes the model's first complete view itself, as soon
// as the model has drawn it, rather than on Bubble Tea's first tick a
// frame later (firstFrame); Bubble Tea's own first frame then draws the
// same view over it. Apart from that view and, for a program that ended
// before its first frame, the way out of the alternate screen, nothing
// is written that Bubble Tea did not write itself.
//
// NewProgram builds such a program. A command run with tea.Exec would get
// the parked output as its standard output, which is not a terminal:
// parking is for programs that do not use tea.Exec. The tests run real
// programs, so a Bubble Tea that writes differently fails them.
package park

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// marker is an APC string: were it ever written, terminals would ignore
// it, but the output takes it out of every write.
const marker = "\x1b_margin-park\x1b\\"

// maxHold bounds one hold: a program shutting down for a reason that is
// no message (a panic in a command, an input error) waits for the frame
// goroutine at most this long. Each hold that ends so costs two frames.
const maxHold = time.Second

// Program is a tea.Program whose output is parked while nothing changes.
type Program struct {
	*tea.Program
	o *output
}

// NewProgram is tea.NewProgram writing to the terminal f, with the frame
// ticker parked while nothing changes; holds end when ctx does. It sets
// the program's output and filter: opts must set neither.
func NewProgram(ctx context.Context, f *os.File, m tea.Model, opts ...tea.ProgramOption) *Program {
	return newProgram(ctx, f, m, maxHold, opts)
}

func newProgram(ctx context.Context, f *os.File, m tea.Model, maxHold time.Duration, opts []tea.ProgramOption) *Program {
	o := &output{File: f, ctx: ctx, maxHold: maxHold, first: newFirstFrame()}
	opts = append(opts, tea.WithOutput(o), tea.WithFilter(o.filter))
	p := tea.NewProgram(skipMarkers{m, &lastView{}, o}, opts...)
	o.send = p.Send
	return &Program{p, o}
}

// Run is tea.Program's Run, which leaves the terminal as it found it
// even when the program ended after its first view but before Bubble
// Tea's first frame.
func (p *Program) Run() (tea.Model, error) {
	m, err := p.Program.Run()
	if rest := p.o.first.leftover(); rest != "" {
		if _, werr := p.o.File.WriteString(rest); werr != nil && err == nil {
			err = fmt.Errorf("leave the alternate screen: %w", werr)
		}
	}
	return m, err
}

// output is the terminal as Bubble Tea sees it: the file itself (its
// descriptor gives raw mode and the window size) with a Write that parks
// the frame ticker.
type output struct {
	*os.File
	ctx     context.Context
	send    func(tea.Msg)
	maxHold time.Duration
	first   firstFrame

	mu sync.Mutex
	// seq counts the messages other than markers that the filter has
	// seen; markSeq is seq when the marker on its way passed it.
	seq, markSeq uint64
	// primed says a marker was written, and so the screen drawn right
	// after it, with no message since primedSeq.
	primed    bool
	primedSeq uint64
	pending   bool          // a marker is on its way to the terminal
	off       bool          // quitting or suspended: never hold
	release   chan struct{} // closed to end the hold in progress
}

// filter sees every message before the program does: any message but a
// marker ends the hold, since it may change the screen, and asks for
// the next park.
func (o *output) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	o.mu.Lock()
	defer o.mu.Unlock()
	if isMarker(msg) {
		o.markSeq = o.seq
		// Bubble Tea writes the marker into the buffer a hold keeps
		// locked: end the hold (none should be in progress) rather
		// than wait for maxHold.
		o.wake()
		return msg
	}
	o.seq++
	o.first.observe(msg)
	o.wake()
	switch msg.(type) {
	case tea.QuitMsg, tea.InterruptMsg, tea.SuspendMsg:
		// Bubble Tea stops the frame goroutine next: it must be free.
		o.off = true
	case tea.ResumeMsg:
		o.off = false
	}
	o.requestLocked()
	return msg
}

// Write writes b to the terminal without the marker and, when b carried
// one, parks the frame goroutine that wrote it if the screen is up to
// date.
func (o *output) Write(b []byte) (int, error) {
	if !bytes.Contains(b, []byte(marker)) {
		return o.write(b)
	}
	if rest := bytes.ReplaceAll(b, []byte(marker), nil); len(rest) > 0 {
		if _, err := o.write(rest); err != nil {
			return 0, err
		}
	}
	o.markerWritten()
	return len(b), nil
}

// write writes what Bubble Tea wrote, after the first view if that is
// being written, and says it wrote all of b if it wrote all it meant to.
func (o *output) write(b []byte) (int, error) {
	o.first.take()
	defer o.first.giveBack()
	if own := o.first.ownFrame(b); len(own) != len(b) {
		if _, err := o.File.Write(own); err != nil {
			return 0, err
		}
		return len(b), nil
	}
	return o.File.Write(b)
}

// markerWritten parks the writer when no message arrived since the
// marker before this one passed the filter: Bubble Tea drew the screen
// right after writing that one, so the screen shows every message.
// Otherwise it sends another marker to see whether the next frame is
// quiet.
func (o *output) markerWritten() {
	o.mu.Lock()
	o.pending = false
	if o.off {
		o.mu.Unlock()
		return
	}
	if !o.primed || o.seq != o.primedSeq {
		o.primed, o.primedSeq = true, o.markSeq
		o.requestLocked()
		o.mu.Unlock()
		return
	}
	o.primed = false
	release := make(chan struct{})
	o.release = release
	o.mu.Unlock()
	o.hold(release)
}

// hold waits for release, the context or maxHold. After maxHold the
// program may still be running with nothing to show: it parks again.
func (o *output) hold(release chan struct{}) {
	t := time.NewTimer(o.maxHold)
	defer t.Stop()
	select {
	case <-release:
		return
	case <-o.ctx.Done():
		o.mu.Lock()
		o.off = true
	case <-t.C:
		o.mu.Lock()
	}
	o.wake()
	o.requestLocked()
	o.mu.Unlock()
}

// wake ends the hold in progress, if any; o.mu is held.
func (o *output) wake() {
	if o.release != nil {
		close(o.release)
		o.release = nil
	}
}

// requestLocked sends a marker unless one is on its way; o.mu is held.
// The send runs in its own goroutine: the filter runs in the loop that
// receives it, and Bubble Tea drops it once the program has ended.
func (o *output) requestLocked() {
	if o.off || o.pending || o.send == nil {
		return
	}
	o.pending = true
	go o.send(tea.RawMsg{Msg: marker})
}

func isMarker(msg tea.Msg) bool {
	r, ok := msg.(tea.RawMsg)
	return ok && r.Msg == marker
}

// skipMarkers is the program's model, spared the markers: they change
// nothing, and the view drawn after one is the view drawn before it.
type skipMarkers struct {
	tea.Model
	last *lastView
	o    *output
}

// lastView is the model's latest view; skip says the next View may
// return it.
type lastView struct {
	view tea.View
	skip bool
}

func (s skipMarkers) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if isMarker(msg) {
		s.last.skip = true
		return s, nil
	}
	m, cmd := s.Model.Update(msg)
	return skipMarkers{m, s.last, s.o}, cmd
}

func (s skipMarkers) View() tea.View {
	if s.last.skip {
		s.last.skip = false
		return s.last.view
	}
	s.last.view = s.Model.View()
	s.o.first.offer(s.last.view, s.o.File.Write)
	return s.last.view
}
