// Package fetch saves a web article as a local markdown file: it downloads
// the page within strict limits, extracts the article and writes it with
// its source and fetch time in front matter, so notes can sit next to it.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/margin-reader/margin/internal/sanitize"
	"github.com/margin-reader/margin/model/decode"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/htmlpage"
	"github.com/margin-reader/margin/model/markdown"
)

// Limits on a fetch.
const (
	Timeout      = 20 * time.Second
	MaxBytes     = 10 << 20
	MaxRedirects = 5
	UserAgent    = "margin/1 (terminal article reader; +https://github.com/margin-reader/margin)"
)

// limits are the bounds one fetch works within; tests shrink them, and
// give a transport that trusts their TLS server.
type limits struct {
	timeout   time.Duration
	maxBytes  int64
	transport http.RoundTripper
}

var defaultLimits = limits{timeout: Timeout, maxBytes: MaxBytes}

// Save fetches the article at rawURL (http or https only) and writes it to
// dir as "<host>-<slug>.md", returning the path. A different file already
// at that name is never replaced: the name gets a numeric suffix. A file
// holding the same article (fetched earlier) is reused.
func Save(ctx context.Context, rawURL, dir string, now time.Time) (string, error) {
	return save(ctx, rawURL, dir, now, defaultLimits)
}

func save(ctx context.Context, rawURL, dir string, now time.Time, lim limits) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("fetch %s: not an http or https address", sanitize.TerminalLine(rawURL))
	}
	page, final, err := download(ctx, u, now, lim)
	if err != nil {
		return "", fmt.Errorf("fetch %s: %w", sanitize.TerminalLine(rawURL), err)
	}
	front := page.Front()
	front["source_url"] = final.String()
	front["fetched_at"] = now.UTC().Format(time.RFC3339)
	content := markdown.Format(page.Doc, front)
	path, err := write(dir, fileName(final, page.Title), content)
	if err != nil {
		return "", fmt.Errorf("save %s: %w", sanitize.TerminalLine(rawURL), err)
	}
	return path, nil
}

// download GETs the page within the limits and extracts its article,
// read at now.
func download(ctx context.Context, u *url.URL, now time.Time, lim limits) (htmlpage.Page, *url.URL, error) {
	ctx, cancel := context.WithTimeout(ctx, lim.timeout)
	defer cancel()
	client := &http.Client{Transport: lim.transport, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return fmt.Errorf("more than %d redirects", MaxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirected to a %s address", req.URL.Scheme)
		}
		return nil
	}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return htmlpage.Page{}, nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		return htmlpage.Page{}, nil, plainError(ctx, err, lim)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// The status line is the server's own text: it may carry
		// escape sequences meant for the user's terminal.
		return htmlpage.Page{}, nil, fmt.Errorf("server answered %s", sanitize.TerminalLine(resp.Status))
	}
	final := resp.Request.URL
	ctype := resp.Header.Get("Content-Type")
	// A declared type is refused before the body is read.
	if ctype != "" {
		if _, err := mediaType(ctype); err != nil {
			return htmlpage.Page{}, nil, err
		}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, lim.maxBytes+1))
	if err != nil {
		return htmlpage.Page{}, nil, plainError(ctx, err, lim)
	}
	if int64(len(body)) > lim.maxBytes {
		return htmlpage.Page{}, nil, fmt.Errorf("page larger than %s", size(lim.maxBytes))
	}
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	media, err := mediaType(ctype)
	if err != nil {
		return htmlpage.Page{}, nil, err
	}
	text, err := decode.Page(body, ctype)
	if err != nil {
		return htmlpage.Page{}, nil, err
	}
	if media == "text/html" || media == "application/xhtml+xml" {
		page, err := htmlpage.Extract(text, final.String(), now)
		return page, final, err
	}
	return htmlpage.Page{Doc: plainDoc(text)}, final, nil
}

// mediaType is the media type of a Content-Type header, refused unless
// margin reads it: a web page, plain text or markdown.
func mediaType(ctype string) (string, error) {
	media, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return "", fmt.Errorf("unreadable content type %q", ctype)
	}
	switch media {
	case "text/html", "application/xhtml+xml", "text/plain", "text/markdown":
		return media, nil
	}
	return "", fmt.Errorf("%s is not a web page or text", media)
}

// plainError says in a few words why a request failed.
func plainError(ctx context.Context, err error, lim limits) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s", lim.timeout)
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Err
	}
	return err
}

func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// plainDoc keeps a text page as paragraphs: blank lines separate them and
// the lines inside one are joined.
func plainDoc(text string) doc.Doc {
	var b doc.Builder
	text = strings.ReplaceAll(text, "\r\n", "\n")
	for para := range strings.SplitSeq(text, "\n\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			continue
		}
		b.StartBlock(doc.Block{Kind: doc.Paragraph})
		b.Write(strings.Join(words, " "))
		b.EndBlock()
	}
	return b.Doc()
}

// fileName is "<host>-<slug>.md", the slug taken from the title or else
// from the last part of the path.
func fileName(u *url.URL, title string) string {
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	s := slug(title)
	if s == "" {
		s = slug(strings.TrimSuffix(filepath.Base(u.Path), filepath.Ext(u.Path)))
	}
	if s == "" {
		s = "article"
	}
	h := slug(host)
	if h == "" {
		h = "page"
	}
	return h + "-" + s + ".md"
}

// slug keeps lower-case ASCII letters and digits, words joined by single
// hyphens, cut at a word end to at most 60 bytes.
func slug(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	var sb strings.Builder
	for _, w := range words {
		if sb.Len() > 0 && sb.Len()+1+len(w) > 60 {
			break
		}
		if sb.Len() > 0 {
			sb.WriteByte('-')
		}
		sb.WriteString(w[:min(len(w), 60)])
	}
	return sb.String()
}

// write creates dir/name, or dir/name-2 and so on when a different file
// has the name. A file with the same article, fetched at another time,
// is kept and its path returned.
func write(dir, name, content string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	base := strings.TrimSuffix(name, ".md")
	for i := 1; i <= 100; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d.md", base, i))
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			if sameArticle(path, content) {
				return path, nil
			}
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.WriteString(content); err != nil {
			f.Close()
			os.Remove(path)
			return "", err
		}
		if err := f.Close(); err != nil {
			os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("%s and 99 numbered copies exist already", name)
}

// sameArticle reports whether the file at path is a regular file holding
// content, fetched at another time. A link, a pipe or a device under the
// name is never read (a pipe would hang): the name is simply taken.
func sameArticle(path, content string) bool {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > int64(2*len(content)+1024) {
		return false
	}
	old, err := os.ReadFile(path)
	return err == nil && withoutFetchTime(string(old)) == withoutFetchTime(content)
}

func withoutFetchTime(s string) string {
	var sb strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		if !strings.HasPrefix(line, "fetched_at:") {
			sb.WriteString(line)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}
