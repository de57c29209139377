package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/xo/terminfo"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/ui/reader"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// viewFlags are the flags `margin [FILE]` and `margin render` share.
type viewFlags struct {
	width int
	color string
	file  string // "" for the default sample, "-" for stdin (see orStdin)
}

// parseViewFlags reads flags and at most one FILE, in any order, for
// the subcommand cmd ("" for margin itself), and takes stdin for the
// article when no FILE is named and it is piped (orStdin); more registers
// a command's own flags and returns their part of the usage line.
func parseViewFlags(cmd string, args []string, stdin io.Reader, more ...func(*flag.FlagSet) string) (viewFlags, error) {
	var f viewFlags
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.IntVar(&f.width, "width", 0, "the text is at most `N` columns wide")
	fs.StringVar(&f.color, "color", "auto", "colour `WHEN`: auto, always or never")
	usage := strings.Join(strings.Fields("margin "+cmd+" [FILE|URL|-] [--width N] [--color auto|always|never]"), " ")
	for _, register := range more {
		usage += " " + register(fs)
	}
	files, err := parseFlags(fs, usage, args)
	if err != nil {
		return f, err
	}
	switch {
	case len(files) > 1:
		return f, commandError(fs, fmt.Sprintf("one article at a time (got %d)", len(files)))
	case f.width < 0:
		return f, commandError(fs, "--width must be positive")
	case f.color != "auto" && f.color != "always" && f.color != "never":
		return f, commandError(fs, fmt.Sprintf("--color must be auto, always or never, not %q", f.color))
	}
	if len(files) == 1 {
		f.file = files[0]
	}
	f.file = orStdin(f.file, stdin)
	return f, nil
}

// profile is the colour profile for output to w under the --color flag
// and the environment (NO_COLOR, TERM).
func (f viewFlags) profile(w io.Writer) colorprofile.Profile {
	switch f.color {
	case "never":
		return colorprofile.NoTTY
	case "always":
		if p := detectProfile(w); p > colorprofile.NoTTY {
			return p
		}
		return colorprofile.TrueColor
	}
	return monochrome(detectProfile(w), os.Getenv("TERM"))
}

// monochrome lowers p to ASCII (bold, underline and reverse, no colour)
// when the terminfo entry for term lists no colours, as xterm-mono's and
// vt100's do: colorprofile reads only an entry's true-colour flags, calls
// every named terminal ANSI, and in tmux takes tmux's 256 colours over
// what TERM says. An entry that cannot be read changes nothing.
func monochrome(p colorprofile.Profile, term string) colorprofile.Profile {
	if p <= colorprofile.ASCII || term == "" {
		return p
	}
	ti, err := terminfo.Load(term)
	if err != nil {
		return p
	}
	if n, ok := ti.Nums[terminfo.MaxColors]; ok && n >= 8 {
		return p
	}
	return colorprofile.ASCII
}

// detectProfile is colorprofile.Detect(w, os.Environ()). For standard
// output it is what lipgloss detected for it as the program started
// (lipgloss.Writer, from the same output and environment): detecting it
// again reads terminfo again and, in tmux, runs `tmux info` a second
// time before the first screen.
func detectProfile(w io.Writer) colorprofile.Profile {
	if f, ok := w.(*os.File); ok && f == os.Stdout {
		return lipgloss.Writer.Profile
	}
	return colorprofile.Detect(w, os.Environ())
}

func runRender(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	f, err := parseViewFlags("render", args, stdin)
	if err != nil {
		return err
	}
	ctx := context.Background()
	a, err := loadArticle(ctx, f.file, stdin, stderr, model.Options{})
	if err != nil {
		return err
	}
	return printArticle(stdout, a, f)
}

// printArticle writes the article as the reader shows it, header
// included, all of it.
func printArticle(stdout io.Writer, a *model.Article, f viewFlags) error {
	prof := f.profile(stdout)
	mode := theme.Dark
	if prof < colorprofile.ANSI {
		mode = theme.NoColor
	}
	width := f.width
	if width == 0 {
		width = 80
		if w, _, err := terminalSize(stdout); err == nil && w > 0 {
			width = min(width, w)
		}
	}
	bw := bufio.NewWriter(stdout)
	out := &colorprofile.Writer{Forward: bw, Profile: prof}
	lay := render.New(a.Doc, a.Sentences, reader.Header(a))
	p := render.Painter{Theme: theme.New(mode), Hyperlinks: prof > colorprofile.NoTTY}
	if err := render.Print(out, lay, width, p, render.InlineLayer(a.Doc)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

func terminalSize(w io.Writer) (int, int, error) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0, 0, errors.New("not a terminal")
	}
	return term.GetSize(f.Fd())
}
