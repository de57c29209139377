package reader

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/model/span"
)

// startSelection begins a selection on the focused sentence.
func (m *Model) startSelection() tea.Cmd {
	s, ok := m.Focus()
	if !ok {
		return nil
	}
	if !m.pager.Visible(s.Start) {
		m.moveFocus(1)
		s, _ = m.Focus()
	}
	m.selecting = true
	m.selection = s
	k := m.keys
	return notice(fmt.Sprintf("select: %s %s by sentence, %s %s by word, then annotate; %s cancels",
		k.PrevSentence.Help().Key, k.NextSentence.Help().Key, k.ShrinkWord.Help().Key, k.ExtendWord.Help().Key, k.Clear.Help().Key))
}

// selectKey extends or shrinks the selection; it reports whether the key
// was one of the selection's.
func (m *Model) selectKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	ss := m.art.Sentences
	text := m.art.Text
	sel := m.selection
	switch {
	case key.Matches(msg, k.NextSentence):
		i := sentenceAt(ss, sel.End)
		if i >= 0 && ss[i].End > sel.End {
			sel.End = ss[i].End
		} else if i+1 < len(ss) {
			sel.End = ss[i+1].End
		}
	case key.Matches(msg, k.PrevSentence):
		i := sentenceAt(ss, sel.End-1)
		if i > 0 && ss[i-1].End > sel.Start {
			sel.End = ss[i-1].End
		}
	case key.Matches(msg, k.ExtendWord):
		sel.End = nextWordEnd(text, sel.End)
	case key.Matches(msg, k.ShrinkWord):
		if e := prevWordEnd(text, sel.End); e > sel.Start {
			sel.End = e
		}
	default:
		return false
	}
	m.selection = sel
	m.pager.Show(span.Span{Start: sel.End - 1, End: sel.End})
	return true
}

// nextWordEnd returns the end of the word after off.
func nextWordEnd(text string, off int) int {
	i := off
	for i < len(text) && strings.IndexByte(" \n\t", text[i]) >= 0 {
		i++
	}
	for i < len(text) && strings.IndexByte(" \n\t", text[i]) < 0 {
		i++
	}
	return i
}

// prevWordEnd returns the end of the word before the one ending at off.
func prevWordEnd(text string, off int) int {
	i := off
	for i > 0 && strings.IndexByte(" \n\t", text[i-1]) < 0 {
		i--
	}
	for i > 0 && strings.IndexByte(" \n\t", text[i-1]) >= 0 {
		i--
	}
	return i
}
