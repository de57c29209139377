package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/margin-reader/margin/model/markdown"
)

const page = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Lighthouse keeper retires after forty years | Coast News</title>
<meta property="og:site_name" content="Coast News">
<meta property="og:title" content="Lighthouse keeper retires after forty years">
<meta name="author" content="Tomas Reed">
<meta property="article:published_time" content="2024-06-01">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Lighthouse keeper retires after forty years</h1>
<p>After forty years on the rock, the last resident keeper of the north light handed over the keys on Saturday.
The light has been automatic since the spring, and the keeper's cottage will become a small museum run by volunteers.</p>
<p>"I will miss the storms more than the calm days," he said, standing by the lamp room door, where the brass still shines.
He plans to move to the mainland, to a house with a view of the same light.</p>
<p>The museum opens in July. Entry will be free for <em>children</em> and <a href="/visit">details are online</a>.</p>
</article><footer>Copyright Coast News</footer></body></html>`

var now = time.Date(2024, 6, 2, 9, 30, 0, 0, time.UTC)

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func html(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

func TestSaveWritesArticleWithFrontMatter(t *testing.T) {
	var agent string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		agent = r.UserAgent()
		html(page)(w, r)
	})
	dir := t.TempDir()
	path, err := Save(context.Background(), srv.URL+"/2024/keeper", dir, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "127-0-0-1-lighthouse-keeper-retires-after-forty-years.md"); path != want {
		t.Errorf("path = %s, want %s", path, want)
	}
	if !strings.HasPrefix(agent, "margin/") {
		t.Errorf("User-Agent = %q", agent)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, front := markdown.Parse(string(data))
	want := markdown.Front{
		"title":      "Lighthouse keeper retires after forty years",
		"byline":     "Tomas Reed",
		"site":       "Coast News",
		"published":  "2024-06-01",
		"source_url": srv.URL + "/2024/keeper",
		"fetched_at": "2024-06-02T09:30:00Z",
	}
	for k, v := range want {
		if front[k] != v {
			t.Errorf("front %s = %q, want %q", k, front[k], v)
		}
	}
	if !strings.Contains(d.Text, "the last resident keeper") || strings.Contains(d.Text, "Copyright") {
		t.Errorf("saved text = %q", d.Text)
	}
	found := false
	for _, in := range d.Inlines {
		found = found || in.URL == srv.URL+"/visit"
	}
	if !found {
		t.Errorf("the relative link was not resolved: %+v", d.Inlines)
	}
}

func TestSaveNeverOverwritesADifferentFile(t *testing.T) {
	srv := serve(t, html(page))
	dir := t.TempDir()
	name := filepath.Join(dir, "127-0-0-1-lighthouse-keeper-retires-after-forty-years.md")
	if err := os.WriteFile(name, []byte("my own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path, err := Save(context.Background(), srv.URL+"/a", dir, now)
	if err != nil {
		t.Fatal(err)
	}
	if path == name || !strings.HasSuffix(path, "-2.md") {
		t.Errorf("saved to %s", path)
	}
	if data, _ := os.ReadFile(name); string(data) != "my own notes\n" {
		t.Errorf("the existing file was changed to %q", data)
	}
	again, err := Save(context.Background(), srv.URL+"/a", dir, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if again != path {
		t.Errorf("fetching the same article again saved %s, want the earlier %s", again, path)
	}
}

func TestSaveFollowsAFewRedirects(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/hop/%d", &n); err == nil && n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
			return
		}
		html(page)(w, r)
	})
	dir := t.TempDir()
	path, err := Save(context.Background(), srv.URL+"/hop/5", dir, now)
	if err != nil {
		t.Fatalf("5 redirects: %v", err)
	}
	_, front := markdown.Parse(readFile(t, path))
	if front["source_url"] != srv.URL+"/hop/0" {
		t.Errorf("source_url = %q, want the final address", front["source_url"])
	}
	if _, err := Save(context.Background(), srv.URL+"/hop/6", dir, now); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("6 redirects: err = %v", err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestSaveRefuses(t *testing.T) {
	big := strings.Repeat("<p>filler words for a page that is far too long.</p>\n", 200)
	tests := []struct {
		name    string
		handler http.HandlerFunc
		lim     limits
		want    string
	}{
		{"a page over the size cap", html("<html><body>" + big + "</body></html>"), limits{timeout: time.Second, maxBytes: 4096}, "larger than 4096 bytes"},
		{"a server slower than the timeout", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
		}, limits{timeout: 50 * time.Millisecond, maxBytes: 1 << 20}, "timed out"},
		{"an image", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		}, defaultLimits, "image/png is not a web page"},
		{"a missing page", http.NotFound, defaultLimits, "404 Not Found"},
		{"a page without an article", html("<html><body><nav><a href='/'>Home</a></nav></body></html>"), defaultLimits, "no article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.handler)
			dir := t.TempDir()
			_, err := save(context.Background(), srv.URL+"/x", dir, now, tt.lim)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want one mentioning %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q spans lines", err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("a refused fetch left %d files", len(entries))
			}
		})
	}
}

func TestSaveRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/a", "example.com/a", "http://"} {
		if _, err := Save(context.Background(), u, t.TempDir(), now); err == nil {
			t.Errorf("Save(%q) succeeded", u)
		}
	}
}

func TestSaveKeepsPlainText(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("Caf\xe9 notes\nwrapped line.\n\nSecond *paragraph*."))
	})
	path, err := Save(context.Background(), srv.URL+"/notes.txt", t.TempDir(), now)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, "127-0-0-1-notes.md") {
		t.Errorf("path = %s", path)
	}
	d, _ := markdown.Parse(readFile(t, path))
	if d.Text != "Café notes wrapped line.\nSecond *paragraph*." {
		t.Errorf("text = %q", d.Text)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lighthouse keeper retires!", "lighthouse-keeper-retires"},
		{"  Ça va? — Oui  ", "a-va-oui"},
		{"日本語", ""},
		{strings.Repeat("word ", 30), strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
