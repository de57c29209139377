package main

import (
	"context"
	"fmt"
	"io"

	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/samples"
)

// maxStdin bounds what margin reads from standard input.
const maxStdin = 256 << 20

// loadArticle reads the article a command names: the embedded sample when
// file is "", standard input for "-", a web page for a URL (saved as a
// local file first, and the user told where on stderr), else the file.
// What loading left out is said on stderr.
func loadArticle(ctx context.Context, file string, stdin io.Reader, stderr io.Writer, opts model.Options) (*model.Article, error) {
	a, err := readArticle(ctx, file, stdin, stderr, opts)
	if err == nil && a.Notice != "" {
		fmt.Fprintf(stderr, "margin: %s: %s\n", sanitize.TerminalLine(a.Name), a.Notice)
	}
	return a, err
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
		data, err := io.ReadAll(io.LimitReader(stdin, maxStdin+1))
		if err != nil {
			return nil, fmt.Errorf("read standard input: %w", err)
		}
		if len(data) > maxStdin {
			return nil, fmt.Errorf("read standard input: larger than %d MB", maxStdin>>20)
		}
		return model.Parse(ctx, "-", data, opts)
	case isURL(file):
		path, err := fetchURL(ctx, file)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(stderr, "margin: saved %s to %s\n", file, path)
		return model.Open(ctx, path, opts)
	}
	return model.Open(ctx, file, opts)
}
