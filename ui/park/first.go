package park

import (
	"bytes"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// firstFrame writes the model's first complete view to the terminal as
// soon as the model has drawn it. Bubble Tea v2.1.1 writes its first frame
// on its frame ticker's first tick, a whole frame after it starts (8.3 ms
// at 120 frames a second), and draws that frame cold (new cell buffers,
// the first pass of its renderer: 2-4 ms more), with no way to ask for it
// sooner. The view is written as Bubble Tea would write it on an empty
// alternate screen; Bubble Tea's own first frame follows a moment later
// and, being its first, starts by clearing the screen and draws the same
// view over it, in one write. Only views on the alternate screen are
// written so: one on the main screen would leave its lines in the
// terminal's scrollback.
type firstFrame struct {
	// size and profile are what Bubble Tea told the program, from the
	// filter; the view is offered once both are known. They and offered
	// are only touched from Bubble Tea's event loop.
	width, height int
	profile       colorprofile.Profile
	sized         bool
	profiled      bool
	offered       bool // a complete view was offered

	// turn orders the first view against Bubble Tea's writes: once
	// Bubble Tea has written a frame of its own the first view is of no
	// use (and would leave its renderer wrong about the cursor). It is a
	// one-slot token rather than a mutex because offer takes it on the
	// event loop and the goroutine that writes the view gives it back.
	// The fields below are touched only while holding it.
	turn    chan struct{}
	painted bool // the first view was written
	framed  bool // Bubble Tea has written a frame of its own
	ended   bool // the program has ended: write nothing more
}

func newFirstFrame() firstFrame { return firstFrame{turn: make(chan struct{}, 1)} }

func (f *firstFrame) take()     { f.turn <- struct{}{} }
func (f *firstFrame) giveBack() { <-f.turn }

// observe notes the size and the colour profile Bubble Tea tells the
// program.
func (f *firstFrame) observe(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		f.width, f.height, f.sized = msg.Width, msg.Height, true
	case tea.ColorProfileMsg:
		f.profile, f.profiled = msg.Profile, true
	}
}

// offer writes v to the terminal through write if it is the first
// complete view and Bubble Tea has not drawn a frame yet. The write runs
// in its own goroutine, so a slow terminal holds up no message; it holds
// the turn, so Bubble Tea's next write waits for it.
func (f *firstFrame) offer(v tea.View, write func([]byte) (int, error)) {
	if f.offered || !f.sized || !f.profiled || v.Content == "" || f.height <= 0 {
		return
	}
	f.offered = true
	f.take()
	if f.framed || f.ended || !v.AltScreen {
		f.giveBack()
		return
	}
	f.painted = true
	b := firstFrameBytes(v.Content, f.height, f.profile)
	go func() {
		defer f.giveBack()
		_, _ = write(b) // Bubble Tea's first frame draws the view again
	}()
}

// ownFrame is called with every write Bubble Tea makes, with the turn held,
// and returns what to write instead. It notes Bubble Tea's first frame,
// which enters the alternate screen, and, when the first view entered it
// already, takes that entry out: entering it twice would save the cursor
// twice, and on a terminal with one place to save it the shell's cursor
// would not come back on leaving.
func (f *firstFrame) ownFrame(b []byte) []byte {
	enter := []byte(ansi.SetModeAltScreenSaveCursor)
	if f.framed || !bytes.Contains(b, enter) {
		return b
	}
	f.framed = true
	if f.painted {
		return bytes.Replace(b, enter, nil, 1)
	}
	return b
}

// leftover is what must be written once the program has ended: the way
// out of the alternate screen when the first view entered it and Bubble
// Tea never drew a frame of its own (a program killed before its first
// tick), since Bubble Tea leaves only a screen it knows it entered.
func (f *firstFrame) leftover() string {
	f.take()
	defer f.giveBack()
	f.ended = true
	if f.painted && !f.framed {
		return ansi.ResetModeAltScreenSaveCursor + ansi.ShowCursor
	}
	return ""
}

// firstFrameBytes is content drawn on a cleared alternate screen with the
// cursor hidden: at most height lines, each ended by CR LF (the terminal
// is raw by now), with colours downsampled to the profile, and the pen
// reset at the end as Bubble Tea's renderer expects it.
func firstFrameBytes(content string, height int, p colorprofile.Profile) []byte {
	var b bytes.Buffer
	b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.CursorHomePosition + ansi.EraseEntireScreen)
	lines := strings.SplitN(content, "\n", height+1)
	lines = lines[:min(len(lines), height)]
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	_, _ = w.WriteString(strings.Join(lines, "\r\n")) // a bytes.Buffer does not fail
	b.WriteString(ansi.ResetStyle)
	return b.Bytes()
}
