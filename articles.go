package main

import (
	"context"
	"fmt"
	"io"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/samples"
)

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
