package reader

import "testing"

func TestSelectionMovesEitherEndByWordAndSentence(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"v starts at the search match", nil, "almost 300"},
		{"w moves the end a word on", []string{"w"}, "almost 300 moorings"},
		{"b moves the end back but not past the start", []string{"b", "b", "b"}, "almost"},
		{"o then b moves the start a word back", []string{"o", "b"}, "paper, almost 300"},
		{"o then w moves the start a word on", []string{"o", "w"}, "300"},
		{"o twice moves the end again", []string{"o", "o", "w"}, "almost 300 moorings"},
		{") takes the end to the sentence's end", []string{")"}, "almost 300 moorings could be lost if the work slips, and several captains warned that insurers may refuse cover."},
		{"o then ( takes the start to the sentence's start", []string{"o", "("}, "According to the local paper, almost 300"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := fixture(t)
			m.SetSize(80, 24)
			m.Search("almost 300")
			m = press(m, append([]string{"v"}, tt.keys...)...)
			s, ok := m.Selecting()
			if !ok {
				t.Fatal("no selection")
			}
			if got := s.In(m.art.Text); got != tt.want {
				t.Errorf("selection %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSelectionWithoutAMatchStartsOnTheFocus(t *testing.T) {
	m := fixture(t)
	m.SetSize(80, 24)
	m = press(m, ")", "v")
	s, _ := m.Selecting()
	f, _ := m.Focus()
	if s != f {
		t.Errorf("selection %v, want the focused sentence %v", s, f)
	}
}

// TestStartingASelectionNamesItsKeys: v says how to move the selection,
// which key writes a note on it and which cancels, by the keys' names.
func TestStartingASelectionNamesItsKeys(t *testing.T) {
	m := fixture(t)
	m.SetSize(80, 24)
	m = press(m, "v")
	n, _ := m.TakeNotice()
	if want := "select: b w words, ( ) sentences, o swaps ends; a notes it, esc cancels"; n.Text != want {
		t.Errorf("v says %q, want %q", n.Text, want)
	}
}
