package fetch

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/margin-reader/margin/model/markdown"
)

// rawServer answers every connection with the same raw HTTP response, so
// the status line can hold bytes net/http would never send.
func rawServer(t *testing.T, response string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				r := bufio.NewReader(conn)
				for {
					line, err := r.ReadString('\n')
					if err != nil || line == "\r\n" {
						break
					}
				}
				conn.Write([]byte(response))
			}()
		}
	}()
	return "http://" + ln.Addr().String() + "/a"
}

func TestServerReplyReachesNoTerminal(t *testing.T) {
	u := rawServer(t, "HTTP/1.1 404 Not \x1b]0;PWNED\x07Found \x1b[2J\u009b31m\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
	_, err := Save(context.Background(), u, t.TempDir(), now)
	if err == nil {
		t.Fatal("a 404 was saved")
	}
	msg := err.Error()
	for _, r := range msg {
		if unicode.IsControl(r) {
			t.Fatalf("error %q carries the control %U", msg, r)
		}
	}
	if !strings.Contains(msg, "404 Not") || !strings.Contains(msg, "Found") {
		t.Errorf("error %q lost the status", msg)
	}
}

func TestSaveRefusesADeclaredTypeBeforeReadingIt(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	start := time.Now()
	_, err := Save(context.Background(), srv.URL+"/report.pdf", t.TempDir(), now)
	if err == nil || err.Error() != "fetch "+srv.URL+"/report.pdf: application/pdf is not a web page or text" {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refusing took %s: the body was read", d)
	}
}

func TestSaveFollowsHTTPToHTTPS(t *testing.T) {
	tlsSrv := httptest.NewTLSServer(html(page))
	t.Cleanup(tlsSrv.Close)
	plain := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, tlsSrv.URL+r.URL.Path, http.StatusMovedPermanently)
	})
	lim := defaultLimits
	lim.transport = tlsSrv.Client().Transport
	path, err := save(context.Background(), plain.URL+"/keeper", t.TempDir(), now, lim)
	if err != nil {
		t.Fatal(err)
	}
	_, front := markdown.Parse(readFile(t, path))
	if front["source_url"] != tlsSrv.URL+"/keeper" {
		t.Errorf("source_url = %q, want the https address", front["source_url"])
	}
}

func TestSaveHonoursTheDeclaredCharset(t *testing.T) {
	body := func(meta string, text []byte) []byte {
		return append([]byte("<html><head>"+meta+"<title>T</title></head><body><article><p>"), append(text, []byte(strings.Repeat(" The survey of the harbour continues through the winter months.", 8)+"</p></article></body></html>")...)...)
	}
	tests := []struct {
		name, ctype string
		page        []byte
		want        string
	}{
		{"a charset in the header", "text/html; charset=iso-8859-7", body("", []byte("\xe1\xe8\xde\xed\xe1")), "αθήνα"},
		{"a charset in a meta tag", "text/html", body(`<meta charset="koi8-r">`, []byte("\xcd\xcf\xd3\xcb\xd7\xc1")), "москва"},
		{"a charset in a meta tag past the first 1024 bytes", "text/html", body("<script>"+strings.Repeat("var archived = true;\n", 60)+`</script><meta charset="koi8-r">`, []byte("\xcd\xcf\xd3\xcb\xd7\xc1")), "москва"},
		{"windows-1252 quotes named in the header", "text/html; charset=windows-1252", body("", []byte("\x93quoted\x94")), "“quoted”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.ctype)
				w.Write(tt.page)
			})
			path, err := Save(context.Background(), srv.URL+"/p", t.TempDir(), now)
			if err != nil {
				t.Fatal(err)
			}
			if d, _ := markdown.Parse(readFile(t, path)); !strings.Contains(strings.ToLower(d.Text), tt.want) {
				t.Errorf("text %.80q lacks %q", d.Text, tt.want)
			}
		})
	}
}

// FuzzFileName checks that whatever the address and title, the saved
// file's name is one plain name inside the articles folder.
func FuzzFileName(f *testing.F) {
	for _, seed := range [][2]string{
		{"https://example.com/a/b", "A title"},
		{"https://example.com/../../etc/passwd", "../../x"},
		{"http://[::1]:8080/%2e%2e%2f%2e%2e/x.html", "..\\..\\boot.ini"},
		{"https://xn--bcher-kva.example/ü", "\x00\x1b[2J/dev/null"},
		{"https://a.example/" + strings.Repeat("long-", 50), strings.Repeat("word ", 40)},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, rawURL, title string) {
		u, err := url.Parse(rawURL)
		if err != nil {
			return
		}
		name := fileName(u, title)
		dir := filepath.FromSlash("/home/reader/articles")
		if filepath.Dir(filepath.Join(dir, name)) != dir {
			t.Fatalf("%q lands outside the folder", name)
		}
		if strings.HasPrefix(name, "-") || strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".md") || len(name) > 130 {
			t.Fatalf("name %q", name)
		}
		for _, r := range strings.TrimSuffix(name, ".md") {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("name %q holds %q", name, r)
			}
		}
	})
}

func TestSaveKeepsWhereAPageWasCut(t *testing.T) {
	huge := strings.Replace(page, "</article>", "</article>"+strings.Repeat("<span>x</span>", 60_000), 1)
	srv := serve(t, html(huge))
	path, err := Save(context.Background(), srv.URL+"/keeper", t.TempDir(), now)
	if err != nil {
		t.Fatal(err)
	}
	d, front := markdown.Parse(readFile(t, path))
	if !strings.Contains(front["cut"], "elements") {
		t.Errorf("front matter cut = %q", front["cut"])
	}
	if !strings.Contains(d.Text, "the last resident keeper") {
		t.Errorf("the article before the cut is lost: %q", d.Text)
	}
}
