package park

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// counter shows how many bumps it had, as a word that differs from the
// one before in every letter: the renderer writes only the cells that
// change.
type counter struct{ n int }

var counts = []string{"zero", "one", "two", "six"}

type bump struct{}

func (c counter) Init() tea.Cmd { return nil }

func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(bump); ok {
		c.n++
	}
	return c, nil
}

func (c counter) View() tea.View {
	v := tea.NewView(counts[c.n])
	v.AltScreen = true
	return v
}

// screen collects what the program writes to its terminal, a pipe here.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) read(r io.Reader) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		s.mu.Lock()
		s.buf.Write(b[:n])
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

func (s *screen) contains(text string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Contains(s.buf.Bytes(), []byte(text))
}

// running is a parked counter program started on a pipe.
type running struct {
	p      *Program
	o      *output
	screen *screen
	cancel context.CancelFunc
	done   chan error
}

func start(t *testing.T, hold time.Duration) *running {
	t.Helper()
	return startAt(t, hold, 120)
}

// startAt is start at fps frames a second.
func startAt(t *testing.T, hold time.Duration, fps int) *running {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := newProgram(ctx, w, counter{}, hold, []tea.ProgramOption{
		tea.WithContext(ctx), tea.WithInput(nil), tea.WithWindowSize(40, 5),
		tea.WithoutSignalHandler(), tea.WithFPS(fps),
	})
	run := &running{p: p, o: p.o, screen: &screen{}, cancel: cancel, done: make(chan error, 1)}
	go run.screen.read(r)
	go func() {
		_, err := p.Run()
		w.Close()
		run.done <- err
	}()
	t.Cleanup(func() {
		cancel()
		<-run.done
		r.Close()
	})
	return run
}

// within polls cond until it holds or the deadline passes.
func within(d time.Duration, cond func() bool) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

func (r *running) holding() bool {
	r.o.mu.Lock()
	defer r.o.mu.Unlock()
	return r.o.release != nil
}

// framed says Bubble Tea has written a frame of its own.
func (r *running) framed() bool {
	r.o.first.take()
	defer r.o.first.giveBack()
	return r.o.first.framed
}

func (r *running) parked(t *testing.T) {
	t.Helper()
	if !within(5*time.Second, r.holding) {
		t.Fatal("the frame goroutine never parked")
	}
}

func (r *running) ended(t *testing.T, d time.Duration) {
	t.Helper()
	select {
	case err := <-r.done:
		r.done <- err
	case <-time.After(d):
		t.Fatalf("the program did not end within %v", d)
	}
}

func TestParksOnceTheScreenIsDrawn(t *testing.T) {
	r := start(t, time.Minute)
	r.parked(t)
	if !r.framed() || !r.screen.contains(counts[0]) {
		t.Error("parked before the first screen was drawn")
	}
	time.Sleep(50 * time.Millisecond)
	if !r.holding() {
		t.Error("the hold ended with no message")
	}
}

func TestAMessageWhileParkedIsDrawnAndParksAgain(t *testing.T) {
	r := start(t, time.Minute)
	for i := 1; i <= 3; i++ {
		r.parked(t)
		r.p.Send(bump{})
		want := counts[i]
		if !within(5*time.Second, func() bool { return r.screen.contains(want) }) {
			t.Fatalf("%q never reached the screen", want)
		}
	}
	r.parked(t)
}

func TestTheMarkerNeverReachesTheTerminal(t *testing.T) {
	r := start(t, time.Minute)
	r.parked(t)
	r.p.Send(bump{})
	r.parked(t)
	r.p.Send(tea.RawMsg{Msg: "raw-output"})
	if !within(5*time.Second, func() bool { return r.screen.contains("raw-output") }) {
		t.Fatal("what the program queued beside the markers was never written")
	}
	r.parked(t)
	if r.screen.contains(marker) {
		t.Error("a marker was written to the terminal")
	}
}

func TestEndsPromptlyWhileParked(t *testing.T) {
	tests := []struct {
		name string
		end  func(r *running)
	}{
		{"quits at once", func(r *running) { r.p.Quit() }},
		{"stops when its context ends", func(r *running) { r.cancel() }},
		{"stops on an interrupt", func(r *running) { r.p.Send(tea.InterruptMsg{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := start(t, time.Minute)
			r.parked(t)
			tt.end(r)
			r.ended(t, 5*time.Second)
		})
	}
}

func TestAKilledProgramWaitsAtMostOneHold(t *testing.T) {
	r := start(t, 100*time.Millisecond)
	r.parked(t)
	go r.p.Kill()
	r.ended(t, 5*time.Second)
	if err := <-r.done; !errors.Is(err, tea.ErrProgramKilled) {
		t.Errorf("Run returned %v, want ErrProgramKilled", err)
	}
	r.done <- nil
}

func TestParksAgainAfterAHoldRunsOut(t *testing.T) {
	r := start(t, 20*time.Millisecond)
	r.parked(t)
	if !within(5*time.Second, func() bool { return !r.holding() }) {
		t.Fatal("the hold never ran out")
	}
	r.parked(t)
}

func TestTheFirstViewIsWrittenBeforeTheFirstFrame(t *testing.T) {
	// At one frame a second Bubble Tea's first frame is a second away.
	r := startAt(t, time.Minute, 1)
	if !within(5*time.Second, func() bool { return r.screen.contains(counts[0]) }) {
		t.Fatal("the first view never reached the terminal")
	}
	if r.framed() {
		t.Error("the first view waited for Bubble Tea's first frame")
	}
}

func TestTheAlternateScreenIsEnteredOnce(t *testing.T) {
	r := startAt(t, time.Minute, 120)
	r.parked(t)
	r.screen.mu.Lock()
	n := bytes.Count(r.screen.buf.Bytes(), []byte(ansi.SetModeAltScreenSaveCursor))
	r.screen.mu.Unlock()
	if n != 1 {
		t.Errorf("the alternate screen was entered %d times, want once", n)
	}
}

func TestAProgramEndedBeforeItsFirstFrameLeavesTheAlternateScreen(t *testing.T) {
	r := startAt(t, time.Minute, 1)
	if !within(5*time.Second, func() bool { return r.screen.contains(counts[0]) }) {
		t.Fatal("the first view never reached the terminal")
	}
	r.cancel()
	r.ended(t, 5*time.Second)
	if !within(5*time.Second, func() bool { return r.screen.contains(ansi.ResetModeAltScreenSaveCursor + ansi.ShowCursor) }) {
		t.Error("the terminal was left on the alternate screen")
	}
}

func TestFirstFrameBytes(t *testing.T) {
	const enter = ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.CursorHomePosition + ansi.EraseEntireScreen
	red := "\x1b[38;2;255;0;0mred\x1b[m"
	tests := []struct {
		name    string
		content string
		height  int
		profile colorprofile.Profile
		want    string
	}{
		{"ends each line with a carriage return and a line feed", "one\ntwo", 5, colorprofile.TrueColor,
			enter + "one\r\ntwo" + ansi.ResetStyle},
		{"keeps no more lines than the window has", "one\ntwo\nthree", 2, colorprofile.TrueColor,
			enter + "one\r\ntwo" + ansi.ResetStyle},
		{"keeps true colour for a true-colour terminal", red, 1, colorprofile.TrueColor,
			enter + red + ansi.ResetStyle},
		{"downsamples colours to the terminal's", red, 1, colorprofile.ANSI,
			enter + "\x1b[91mred\x1b[m" + ansi.ResetStyle},
		{"drops styles for a terminal with none", red, 1, colorprofile.NoTTY,
			enter + "red" + ansi.ResetStyle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(firstFrameBytes(tt.content, tt.height, tt.profile)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
