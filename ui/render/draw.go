package render

import (
	"image/color"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/ui/theme"
)

// Painter draws lines in a theme.
type Painter struct {
	Theme *theme.Theme
	// Hyperlinks sends links to the terminal as OSC 8 hyperlinks.
	Hyperlinks bool
}

func (p Painter) role(r Role) lipgloss.Style {
	t := p.Theme
	switch r {
	case RoleHeading1:
		return t.Heading1
	case RoleHeading:
		return t.Heading
	case RoleHeadingPrefix:
		return t.HeadingPrefix
	case RoleCode:
		return t.CodeBlock
	case RoleQuote:
		return t.Quote
	case RoleQuoteBar:
		return t.QuoteBar
	case RoleMarker:
		return t.ListMarker
	case RoleTableHeader:
		return t.TableHeader
	case RoleTableBorder:
		return t.TableBorder
	case RoleTitle:
		return t.Title
	case RoleByline:
		return t.Byline
	case RoleMeta:
		return t.Meta
	}
	return t.Text
}

// Draw appends line ln of text to b with layers merged in; later layers
// win where they set the same attribute.
func (p Painter) Draw(b *strings.Builder, text string, ln Line, layers []*Layer) {
	var marks []*Mark
	var cuts []int
	for _, pc := range ln.Pieces {
		var base attr
		base.over(p.role(pc.Role))
		if !pc.Text {
			base.emit(b, Sanitize(pc.Lit), "")
		} else {
			marks = marks[:0]
			cuts = append(cuts[:0], pc.Start, pc.End)
			for _, l := range layers {
				l.each(pc.Start, pc.End, func(m *Mark) {
					marks = append(marks, m)
					cuts = append(cuts, max(m.Start, pc.Start), min(m.End, pc.End))
				})
			}
			sort.Ints(cuts)
			for i := 0; i+1 < len(cuts); i++ {
				s, e := cuts[i], cuts[i+1]
				if s == e {
					continue
				}
				a, link := base, ""
				for _, m := range marks {
					if m.Start <= s && m.End >= e {
						a.over(p.Theme.Class(m.Class))
						if m.URL != "" {
							link = m.URL
						}
					}
				}
				if !p.Hyperlinks || !SafeURL(link) {
					link = ""
				}
				a.emit(b, Sanitize(text[s:e]), link)
			}
		}
		if pc.Pad > 0 {
			base.emit(b, strings.Repeat(" ", pc.Pad), "")
		}
	}
}

// attr is the merge of the styles that apply to one run.
type attr struct {
	fg, bg, ulColor                      color.Color
	ul                                   lipgloss.Underline
	bold, italic, faint, strike, reverse bool
}

func isColor(c color.Color) bool {
	if c == nil {
		return false
	}
	_, none := c.(lipgloss.NoColor)
	return !none
}

func (a *attr) over(s lipgloss.Style) {
	if c := s.GetForeground(); isColor(c) {
		a.fg = c
	}
	if c := s.GetBackground(); isColor(c) {
		a.bg = c
	}
	if c := s.GetUnderlineColor(); isColor(c) {
		a.ulColor = c
	}
	if u := s.GetUnderlineStyle(); u != lipgloss.UnderlineNone {
		a.ul = u
	}
	a.bold = a.bold || s.GetBold()
	a.italic = a.italic || s.GetItalic()
	a.faint = a.faint || s.GetFaint()
	a.strike = a.strike || s.GetStrikethrough()
	a.reverse = a.reverse || s.GetReverse()
}

func (a attr) sgr() ansi.Style {
	var s ansi.Style
	if a.bold {
		s = s.Bold()
	}
	if a.faint {
		s = s.Faint()
	}
	if a.italic {
		s = s.Italic(true)
	}
	if a.ul != lipgloss.UnderlineNone {
		s = s.UnderlineStyle(a.ul)
	}
	if a.strike {
		s = s.Strikethrough(true)
	}
	if a.reverse {
		s = s.Reverse(true)
	}
	if a.fg != nil {
		s = s.ForegroundColor(a.fg)
	}
	if a.bg != nil {
		s = s.BackgroundColor(a.bg)
	}
	if a.ulColor != nil && a.ul != lipgloss.UnderlineNone {
		s = s.UnderlineColor(a.ulColor)
	}
	return s
}

func (a attr) emit(b *strings.Builder, s, link string) {
	if s == "" {
		return
	}
	st := a.sgr()
	if link != "" {
		b.WriteString(ansi.SetHyperlink(link))
	}
	if len(st) == 0 {
		b.WriteString(s)
	} else {
		b.WriteString(st.String())
		b.WriteString(s)
		b.WriteString(ansi.ResetStyle)
	}
	if link != "" {
		b.WriteString(ansi.ResetHyperlink())
	}
}
