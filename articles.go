package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/weblink"
	"github.com/margin-reader/margin/samples"
)

// orStdin is the article to read when none is named: standard input when
// it is a pipe or a file (`cat article.txt | margin`, `margin < page.html`),
// as with less, else "" for the sample. A terminal, /dev/null (what a
// program started from a menu or a test gets) or a reader that is not a
// file keep the sample: `cat f | margin` showed the sample and dropped f.
func orStdin(file string, stdin io.Reader) string {
	f, ok := stdin.(*os.File)
	if file != "" || !ok {
		return file
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&fs.ModeNamedPipe == 0 && !fi.Mode().IsRegular() {
		return file
	}
	return "-"
}

// loadArticle reads the article a command names: the embedded sample when
// file is "", standard input for "-", a web page for a URL (saved as a
// local file first, and the user told where on stderr), else the file.
// Warnings about how it was read go to stderr.
func loadArticle(ctx context.Context, file string, stdin io.Reader, stderr io.Writer, opts model.Options) (*model.Article, error) {
	a, err := readArticle(ctx, file, stdin, stderr, opts)
	if err != nil {
		return nil, err
	}
	for _, w := range a.Warnings {
		fmt.Fprintf(stderr, "margin: warning: %s\n", w)
	}
	return a, nil
}

func readArticle(ctx context.Context, file string, stdin io.Reader, stderr io.Writer, opts model.Options) (*model.Article, error) {
	switch {
	case file == "":
		data, err := samples.FS.ReadFile(samples.Default)
		if err != nil {
			return nil, fmt.Errorf("read sample: %w", err)
		}
		return model.Parse(ctx, samples.Default, data, opts)
	case file == "-":
		data, err := model.ReadAll(stdin, "standard input")
		if err != nil {
			return nil, err
		}
		return model.Parse(ctx, "-", data, opts)
	case weblink.IsWeb(file):
		path, err := fetchURL(ctx, file)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(stderr, "margin: saved %s to %s\n", file, path)
		return model.Open(ctx, path, opts)
	}
	a, err := model.Open(ctx, file, opts)
	if errors.Is(err, fs.ErrNotExist) && otherScheme(file) {
		return nil, fmt.Errorf("%w (margin fetches http:// and https:// addresses only)", err)
	}
	return a, err
}

// otherScheme reports whether s is an address of a scheme margin does not
// fetch ("ftp://…", "file://…"): not found as a file, it was meant as one.
// (No regular expression: compiling one would add to every start.)
func otherScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, "://")
	if !ok || scheme == "" {
		return false
	}
	for i, r := range scheme {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '.' || r == '-')) {
			return false
		}
	}
	return true
}
