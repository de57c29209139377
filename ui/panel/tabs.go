package panel

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/doc"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/model/weblink"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/theme"
)

// Source is what the tabs' lists are built from.
type Source struct {
	Article *model.Article
	// Analysis is nil until it comes; Analysing says one will, and
	// AnalysisErr that it failed.
	Analysis    *model.Analysis
	Analysing   bool
	AnalysisErr bool
	// Notes are the article's notes; NotesOff says none can be kept.
	Notes    []annotate.Note
	NotesOff bool
}

// Tab is one list of the panel, registered as data: a new tab is one more
// entry in Tabs.
type Tab struct {
	Name string
	// Empty is what the tab says when it has no items.
	Empty func(Source) string
	// Items builds the list; it runs when the tab is shown after the
	// source changed, so a long article pays only for the tabs looked at.
	Items func(Source) []Item
	// Say is what the status bar says when mention n (from 0) of item it
	// is shown; nil says nothing for items with one mention, and which
	// mention it is for the others.
	Say func(src Source, it Item, n int) string
}

// The names of the tabs other parts of the reader ask for.
const (
	Outline = "Outline"
	Links   = "Links"
	Notes   = "Notes"
)

// Tabs returns the panel's tabs, in the order tab cycles through them.
func Tabs() []Tab {
	return []Tab{
		{Name: Outline, Empty: fixed("no headings"), Items: outlineItems},
		{Name: Links, Empty: fixed("no links"), Items: linkItems, Say: func(_ Source, it Item, _ int) string { return it.ID }},
		{Name: "Entities", Empty: analysisEmpty("no entities found"), Items: entityItems},
		{Name: "Claims", Empty: analysisEmpty("no contested claims found"), Items: claimItems},
		{Name: Notes, Empty: notesEmpty, Items: noteItems, Say: noteSay},
	}
}

func fixed(s string) func(Source) string { return func(Source) string { return s } }

func analysisEmpty(none string) func(Source) string {
	return func(s Source) string {
		switch {
		case s.AnalysisErr:
			return "analysis failed"
		case s.Analysis != nil:
			return none
		case s.Analysing:
			return "analysing…"
		}
		return "no analysis"
	}
}

func notesEmpty(s Source) string {
	if s.NotesOff {
		return "notes are not available"
	}
	return "no notes yet"
}

func outlineItems(s Source) []Item {
	d := s.Article.Doc
	var items []Item
	for _, b := range d.Blocks {
		if b.Kind == doc.Heading {
			items = append(items, Item{Title: b.In(d.Text), Indent: max(b.Level-1, 0), Spans: []span.Span{b.Span}})
		}
	}
	return items
}

// linkItems lists the links in text order. A link whose words are its
// address (one written out in a plain text, or markdown's bare one) is
// its own title, without the scheme, and names its site: no detail
// beside it repeats the host.
func linkItems(s Source) []Item {
	d := s.Article.Doc
	var items []Item
	for _, in := range d.Inlines {
		// A javascript: or data: link is a script, not a place to go.
		if in.Kind != doc.Link || !render.Followable(in.URL) {
			continue
		}
		words := in.In(d.Text)
		it := Item{Title: words, Detail: hostOf(in.URL), Spans: []span.Span{in.Span}, ID: in.URL}
		if weblink.SpellsOut(words, in.URL) {
			it.Title = words[weblink.WebScheme(words):]
			it.Detail = ""
		}
		items = append(items, it)
	}
	return items
}

// hostOf is the site a link goes to, without a leading "www.": beside a
// link's words in a panel of 26 columns, "www.theguardian.com" left them
// three ("Off…"), and the "www." tells a reader nothing about the site.
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return render.OneLine(u)
	}
	if len(p.Host) > len("www.") && strings.EqualFold(p.Host[:len("www.")], "www.") {
		return p.Host[len("www."):]
	}
	return p.Host
}

// entityItems lists each thing the entities mention once, under its
// label, with its full name and how often it is mentioned, most mentioned
// first; choosing it again walks through its mentions.
func entityItems(s Source) []Item {
	if s.Analysis == nil {
		return nil
	}
	ents := s.Analysis.Entities
	idx := s.Analysis.EntityIndex
	if len(idx.Things) == 0 && len(ents) > 0 {
		idx = entity.NewIndex(s.Article.Text, ents)
	}
	byLabel := map[entity.Label][]entity.Thing{}
	mentions := map[entity.Label]int{}
	for _, th := range idx.Things {
		byLabel[th.Label] = append(byLabel[th.Label], th)
		mentions[th.Label] += len(th.Mentions)
	}
	var items []Item
	for _, term := range vocab.EntityLabels() {
		l := entity.Label(term.Value)
		things := byLabel[l]
		sort.SliceStable(things, func(i, j int) bool { return len(things[i].Mentions) > len(things[j].Mentions) })
		heading, brief := entityHeading(term.Name, len(things), mentions[l])
		for _, th := range things {
			spans := make([]span.Span, len(th.Mentions))
			for i, e := range th.Mentions {
				spans[i] = ents[e].Span
			}
			items = append(items, Item{
				Title: th.Name, Detail: fmt.Sprintf("×%d", len(spans)), Group: heading, GroupBrief: brief,
				Class: theme.EntityClass(string(l)), Spans: spans,
			})
		}
	}
	return items
}

// entityHeading is a label's heading: how many names are listed under
// it and how often they are mentioned, both, since "Places · 33" over a
// list of twelve read as the names' count. Brief fits a 26-column panel:
// "Organisations · 9 (×10)", the mentions in the form each name's take.
func entityHeading(label string, names, mentions int) (full, brief string) {
	full = fmt.Sprintf("%s · %s, %s", label, render.Plural(names, "name"), render.Plural(mentions, "mention"))
	brief = fmt.Sprintf("%s · %d (×%d)", label, names, mentions)
	return full, brief
}

// claimItems lists the claims, most worth checking first: the claim,
// its score (and verdict, once a note gives it one), its kinds beneath;
// they filter by kind.
func claimItems(s Source) []Item {
	if s.Analysis == nil {
		return nil
	}
	claims := append([]claim.Claim(nil), s.Analysis.Claims...)
	sort.SliceStable(claims, func(a, b int) bool { return claims[a].Checkworthiness > claims[b].Checkworthiness })
	items := make([]Item, 0, len(claims))
	for _, c := range claims {
		var kinds []string
		for k := range c.Kinds.All() {
			kinds = append(kinds, vocab.Name(vocab.ClaimKinds(), string(k)))
		}
		it := Item{
			Title:  render.OneLine(c.In(s.Article.Text)),
			Detail: fmt.Sprintf("%.2f", c.Checkworthiness),
			Sub:    strings.Join(kinds, ", "),
			Spans:  []span.Span{c.Span},
			Tags:   kinds,
		}
		if v, ok := verdictOn(s.Notes, c.Span); ok {
			it.Class = theme.NoteClass(v)
			it.Detail = vocab.Name(vocab.Verdicts(), v) + " " + it.Detail
		}
		items = append(items, it)
	}
	return items
}

// verdictOn returns the verdict of the first placed note on s that has one.
func verdictOn(notes []annotate.Note, s span.Span) (string, bool) {
	for _, n := range notes {
		if n.Placed() && n.Verdict != "" && n.Span.Overlaps(s) {
			return string(n.Verdict), true
		}
	}
	return "", false
}

// noteItems lists the notes in the book's (article) order: the start of
// the passage with the verdict, and beneath it where the note stands and
// the start of its text. They filter by
// verdict, status and tag.
func noteItems(s Source) []Item {
	items := make([]Item, 0, len(s.Notes))
	for _, n := range s.Notes {
		passage := n.Quote()
		var spans []span.Span
		if !n.Span.Empty() {
			spans = []span.Span{n.Span}
			passage = n.Span.In(s.Article.Text)
		}
		// A note without a verdict shows nothing beside its passage; F
		// still filters by its name.
		filter := n.Verdict.Name()
		verdict := filter
		if n.Verdict == annotate.None {
			verdict = ""
		}
		items = append(items, Item{
			Title: passage, Detail: verdict, Sub: noteSub(n), Class: theme.NoteClass(string(n.Verdict)), Spans: spans, ID: n.ID,
			Tags: append([]string{filter, string(n.Status)}, n.Tags...),
		})
	}
	return items
}

// noteSub is the line beneath a note: its text, after where it stands
// when that is not "anchored". It has the panel's whole width, so a
// narrow panel keeps both the verdict above and the status here. A note
// that is only a verdict has no text for the status to stand before.
func noteSub(n annotate.Note) string {
	switch {
	case n.Status == annotate.Anchored:
		return n.Text
	case n.Text == "":
		return string(n.Status)
	}
	return string(n.Status) + " · " + n.Text
}

// noteSay tells, when a note that is not placed with confidence is
// chosen, that its place is only a guess, or that it has none, and what
// its passage was.
func noteSay(src Source, it Item, _ int) string {
	for _, n := range src.Notes {
		switch {
		case n.ID != it.ID || n.Placed():
		case n.Span.Empty():
			return fmt.Sprintf("%s: the note's passage is no longer in the text: “%s”", n.Status, render.OneLine(n.Quote()))
		default:
			return fmt.Sprintf("best guess (%s): the note was on “%s”", n.Status, render.OneLine(n.Quote()))
		}
	}
	return ""
}
