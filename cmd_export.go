package main

import (
	"errors"
	"io"
)

func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("export: not built yet")
}
