package sanitize

import (
	"bytes"
	"io"
	"sync"
)

// LineWriter passes each line written to it through Terminal before it
// reaches the underlying writer, so that a file name or an error message
// holding ESC cannot drive the terminal that shows it. Line breaks are
// kept; a line is held back until its line feed arrives, or until Flush.
// It is safe for concurrent use, so one stream can serve every warning.
type LineWriter struct {
	mu      sync.Mutex
	w       io.Writer
	pending []byte
}

// NewLineWriter returns a LineWriter that writes to w.
func NewLineWriter(w io.Writer) *LineWriter {
	return &LineWriter{w: w}
}

// Write sanitises and writes every complete line of p, keeping a trailing
// partial line for the next Write or Flush.
func (l *LineWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pending = append(l.pending, p...)
	end := bytes.LastIndexByte(l.pending, '\n')
	if end < 0 {
		return len(p), nil
	}
	var out []byte
	for line := range bytes.Lines(l.pending[:end+1]) {
		out = append(out, Terminal(string(bytes.TrimSuffix(line, []byte("\n"))))...)
		out = append(out, '\n')
	}
	l.pending = append(l.pending[:0], l.pending[end+1:]...)
	if _, err := l.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a partial last line, sanitised, if there is one.
func (l *LineWriter) Flush() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.pending) == 0 {
		return nil
	}
	_, err := io.WriteString(l.w, Terminal(string(l.pending)))
	l.pending = l.pending[:0]
	return err
}
