package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/paths"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/cache"
	"github.com/margin-reader/margin/model/fetch"
	"github.com/margin-reader/margin/model/weblink"
	"github.com/margin-reader/margin/samples"
	"github.com/margin-reader/margin/ui"
	"github.com/margin-reader/margin/ui/park"
	"github.com/margin-reader/margin/ui/watch"
)

// runRead opens the reader on FILE, a URL, standard input ("-", or no
// argument with a pipe or file on standard input) or, with no argument,
// the default sample. When standard output is not a terminal
// it prints the article as `margin render` does.
func runRead(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return read("", args, stdin, stdout, stderr)
}

// runCheck opens the reader in its review queue, which walks the claims
// most worth checking first and resumes where the last review stopped.
func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return read("check", args, stdin, stdout, stderr)
}

// read runs the reader for cmd: "" reads, "check" reviews the claims.
func read(cmd string, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var dir string
	f, err := parseViewFlags(cmd, args, stdin, func(fs *flag.FlagSet) string { return notesDirFlag(fs, &dir) })
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, _, err := terminalSize(stdout); err != nil {
		if cmd == "check" {
			return errors.New("check needs a terminal; margin analyze FILE lists the claims")
		}
		a, err := loadArticle(ctx, f.file, stdin, stderr, model.Options{})
		if err != nil {
			return err
		}
		return printArticle(stdout, a, f)
	}
	pruneCaches(time.Now())
	a, loader, notice, err := openForReading(ctx, f.file, stdin)
	if err != nil {
		return err
	}
	var where annotate.Location
	if a, loader, notice, where, err = locateNotes(ctx, a, loader, notice, paths.NotesDir(dir)); err != nil {
		return err
	}
	size := len(a.Text)
	if loader != nil {
		_, size = loader.Progress()
	}
	// The analysis of a large article makes garbage by the megabyte; a
	// soft limit keeps the heap a few times the article's size at the
	// cost of some GC time while it runs.
	debug.SetMemoryLimit(memoryLimit(size))
	procs := oneProcessorWhileIdle()
	prof := f.profile(stdout)
	opts := ui.Options{
		Width:      f.width,
		NoColor:    prof < colorprofile.ANSI,
		Hyperlinks: true,
		Analyze:    analyzer(),
		Notice:     notice,
		Loader:     loader,
		Review:     cmd == "check",
		Idle:       func(idle bool) { memoryWhileIdle(idle); procs(idle) },
	}
	if a.Path != "" {
		// The sidecar the notes are in may be under an older name; the
		// file watched is that one.
		sidecarPath := where.Sidecar
		if where.Fallback {
			opts.Notice = strings.TrimPrefix(opts.Notice+"; notes from the fallback notes folder: "+sidecarPath, "; ")
		}
		opts.NotesOptions = annotate.Options{Dir: where.Dir, CacheDir: annotate.DefaultCacheDir(), Location: where}
		// The reader opens the notes once its first screen is out (an
		// article loaded in steps: once it is whole), so thousands of
		// them cost the first screen nothing; their file is watched from
		// the start.
		if changes, stop, err := watch.Watch(sidecarPath); err == nil {
			defer stop()
			opts.NotesChanges = changes
		}
		changes, stop, err := watch.Watch(a.Path)
		if err == nil {
			defer stop()
			path := a.Path
			opts.Changes = changes
			opts.Reload = func(ctx context.Context) (*model.Article, error) {
				return model.Open(ctx, path, model.Options{})
			}
		}
	}
	progOpts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(maxFPS)}
	// The profile is known already; passing it spares Bubble Tea a second
	// look at the environment and terminfo before the first screen.
	if f.color == "never" {
		prof = colorprofile.ASCII
	}
	progOpts = append(progOpts, tea.WithColorProfile(prof))
	// terminalSize found a terminal, so stdout is a file.
	tty, ok := stdout.(*os.File)
	if !ok {
		return errors.New("reader: standard output is not a terminal")
	}
	p := park.NewProgram(ctx, tty, ui.New(ctx, a, opts), progOpts...)
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return fmt.Errorf("reader: %w", err)
	}
	return nil
}

// maxFPS is the fastest frame rate Bubble Tea allows: a change reaches
// the screen at most 8 ms after it is drawn, against 17 ms at 60. The
// first screen waits for no frame (ui/park writes it as soon as it is
// drawn), and an idle reader pays nothing for the rate, since its
// ticker is parked.
const maxFPS = 120

// oneProcessorWhileIdle runs Go code on one processor while the reader is
// idle, so that the few wake-ups left (a parked frame ticker's hold
// running out each second, a file watch) wake one thread, not two. The
// analysis and the load run on every processor again after a reload.
func oneProcessorWhileIdle() func(idle bool) {
	busy := runtime.GOMAXPROCS(0)
	return func(idle bool) {
		if idle {
			runtime.GOMAXPROCS(1)
			return
		}
		runtime.GOMAXPROCS(busy)
	}
}

// analyzer returns the reader's background analysis. The models load for
// each analysis, off the path to the first screen, and go with it (the
// tagger's as soon as the entities are in): they hold about 6.5 MB that
// an idle reader has no use for, and loading them again for a reload
// takes tens of milliseconds. Analyses are cached by
// content so reopening an article shows its highlights at once.
func analyzer() ui.AnalyzeFunc {
	return func(ctx context.Context, a *model.Article, progress model.Progress) (*model.Analysis, error) {
		c := analysisCache()
		if c != nil {
			if an, ok := c.Get(a.Hash); ok {
				return an, nil
			}
		}
		an, err := model.AnalyzeOnce(ctx, a, progress)
		if err == nil && c != nil {
			// A cache that cannot be written only costs the next open
			// some time; the reader has its analysis either way.
			_ = c.Put(an)
		}
		return an, err
	}
}

// analysisCache returns the user's analysis cache, versioned by this very
// executable (its path, size and time) so a rebuilt margin never reads an
// older one's analyses; nil if there is no cache directory.
func analysisCache() *cache.Cache {
	dir := analysisCacheDir()
	if dir == "" {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return nil
	}
	return cache.New(dir, fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano()))
}

// fetchURL saves the article at a URL as a local file and returns its
// path, so that notes can sit next to it.
func fetchURL(ctx context.Context, url string) (string, error) {
	dir, err := paths.Data("articles")
	if err != nil {
		return "", fmt.Errorf("open %s: %w", url, err)
	}
	return fetch.Save(ctx, url, dir, time.Now())
}

// openForReading reads the article to show, and says where it came from
// when that is not obvious. A file is read in steps: the first is
// returned with the loader of the rest, nil when there is none.
func openForReading(ctx context.Context, file string, stdin io.Reader) (*model.Article, *model.Loader, string, error) {
	var a *model.Article
	var l *model.Loader
	var err error
	switch {
	case file == "":
		a, notice, err := openSample(ctx)
		return a, nil, notice, err
	case weblink.IsWeb(file):
		path, err := fetchURL(ctx, file)
		if err != nil {
			return nil, nil, "", err
		}
		a, err := model.Open(ctx, path, model.Options{})
		return a, nil, "saved to " + path, err
	case file == "-":
		a, err = loadArticle(ctx, file, stdin, io.Discard, model.Options{})
	default:
		a, l, err = openFirstStep(ctx, file)
	}
	if err != nil {
		return nil, nil, "", err
	}
	return a, l, strings.Join(a.Warnings, "; "), nil
}

// firstStep is how much of a file the first screen waits for: the text
// of a 300-column, 100-row terminal, ten times a common one. Opening 20 MB
// took 14.0 ms for markdown and 18.2 ms for text with 64 KB, 6.5 and 5.2
// ms with 32 KB (traced, medians of 9, load average 19); what the first
// step leaves out follows a moment later.
const firstStep = 32 << 10

// openFirstStep reads the start of the file at path, and no more; the
// loader of the rest is nil when the first step read it all.
func openFirstStep(ctx context.Context, path string) (*model.Article, *model.Loader, error) {
	l, err := model.OpenLoader(path, model.Options{})
	if err != nil {
		return nil, nil, err
	}
	a, done, err := l.Next(ctx, firstStep)
	if err != nil {
		l.Close()
		return nil, nil, err
	}
	a.Path = path
	if done {
		l = nil
	}
	return a, l, nil
}

// locateNotes finds where the notes of first are (annotate.Locate, for
// the notes folder notesDir). first may be the first step of an article
// l loads in steps (l nil when it is whole); when which notes are the
// article's waits for its hash (Location.NeedsHash: notes kept in the
// fallback folder by a margin before paths were recorded, a rare case),
// it reads the rest and locates them again. The reader then starts on
// the whole article, and the notice, first's warnings, says what the
// rest met too (bytes that are not UTF-8, a part read as plain text), as
// the loader the reader no longer has would have. Otherwise it returns
// first, l and notice as they are.
func locateNotes(ctx context.Context, first *model.Article, l *model.Loader, notice, notesDir string) (*model.Article, *model.Loader, string, annotate.Location, error) {
	where := annotate.Locate(first, notesDir)
	if l == nil || !where.NeedsHash {
		return first, l, notice, where, nil
	}
	a, _, err := l.Next(ctx, math.MaxInt)
	if err != nil {
		return nil, nil, "", annotate.Location{}, err
	}
	a.Path = first.Path
	return a, nil, strings.Join(a.Warnings, "; "), annotate.Locate(a, notesDir), nil
}

// openSample opens the default sample from the user's data directory,
// copying it there the first time: notes need a real file to sit next to.
// If that is impossible it opens the embedded copy and says so.
func openSample(ctx context.Context) (*model.Article, string, error) {
	data, err := samples.FS.ReadFile(samples.Default)
	if err != nil {
		return nil, "", fmt.Errorf("read sample: %w", err)
	}
	path, err := copySample(data)
	if err != nil {
		a, perr := model.Parse(ctx, samples.Default, data, model.Options{})
		return a, fmt.Sprintf("sample opened read-only (%v)", err), perr
	}
	a, err := model.Open(ctx, path, model.Options{})
	return a, "sample: " + path, err
}

func copySample(data []byte) (string, error) {
	dir, err := paths.Data("samples")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, samples.Default)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("copy sample: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".sample-*")
	if err != nil {
		return "", fmt.Errorf("copy sample: %w", err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("copy sample: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("copy sample: %w", err)
	}
	return path, nil
}
