package reader

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/model/span"
)

// startSelection begins a selection at the search match (or the last
// jump's target) when it is on screen, else on the focused sentence. Its
// end moves first; o swaps which end moves, as in vim's visual mode.
func (m *Model) startSelection() {
	s, ok := m.selectionStart()
	if !ok {
		m.say("nothing to select: the text has no words")
		return
	}
	m.selecting, m.selection, m.movingStart = true, s, false
	// Each key by its first name (help lists the others): the whole
	// hint then fits the two rows of a 40-column bar, where it lost "a
	// writes a note on it" to the cut.
	k := m.keys
	first := func(b key.Binding) string { return b.Keys()[0] }
	m.say(fmt.Sprintf("select: %s %s words, %s %s sentences, %s swaps ends; %s notes it, %s cancels",
		first(k.ShrinkWord), first(k.ExtendWord), first(k.PrevSentence), first(k.NextSentence),
		first(k.SwapEnds), first(k.Annotate), first(k.Clear)))
}

// selectionStart is what a new selection covers: the target if on
// screen, else the focused sentence (brought on screen first).
func (m *Model) selectionStart() (span.Span, bool) {
	if !m.target.Empty() && m.pager.Visible(m.target.Start) {
		return m.target, true
	}
	s, ok := m.Focus()
	if !ok {
		return span.Span{}, false
	}
	if !m.pager.Visible(s.Start) {
		m.moveFocus(1)
		s, _ = m.Focus()
	}
	return s, true
}

// selectKey moves the selection's moving end by word or sentence, or
// swaps the ends; it reports whether the key was one of the selection's.
// An end never moves onto or past the other.
func (m *Model) selectKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	sel := m.selection
	end := &sel.End
	if m.movingStart {
		end = &sel.Start
	}
	switch {
	case key.Matches(msg, k.SwapEnds):
		m.movingStart = !m.movingStart
	case key.Matches(msg, k.NextSentence):
		*end = m.sentenceEdge(*end, 1)
	case key.Matches(msg, k.PrevSentence):
		*end = m.sentenceEdge(*end, -1)
	case key.Matches(msg, k.ExtendWord):
		*end = m.wordEdge(*end, 1)
	case key.Matches(msg, k.ShrinkWord):
		*end = m.wordEdge(*end, -1)
	default:
		return false
	}
	if sel.Empty() {
		return true
	}
	m.selection = sel
	at := sel.End - 1
	if m.movingStart {
		at = sel.Start
	}
	m.pager.Show(span.Span{Start: at, End: at + 1})
	return true
}

// wordEdge moves the moving end off from off to the next (d > 0) or
// previous word: the end of a word for the selection's end, the start of
// one for its start.
func (m Model) wordEdge(off, d int) int {
	text := m.art.Text
	switch {
	case !m.movingStart && d > 0:
		return nextWordEnd(text, off)
	case !m.movingStart:
		return prevWordEnd(text, off)
	case d > 0:
		return nextWordStart(text, off)
	}
	return prevWordStart(text, off)
}

// sentenceEdge moves the moving end from off to the next (d > 0) or
// previous sentence's end (for the selection's end) or start.
func (m Model) sentenceEdge(off, d int) int {
	ss := m.art.Sentences
	if len(ss) == 0 {
		return off
	}
	if !m.movingStart {
		i := sentenceAt(ss, off)
		switch {
		case d > 0 && ss[i].End > off:
			return ss[i].End
		case d > 0 && i+1 < len(ss):
			return ss[i+1].End
		case d < 0 && ss[i].Start < off && ss[i].End < off:
			return ss[i].End
		case d < 0 && i > 0:
			return ss[i-1].End
		}
		return off
	}
	i := sentenceAt(ss, off)
	switch {
	case d > 0 && ss[i].Start > off:
		return ss[i].Start
	case d > 0 && i+1 < len(ss):
		return ss[i+1].Start
	case d < 0 && ss[i].Start < off:
		return ss[i].Start
	case d < 0 && i > 0:
		return ss[i-1].Start
	}
	return off
}

func isSpace(c byte) bool { return strings.IndexByte(" \n\t", c) >= 0 }

// nextWordEnd returns the end of the word after off.
func nextWordEnd(text string, off int) int {
	i := off
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	for i < len(text) && !isSpace(text[i]) {
		i++
	}
	return i
}

// prevWordEnd returns the end of the word before the one ending at off.
func prevWordEnd(text string, off int) int {
	i := off
	for i > 0 && !isSpace(text[i-1]) {
		i--
	}
	for i > 0 && isSpace(text[i-1]) {
		i--
	}
	return i
}

// nextWordStart returns the start of the word after the one at off.
func nextWordStart(text string, off int) int {
	i := off
	for i < len(text) && !isSpace(text[i]) {
		i++
	}
	for i < len(text) && isSpace(text[i]) {
		i++
	}
	return i
}

// prevWordStart returns the start of the word before off.
func prevWordStart(text string, off int) int {
	i := off
	for i > 0 && isSpace(text[i-1]) {
		i--
	}
	for i > 0 && !isSpace(text[i-1]) {
		i--
	}
	return i
}
