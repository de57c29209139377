package decode

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	textenc "golang.org/x/text/encoding"
)

// Page returns a whole web page as UTF-8 text, read in the charset a
// browser would read it in. ctype is the Content-Type header it came
// with ("" for a page saved to disk). See Decoder.Page.
func Page(data []byte, ctype string) (string, error) {
	var d Decoder
	return d.Page(data, ctype)
}

// Page decodes all of a web page at once, in place of Decode, on a
// Decoder that has decoded nothing. The charset is, as a browser takes
// it, the one a byte order mark, then ctype, then an XML declaration at
// the start, then the first <meta> of the head declares. A page is read
// as Bytes reads it (and Invalid says where the first byte that is not
// UTF-8 was) when it declares no charset, or one Bytes tells by itself
// (UTF-8, or Windows-1252, which HTML reads for Latin-1 too), or one
// that cannot be read. It is read as UTF-8 whatever it declares when
// its bytes are UTF-8 (see mostlyUTF8): text in another charset almost
// never is, and a page that is has a wrong declaration.
func (d *Decoder) Page(data []byte, ctype string) (string, error) {
	// A byte order mark or UTF-8 decides before the head is read for a
	// declaration.
	if hasBOM(data) {
		return d.Decode(data, true)
	}
	if mostlyUTF8(data) {
		return d.asUTF8(data)
	}
	enc := declared(data, ctype)
	if enc == nil {
		return d.Decode(data, true)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		// The decoders replace what they cannot read; should one fail
		// all the same, the text is not lost.
		return d.Decode(data, true)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return "", ErrBinary
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

func hasBOM(data []byte) bool {
	return bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)
}

// utf8Margin is how many valid multi-byte UTF-8 sequences a page must
// hold for each byte that starts none to be read as UTF-8 against its
// declaration. By chance, text in another charset forms few: in a
// single-byte charset a high byte is one only when it is a lead byte
// (0xC2-0xF4) followed by just the right number of bytes 0x80-0xBF,
// while accented letters mostly stand alone between ASCII ones, so each
// such text has far more invalid bytes than valid sequences; in the
// double-byte charsets of Chinese, Japanese and Korean both bytes of a
// character are high and chance pairs are commoner, yet a page's bytes
// keep fewer valid sequences than invalid bytes. The pages development
// set's UTF-8 pages, written in fourteen legacy charsets, keep at most
// 0.26 valid sequences per invalid byte in the single-byte ones (1.6 in
// Windows-1252, for a page that already held mojibake) and 0.92 in the
// double-byte ones; its UTF-8 pages damaged in a few places keep 25 to
// 499 for each stray byte. 8 leaves a margin both ways.
const utf8Margin = 8

// mostlyUTF8 reports whether data is UTF-8, perhaps with a few stray
// bytes, holding a character outside ASCII.
func mostlyUTF8(data []byte) bool {
	valid, invalid := countUTF8(data)
	return valid > 0 && valid >= utf8Margin*invalid
}

// asUTF8 decodes all of data as UTF-8, as Decode does once it has chosen
// UTF-8 (each stray byte becomes U+FFFD, and Invalid says where the
// first was), after the same checks of the start for UTF-16 written
// without a byte order mark and for a binary file.
func (d *Decoder) asUTF8(data []byte) (string, error) {
	if _, err := d.decideHead(data, true); err != nil {
		return "", err
	}
	if d.enc == ascii {
		d.enc = utf8Text
	}
	return d.Decode(data, true)
}

// declared returns the encoding the page declares, nil when it declares
// none that Bytes would not read as well.
func declared(data []byte, ctype string) textenc.Encoding {
	// DetermineEncoding reads the byte order mark, the header and the
	// <meta> in the first 1024 bytes, and else guesses between UTF-8 and
	// Windows-1252, which leaves those two names unsure: they fall to
	// the rest of the head.
	enc, name, certain := charset.DetermineEncoding(data, ctype)
	if !certain {
		if e, n := xmlEncoding(data); e != nil {
			enc, name = e, n
		} else if name == "utf-8" || name == "windows-1252" {
			enc, name = headCharset(data)
		}
	}
	switch name {
	case "", "utf-8", "windows-1252", "replacement":
		// "replacement" (ISO-2022-KR, HZ) would make the page one U+FFFD.
		return nil
	}
	return enc
}

// xmlEncoding returns the encoding, and its name, that an XML
// declaration at the start of data names, which browsers honour in HTML
// too; nil if there is none or it names no encoding known to HTML.
func xmlEncoding(data []byte) (textenc.Encoding, string) {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return nil, ""
	}
	decl, _, ok := bytes.Cut(data[:min(len(data), 1024)], []byte("?>"))
	if !ok {
		return nil, ""
	}
	_, rest, ok := bytes.Cut(decl, []byte("encoding"))
	rest = bytes.TrimLeft(rest, " \t\r\n")
	if !ok || !bytes.HasPrefix(rest, []byte("=")) {
		return nil, ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return nil, ""
	}
	label, _, ok := bytes.Cut(rest[1:], rest[:1])
	if !ok {
		return nil, ""
	}
	return charset.Lookup(string(label))
}

// headCharset returns the encoding, and its name, that the first <meta>
// of the head declaring one names, past the 1024 bytes DetermineEncoding
// reads: a browser that meets it later in the head reads the page again
// in it, and saved pages (from a web archive above all) put theirs
// behind kilobytes of scripts. The head ends at its end tag or at the
// first element that belongs to the body.
func headCharset(data []byte) (textenc.Encoding, string) {
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return nil, ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "meta":
				if enc, name := metaCharset(z.Raw()); enc != nil {
					return enc, name
				}
			case "html", "head", "title", "base", "link", "style", "script", "noscript", "template":
			default:
				return nil, ""
			}
		}
	}
}

// metaCharset reads one <meta> tag as DetermineEncoding reads those in
// the first 1024 bytes. A tag declaring no charset gives nil: after it
// comes a declaration of a charset only a page that says it is in
// x-user-defined would name, so that DetermineEncoding's answer is the
// tag's own declaration or that one, never its guess.
func metaCharset(tag []byte) (textenc.Encoding, string) {
	const none = `<meta charset="x-user-defined">`
	if len(tag)+len(none) > 1024 {
		return nil, ""
	}
	enc, name, _ := charset.DetermineEncoding(append(append([]byte(nil), tag...), none...), "")
	if name == "x-user-defined" {
		return nil, ""
	}
	return enc, name
}
