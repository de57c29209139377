package main

import (
	"errors"
	"io"
)

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("analyze: not built yet")
}
