package htmlpage

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on what margin reads of a page. The largest page of the
// development set has about 10,000 elements and 10,000 attributes; these
// leave five and twenty times that, and keep a hostile page's parse tree within tens
// of megabytes. The parser itself refuses more than 512 open elements;
// MaxDepth cuts the page before that.
const (
	MaxElements   = 50_000
	MaxAttributes = 200_000
	MaxDepth      = 400
)

// maxToken is the most the tokenizer holds of one tag or text while
// counting: a tag that long is an attack (the longest attribute list on
// the development set is 337), and the text of a long script is skipped
// rather than held.
const maxToken = 1 << 20

// bounds are the limits bound cuts a page at; tests shrink them.
type bounds struct{ elements, attributes, depth, token int }

var pageBounds = bounds{MaxElements, MaxAttributes, MaxDepth, maxToken}

// bound is a page cut where it passes a bound, and a message saying so
// ("" for a page within them). The depth counted here is the depth of
// the tags as written; the parser closes some implicitly, so cutByDepth
// says whether to cut there too or only to count elements and attributes.
func bound(src string, b bounds, cutByDepth bool) (string, string) {
	c := counter{lim: b}
	z := c.tokenizer(src, 0)
	for {
		tt := z.Next()
		start := c.offset
		if tt == html.ErrorToken {
			if !errors.Is(z.Err(), html.ErrBufferExceeded) {
				return src, ""
			}
			next, ok := c.skipLongToken(src, start)
			if !ok {
				return src[:start], fmt.Sprintf("page cut at a tag longer than %s", byteSize(b.token))
			}
			z = c.tokenizer(src, next)
			continue
		}
		c.offset += len(z.Raw())
		c.count(z, tt)
		if msg := c.past(cutByDepth); msg != "" {
			return src[:start], msg
		}
	}
}

// counter follows a tokenizer through a page.
type counter struct {
	lim                                 bounds
	offset, elements, attributes, depth int
	// rawText is the raw-text element (script, style...) being read: the
	// tokenizer hands its text over in pieces the size of its buffer
	// before it gives up on it.
	rawText string
}

func (c *counter) tokenizer(src string, from int) *html.Tokenizer {
	c.offset = from
	z := html.NewTokenizer(strings.NewReader(src[from:]))
	z.SetMaxBuf(c.lim.token)
	return z
}

func (c *counter) count(z *html.Tokenizer, tt html.TokenType) {
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		c.rawText = ""
		name, more := z.TagName()
		c.elements++
		for more {
			_, _, more = z.TagAttr()
			c.attributes++
		}
		a := atom.Lookup(name)
		if tt == html.StartTagToken && !isVoid(a) {
			c.depth++
		}
		if tt == html.StartTagToken && isRawText(a) {
			c.rawText = a.String()
		}
	case html.EndTagToken:
		c.rawText = ""
		c.depth = max(c.depth-1, 0)
	}
}

// skipLongToken is where counting goes on after a token longer than
// the token bound that starts at start: after a raw-text element's end tag, or
// at the next tag after a long text. A long tag is not skipped.
func (c *counter) skipLongToken(src string, start int) (int, bool) {
	if c.rawText != "" {
		end := strings.Index(strings.ToLower(src[start:]), "</"+c.rawText)
		if end < 0 {
			return 0, false
		}
		c.rawText = ""
		return start + end, true
	}
	if strings.HasPrefix(src[start:], "<") {
		return 0, false
	}
	next := strings.IndexByte(src[start:], '<')
	if next < 0 {
		return len(src), true
	}
	return start + next, true
}

func (c *counter) past(cutByDepth bool) string {
	switch {
	case c.elements > c.lim.elements:
		return fmt.Sprintf("page cut after %d elements, the most margin reads", c.lim.elements)
	case c.attributes > c.lim.attributes:
		return fmt.Sprintf("page cut after %d attributes, the most margin reads", c.lim.attributes)
	case cutByDepth && c.depth > c.lim.depth:
		return fmt.Sprintf("page cut where its elements nest more than %d deep", c.lim.depth)
	}
	return ""
}

// isRawText elements hold text that is not parsed as HTML.
func isRawText(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp, atom.Iframe, atom.Noembed, atom.Noframes:
		return true
	}
	return false
}

// isVoid elements have no end tag and hold nothing.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// parseBounded parses a page within the bounds, cutting it by depth only
// when the parser finds it too deep, and at half that depth while it
// still does: the elements the parser adds (a <tbody> for each <tr>
// written straight in a <table>) nest deeper than the tags as written.
func parseBounded(src string) (*html.Node, string, error) {
	whole, cut := bound(src, pageBounds, false)
	root, err := parseHTML(whole)
	for b := pageBounds; err != nil && tooDeep(err) && b.depth >= minDepth; b.depth /= 2 {
		var kept string
		kept, cut = bound(src, b, true)
		root, err = parseHTML(kept)
	}
	if err != nil {
		return nil, "", fmt.Errorf("parse HTML: %w", err)
	}
	return root, cut, nil
}

// minDepth is the shallowest cut parseBounded tries: a page the parser
// still finds too deep there is no page.
const minDepth = 25

// tooDeep reports the parser's refusal of deep nesting, which it gives
// only as text.
func tooDeep(err error) bool {
	return strings.Contains(err.Error(), "open stack of elements exceeds")
}

func byteSize(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// parseHTML parses a page as a browser without scripts would, so that
// what a <noscript> holds is markup (see openNoscripts).
func parseHTML(src string) (*html.Node, error) {
	root, err := html.ParseWithOptions(strings.NewReader(src), html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, err
	}
	openNoscripts(root)
	return root, nil
}
