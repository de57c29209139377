package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"runtime"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/ui/panel"
	"github.com/margin-reader/margin/ui/reader"
	"github.com/margin-reader/margin/ui/render"
)

// OpenFunc opens a URL in the user's browser.
type OpenFunc func(ctx context.Context, url string) error

// openWithSystem opens u with the platform's opener (xdg-open, or open
// on macOS), waiting for the opener, not the browser.
func openWithSystem(ctx context.Context, u string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	err := exec.CommandContext(ctx, name, u).Run()
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return fmt.Errorf("there is no %s here to open links with; y copies the link instead", name)
	case err != nil:
		return fmt.Errorf("%s failed (%w); y copies the link instead", name, err)
	}
	return nil
}

// focusedURL is the URL the reader means: the link chosen in the links
// panel, else the link at the target or focus, else the first source of
// the note at the focus.
func (m Model) focusedURL() (string, bool) {
	if m.panelOpen && m.panel.Active() == panel.Links {
		if it, ok := m.panel.Selected(); ok && it.ID != "" {
			return it.ID, true
		}
	}
	if u, ok := m.reader.FocusedLink(); ok {
		return u, true
	}
	if n, ok := m.noteAtFocus(); ok && len(n.Sources) > 0 {
		return n.Sources[0], true
	}
	return "", false
}

// copyURL copies the focused URL to the clipboard with OSC 52.
func (m *Model) copyURL() tea.Cmd {
	u, ok := m.focusedURL()
	if !ok {
		m.status.SetMessage("no link or note source here")
		return nil
	}
	m.status.SetMessage("copied " + render.OneLine(u))
	return tea.SetClipboard(u)
}

// openURL opens the focused URL, only when asked, and only a web
// address: a file: or custom scheme from an article is not run.
func (m *Model) openURL() tea.Cmd {
	u, ok := m.focusedURL()
	if !ok {
		m.status.SetMessage("no link or note source here")
		return nil
	}
	if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		m.status.SetError("not opened: " + render.OneLine(u) + " is not a web address")
		return nil
	}
	open, ctx := m.opts.Open, m.ctx
	if open == nil {
		open = openWithSystem
	}
	m.status.SetMessage("opening " + render.OneLine(u) + "…")
	return func() tea.Msg {
		if err := open(ctx, u); err != nil {
			return reader.NoticeMsg{Text: "not opened: " + err.Error(), Error: true}
		}
		return reader.NoticeMsg{Text: "opened " + render.OneLine(u)}
	}
}
