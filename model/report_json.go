package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/margin-reader/margin/internal/sanitize"
)

// textChunk is how many bytes of the article text are encoded at a time.
const textChunk = 64 << 10

// WriteReportJSON writes the Report of a and an (which may be nil) to w
// as one line of JSON, the same bytes as encoding NewReport(a, an) and
// passing them through sanitize.JSON. It streams: each sentence, entity
// and claim is encoded and written on its own, and the text in chunks,
// so that neither the report nor its encoding is ever held whole; for a
// large article they are several times the size of the text.
func WriteReportJSON(w io.Writer, a *Article, an *Analysis) error {
	jw := newJSONWriter(w)
	jw.raw(`{"file":`)
	jw.value(a.Name)
	jw.raw(`,"title":`)
	jw.value(a.Title)
	jw.raw(`,"text":`)
	jw.text(a.Text)
	jw.raw(`,"sentences":[`)
	for i, s := range a.Sentences {
		sr := SentenceReport{Span: s}
		if an != nil && i < len(an.Checkworthiness) {
			sr.Checkworthiness = an.Checkworthiness[i]
		}
		jw.element(i, sr)
	}
	jw.raw(`],"entities":[`)
	if an != nil {
		for i := range an.Entities {
			jw.element(i, entityReport(a.Text, an, i))
		}
	}
	jw.raw(`],"entities_index":[`)
	if an != nil {
		for i, t := range an.EntityIndex.Things {
			jw.element(i, thingReport(t))
		}
	}
	jw.raw(`],"claims":[`)
	if an != nil {
		for i, c := range an.Claims {
			jw.element(i, claimReport(a.Text, an, c))
		}
	}
	jw.raw("]}\n")
	return jw.flush()
}

// jsonWriter writes JSON piece by piece, remembering the first error so
// that the sequence of writes reads straight; each piece goes through
// sanitize.JSON on its way out.
type jsonWriter struct {
	w       *bufio.Writer
	enc     *json.Encoder
	encoded bytes.Buffer // what enc wrote, reused for every value
	buf     []byte       // encoded, sanitised
	err     error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.enc = json.NewEncoder(&jw.encoded)
	// The encoder of `analyze --json` has never escaped <, > and &.
	jw.enc.SetEscapeHTML(false)
	return jw
}

// encode returns v encoded as JSON, without the encoder's line feed; the
// bytes are valid until the next call.
func (jw *jsonWriter) encode(v any) ([]byte, error) {
	jw.encoded.Reset()
	if err := jw.enc.Encode(v); err != nil {
		return nil, err
	}
	b := jw.encoded.Bytes()
	return b[:len(b)-1], nil
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

func (jw *jsonWriter) value(v any) {
	if jw.err != nil {
		return
	}
	b, err := jw.encode(v)
	if err != nil {
		jw.err = err
		return
	}
	jw.buf = sanitize.AppendJSON(jw.buf[:0], b)
	_, jw.err = jw.w.Write(jw.buf)
}

func (jw *jsonWriter) element(i int, v any) {
	if i > 0 {
		jw.raw(",")
	}
	jw.value(v)
}

// text writes s as one JSON string, encoding it in chunks cut at rune
// boundaries: JSON escapes each rune on its own, so the quoted chunks
// with their quotes removed join into the encoding of the whole.
func (jw *jsonWriter) text(s string) {
	jw.raw(`"`)
	for len(s) > 0 && jw.err == nil {
		n := min(len(s), textChunk)
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		b, err := jw.encode(s[:n])
		if err != nil {
			jw.err = err
			return
		}
		jw.buf = sanitize.AppendJSON(jw.buf[:0], b[1:len(b)-1])
		_, jw.err = jw.w.Write(jw.buf)
		s = s[n:]
	}
	jw.raw(`"`)
}

func (jw *jsonWriter) flush() error {
	if jw.err == nil {
		jw.err = jw.w.Flush()
	}
	if jw.err != nil {
		return fmt.Errorf("write JSON report: %w", jw.err)
	}
	return nil
}
