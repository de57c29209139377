package main

import (
	"errors"
	"io"
)

func runRender(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("render: not built yet")
}
