// Package theme owns every colour and text style margin shows: the article
// (headings, code, quotes, links, tables), the analysis layers (entities,
// claims, notes), search matches, the focus and the chrome around the text.
// Components ask the theme for styles and never name a colour themselves.
package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/margin-reader/margin/model/vocab"
)

// Mode is the kind of terminal a theme is made for.
type Mode uint8

const (
	// Dark is for light text on a dark background.
	Dark Mode = iota
	// Light is for dark text on a light background.
	Light
	// NoColor uses only bold, italic, underline and reverse, for NO_COLOR
	// and --color=never.
	NoColor
)

func (m Mode) String() string {
	switch m {
	case Light:
		return "light"
	case NoColor:
		return "no-color"
	}
	return "dark"
}

// Theme is a complete set of styles for one Mode.
type Theme struct {
	Mode Mode

	// The article.
	Text, Heading1, Heading, HeadingPrefix, Code, CodeBlock     lipgloss.Style
	Quote, QuoteBar, ListMarker, Link, Emphasis, Strong, Strike lipgloss.Style
	TableHeader, TableBorder, Rule                              lipgloss.Style

	// The header above the article.
	Title, Byline, Meta lipgloss.Style

	// Reading aids.
	Match, Target, Focus, FocusGutter, Selection, Cue lipgloss.Style

	// Chrome.
	StatusBar, StatusTitle, StatusInfo, StatusMessage, StatusError lipgloss.Style
	PanelBorder, PanelTab, PanelTabActive, PanelItem, PanelCursor  lipgloss.Style
	PanelGroup, PanelDim, Explain, ExplainLabel, HelpTitle         lipgloss.Style
	Help                                                           help.Styles
	// Warning is a question that needs an answer, such as "discard?".
	Warning lipgloss.Style
	// Input and Area style the text fields (search, note editor).
	Input textinput.Styles
	Area  textarea.Styles

	entities map[string]lipgloss.Style
	claims   map[string]lipgloss.Style
	verdicts map[string]lipgloss.Style
	classes  map[string]lipgloss.Style
}

// palette is the set of colours one mode is drawn from.
type palette struct {
	text, dim, faint, accent, heading, h1fg, h1bg, code, codeBg, link, rule color.Color
	match, target, targetFg, focus, selection, barBg, barFg                 color.Color
	entity                                                                  map[string]color.Color
	claim                                                                   map[string]color.Color
	verdict                                                                 map[string]color.Color
}

func c(s string) color.Color { return lipgloss.Color(s) }

// The dark palette follows glamour's dark style for the article itself.
var darkPalette = palette{
	text: c("252"), dim: c("245"), faint: c("240"), accent: c("#7AA2F7"),
	heading: c("39"), h1fg: c("228"), h1bg: c("63"), code: c("203"), codeBg: c("236"),
	link: c("#39C5CF"), rule: c("240"),
	match: c("#5C4B00"), target: c("#E5B300"), targetFg: c("#000000"),
	focus: c("#262B36"), selection: c("#34497A"), barBg: c("236"), barFg: c("250"),
	entity: map[string]color.Color{
		"PERSON": c("#FFB86C"), "ORG": c("#79B8FF"), "PLACE": c("#85E89D"),
		"GROUP": c("#D2A8FF"), "DATE": c("#F2CC60"), "NUMBER": c("#FF9CAC"),
	},
	claim: map[string]color.Color{
		"attributed": c("#B4BEFE"), "disputed": c("#FF6B6B"), "hedged": c("#E0AF68"),
		"statistical": c("#7DCFFF"), "prediction": c("#BB9AF7"), "causal": c("#9ECE6A"),
	},
	verdict: map[string]color.Color{
		"": c("#3D3A1E"), "true": c("#1E3D2A"), "mostly-true": c("#2A3B1E"), "misleading": c("#4A3316"),
		"false": c("#4D1F24"), "unverified": c("#2B3245"), "opinion": c("#3A2A4A"),
	},
}

// The light palette follows glamour's light style for the article itself.
var lightPalette = palette{
	text: c("234"), dim: c("242"), faint: c("249"), accent: c("#3451B2"),
	heading: c("27"), h1fg: c("228"), h1bg: c("63"), code: c("160"), codeBg: c("254"),
	link: c("#0A6E7A"), rule: c("249"),
	match: c("#FFF1A8"), target: c("#F5C400"), targetFg: c("#000000"),
	focus: c("#EEF1F6"), selection: c("#C8D8F5"), barBg: c("254"), barFg: c("238"),
	entity: map[string]color.Color{
		"PERSON": c("#B35900"), "ORG": c("#0550AE"), "PLACE": c("#116329"),
		"GROUP": c("#8250DF"), "DATE": c("#7D4E00"), "NUMBER": c("#BF3989"),
	},
	claim: map[string]color.Color{
		"attributed": c("#4B5BBE"), "disputed": c("#CF222E"), "hedged": c("#9A6700"),
		"statistical": c("#0969DA"), "prediction": c("#8250DF"), "causal": c("#1A7F37"),
	},
	verdict: map[string]color.Color{
		"": c("#FBF3C8"), "true": c("#D8F5DD"), "mostly-true": c("#E6F5D0"), "misleading": c("#FCE6C8"),
		"false": c("#FAD4D8"), "unverified": c("#DDE4F2"), "opinion": c("#EBDDF7"),
	},
}

// claimUnderline gives each claim kind its own underline shape, so kinds
// stay distinct from each other and from entity colours even without colour.
var claimUnderline = map[string]lipgloss.Underline{
	"attributed":  lipgloss.UnderlineDotted,
	"disputed":    lipgloss.UnderlineCurly,
	"hedged":      lipgloss.UnderlineDashed,
	"statistical": lipgloss.UnderlineDouble,
	"prediction":  lipgloss.UnderlineSingle,
	"causal":      lipgloss.UnderlineDotted,
}

// New returns the theme for mode.
func New(mode Mode) *Theme {
	if mode == NoColor {
		return noColor()
	}
	p := darkPalette
	if mode == Light {
		p = lightPalette
	}
	s := lipgloss.NewStyle
	t := &Theme{
		Mode:           mode,
		Text:           s().Foreground(p.text),
		Heading1:       s().Foreground(p.h1fg).Background(p.h1bg).Bold(true),
		Heading:        s().Foreground(p.heading).Bold(true),
		HeadingPrefix:  s().Foreground(p.heading),
		Code:           s().Foreground(p.code).Background(p.codeBg),
		CodeBlock:      s().Foreground(p.dim),
		Quote:          s().Foreground(p.dim).Italic(true),
		QuoteBar:       s().Foreground(p.faint),
		ListMarker:     s().Foreground(p.accent),
		Link:           s().Foreground(p.link).Underline(true),
		Emphasis:       s().Italic(true),
		Strong:         s().Bold(true),
		Strike:         s().Strikethrough(true),
		TableHeader:    s().Bold(true).Foreground(p.heading),
		TableBorder:    s().Foreground(p.faint),
		Rule:           s().Foreground(p.rule),
		Title:          s().Bold(true).Foreground(p.heading),
		Byline:         s().Foreground(p.dim).Italic(true),
		Meta:           s().Foreground(p.dim),
		Match:          s().Background(p.match),
		Target:         s().Background(p.target).Foreground(p.targetFg),
		Focus:          s().Background(p.focus),
		FocusGutter:    s().Foreground(p.accent),
		Selection:      s().Background(p.selection),
		Cue:            s().Bold(true).Underline(true),
		StatusBar:      s().Background(p.barBg).Foreground(p.barFg),
		StatusTitle:    s().Background(p.barBg).Foreground(p.barFg).Bold(true),
		StatusInfo:     s().Background(p.barBg).Foreground(p.dim),
		StatusMessage:  s().Background(p.barBg).Foreground(p.accent),
		StatusError:    s().Background(p.barBg).Foreground(p.claim["disputed"]).Bold(true),
		PanelBorder:    s().Foreground(p.faint),
		PanelTab:       s().Foreground(p.dim),
		PanelTabActive: s().Foreground(p.accent).Bold(true).Underline(true),
		PanelItem:      s().Foreground(p.text),
		PanelCursor:    s().Background(p.selection).Foreground(p.text),
		PanelGroup:     s().Foreground(p.heading).Bold(true),
		PanelDim:       s().Foreground(p.dim),
		Explain:        s().Foreground(p.text),
		ExplainLabel:   s().Foreground(p.dim),
		HelpTitle:      s().Foreground(p.heading).Bold(true),
		Help:           help.DefaultStyles(mode == Dark),
		Warning:        s().Foreground(p.claim["disputed"]).Bold(true),
		Input:          textinput.DefaultStyles(mode == Dark),
		Area:           textarea.DefaultStyles(mode == Dark),
		entities:       map[string]lipgloss.Style{},
		claims:         map[string]lipgloss.Style{},
		verdicts:       map[string]lipgloss.Style{},
	}
	for _, l := range vocab.EntityLabels() {
		if col, ok := p.entity[l.Value]; ok {
			t.entities[l.Value] = s().Foreground(col)
		}
	}
	for _, k := range vocab.ClaimKinds() {
		if col, ok := p.claim[k.Value]; ok {
			t.claims[k.Value] = s().UnderlineStyle(claimUnderline[k.Value]).UnderlineColor(col)
		}
	}
	for _, v := range vocab.Verdicts() {
		if col, ok := p.verdict[v.Value]; ok {
			t.verdicts[v.Value] = s().Background(col)
		}
	}
	t.index()
	return t
}

// noColor is the theme for terminals that must not get colour: structure
// and layers are told apart by weight, slant, underline shape and reverse.
func noColor() *Theme {
	s := lipgloss.NewStyle
	plain := s()
	t := &Theme{
		Mode: NoColor, Text: plain,
		Heading1: s().Bold(true).Underline(true), Heading: s().Bold(true), HeadingPrefix: s().Bold(true),
		Code: plain, CodeBlock: plain, Quote: s().Italic(true), QuoteBar: plain, ListMarker: plain,
		Link: s().Underline(true), Emphasis: s().Italic(true), Strong: s().Bold(true),
		Strike: s().Strikethrough(true), TableHeader: s().Bold(true), TableBorder: plain, Rule: plain,
		Title: s().Bold(true), Byline: s().Italic(true), Meta: plain,
		Match: s().Reverse(true), Target: s().Reverse(true).Bold(true), Focus: plain,
		FocusGutter: s().Bold(true), Selection: s().Reverse(true), Cue: s().Bold(true),
		StatusBar: s().Reverse(true), StatusTitle: s().Reverse(true).Bold(true),
		StatusInfo: s().Reverse(true), StatusMessage: s().Reverse(true),
		StatusError: s().Reverse(true).Bold(true),
		PanelBorder: plain, PanelTab: plain, PanelTabActive: s().Bold(true).Underline(true),
		PanelItem: plain, PanelCursor: s().Reverse(true), PanelGroup: s().Bold(true), PanelDim: plain,
		Explain: plain, ExplainLabel: s().Bold(true), HelpTitle: s().Bold(true),
		Help: help.Styles{
			Ellipsis: plain, ShortKey: s().Bold(true), ShortDesc: plain, ShortSeparator: plain,
			FullKey: s().Bold(true), FullDesc: plain, FullSeparator: plain,
		},
		Warning: s().Bold(true),
		// A placeholder is faint: plain, "comma-separated" beside Tags
		// read as tags already typed, and "/search" as a query.
		Input: textinput.Styles{
			Focused: textinput.StyleState{Prompt: s().Bold(true), Placeholder: s().Faint(true)},
			Blurred: textinput.StyleState{Placeholder: s().Faint(true)},
		},
		Area: textarea.Styles{
			Focused: textarea.StyleState{Prompt: s().Bold(true), Placeholder: s().Faint(true)},
			Blurred: textarea.StyleState{Prompt: plain, Placeholder: s().Faint(true)},
		},
		entities: map[string]lipgloss.Style{},
		claims:   map[string]lipgloss.Style{},
		verdicts: map[string]lipgloss.Style{},
	}
	for _, l := range vocab.EntityLabels() {
		t.entities[l.Value] = s().Bold(true)
	}
	for _, k := range vocab.ClaimKinds() {
		if u, ok := claimUnderline[k.Value]; ok {
			t.claims[k.Value] = s().UnderlineStyle(u)
		}
	}
	for _, v := range vocab.Verdicts() {
		t.verdicts[v.Value] = s().Reverse(true)
	}
	t.index()
	return t
}

// Entity returns the style of an entity label (a vocab.EntityLabels value).
func (t *Theme) Entity(label string) lipgloss.Style { return t.entities[label] }

// Claim returns the style of a claim kind (a vocab.ClaimKinds value).
func (t *Theme) Claim(kind string) lipgloss.Style { return t.claims[kind] }

// Verdict returns the style that marks a note with verdict v ("" for none).
func (t *Theme) Verdict(v string) lipgloss.Style {
	if st, ok := t.verdicts[v]; ok {
		return st
	}
	return t.verdicts[""]
}

// Class names the styles that span layers refer to, so a layer can be built
// once and drawn in whichever theme is current.
const (
	ClassEmphasis  = "emphasis"
	ClassStrong    = "strong"
	ClassCode      = "code"
	ClassLink      = "link"
	ClassStrike    = "strike"
	ClassMatch     = "match"
	ClassTarget    = "target"
	ClassFocus     = "focus"
	ClassSelection = "selection"
	ClassCue       = "cue"
)

// EntityClass is the class of an entity label's style.
func EntityClass(label string) string { return "entity:" + label }

// ClaimClass is the class of a claim kind's style.
func ClaimClass(kind string) string { return "claim:" + kind }

// NoteClass is the class of the mark of a note with verdict v.
func NoteClass(v string) string { return "note:" + v }

func (t *Theme) index() {
	t.classes = map[string]lipgloss.Style{
		ClassEmphasis: t.Emphasis, ClassStrong: t.Strong, ClassCode: t.Code, ClassLink: t.Link,
		ClassStrike: t.Strike, ClassMatch: t.Match, ClassTarget: t.Target, ClassFocus: t.Focus,
		ClassSelection: t.Selection, ClassCue: t.Cue,
	}
	for l, st := range t.entities {
		t.classes[EntityClass(l)] = st
	}
	for k, st := range t.claims {
		t.classes[ClaimClass(k)] = st
	}
	for v, st := range t.verdicts {
		t.classes[NoteClass(v)] = st
	}
}

// Class returns the style of a layer class; an unknown class is unstyled.
func (t *Theme) Class(name string) lipgloss.Style { return t.classes[name] }
