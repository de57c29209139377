// Package keys is margin's one key map. The same bindings drive every
// component's Update and the help screen, so help can never drift from
// what the keys do.
package keys

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/ui/render"
)

// KeyMap holds every key binding of the reader.
type KeyMap struct {
	// Moving through the text, as in less and vim.
	Down, Up, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding
	// The focus: one sentence, the passage notes and explanations are about.
	NextSentence, PrevSentence key.Binding
	// Search.
	Search, NextMatch, PrevMatch, Clear key.Binding
	// The same moves by less's and emacs's keys; only explained, in help,
	// as these keys are bound with the moves above.
	// Wheel only explains that the mouse wheel scrolls the text, Click
	// that a click on the text focuses its sentence.
	MoveLine, MovePage, MoveEnds, Wheel, Click key.Binding
	// Side panel. PanelPages only explains, in help: with the panel open,
	// the text's page keys but space move in its list, as j k do.
	Panel, PanelPrev, Outline, Enter, Filter, PanelPages key.Binding
	// Analysis layers.
	NextEntity, PrevEntity, ToggleEntities key.Binding
	NextClaim, PrevClaim, ToggleClaims     key.Binding
	// The explain box under the text, when it holds more than fits.
	ExplainDown, ExplainUp key.Binding
	// Notes.
	Select, ExtendWord, ShrinkWord, SwapEnds, Annotate, Edit, Delete, Undo, ToggleNotes, Export key.Binding
	// Links and note sources: copy (OSC 52) or open in the browser.
	CopyLink, OpenLink key.Binding
	// The review queue: the claims one at a time, most worth checking
	// first. Verdict sets one of vocab.Verdicts by its number.
	// ReviewDown and ReviewUp scroll a paragraph the window cuts short.
	// ReviewNote writes a note on the claim shown: Annotate's key, bound
	// apart so that the help's group of the queue names it.
	Review, Verdict, ReviewNote, Skip, Back, Order, ReviewDown, ReviewUp, CloseReview key.Binding
	// The notes that need attention after the article changed.
	Attention, NextNote, PrevNote, NextCandidate, PrevCandidate, Accept, Reattach, Orphan, CloseAttention key.Binding
	// The search prompt.
	SearchGo, SearchCancel key.Binding
	// The note editor. SaveFallback works, and shows in its hints, once a
	// save has failed: it keeps the note in annotate.FallbackDir instead.
	// FieldEnter moves on from a one-line field (verdict, tags, sources),
	// where enter did nothing; in the note's text it starts a new line.
	Save, CloseEditor, NextField, PrevField, FieldEnter, VerdictPrev, VerdictNext, VerdictPick, Discard, Keep, SaveFallback key.Binding
	// The program. ForceQuit quits from anywhere, even the help screen;
	// Suspend stops margin from anywhere, as less and vim do.
	Help, Quit, ForceQuit, Suspend key.Binding
}

// Default returns margin's key map.
func Default() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Down:     b("j/↓/enter", "down a line", "j", "down", "ctrl+n", "enter"),
		Up:       b("k/↑", "up a line", "k", "up", "ctrl+p"),
		PageDown: b("space/f/pgdn", "page down", "space", "f", "pgdown", "ctrl+f"),
		PageUp:   b("b/pgup", "page up", "b", "pgup", "ctrl+b"),
		HalfDown: b("d/ctrl+d", "half page down", "d", "ctrl+d"),
		// u is half a page up as in less, except right after D deletes a
		// note or in the notes panel, where it undoes the deletion.
		HalfUp: b("u/ctrl+u", "half page up", "u", "ctrl+u"),
		Top:    b("g/home", "top", "g", "home", "<"),
		Bottom: b("G/end", "bottom", "G", "end", ">"),

		MoveLine:     b("ctrl+n/p", "down, up a line"),
		MovePage:     b("ctrl+f/b", "page down, up"),
		MoveEnds:     b("< >", "top, bottom"),
		Wheel:        b("wheel", "scroll the text or panel"),
		Click:        b("click", "focus the sentence clicked"),
		NextSentence: b(")", "next sentence", ")"),
		PrevSentence: b("(", "previous sentence", "("),

		Search:    b("/", "search", "/"),
		NextMatch: b("n", "next match", "n"),
		PrevMatch: b("N", "previous match", "N"),
		Clear:     b("esc", "clear search, selection, panel", "esc"),

		Panel:      b("tab", "side panel / next tab", "tab"),
		PanelPrev:  b("shift+tab", "previous tab", "shift+tab"),
		Outline:    b("o", "outline", "o"),
		Enter:      b("enter", "jump (again: next mention)", "enter"),
		PanelPages: b("pgdn g G", "panel: by page, to top, end"),
		Filter:     b("F", "panel: filter by kind, verdict, tag", "F"),

		NextEntity:     b("e", "next entity", "e"),
		PrevEntity:     b("E", "previous entity", "E"),
		ToggleEntities: b("1", "entity colours on/off", "1"),
		NextClaim:      b("c", "next claim", "c"),
		PrevClaim:      b("C", "previous claim", "C"),
		ToggleClaims:   b("2", "claim marks on/off", "2"),
		ExplainDown:    b("]", "explain box: scroll down", "]"),
		ExplainUp:      b("[", "explain box: scroll up", "["),

		Select:      b("v", "select from the match or focus (then w b ( ) o)", "v"),
		ExtendWord:  b("w/l/→", "selection: moving end a word on", "w", "l", "right"),
		ShrinkWord:  b("b/h/←", "selection: moving end a word back", "b", "h", "left"),
		SwapEnds:    b("o", "selection: swap which end moves", "o"),
		Annotate:    b("a", "add a note", "a"),
		Edit:        b("A", "edit note at focus", "A"),
		Delete:      b("D", "delete note at focus", "D"),
		Undo:        b("u", "undo deletes one by one (after D, notes panel)", "u"),
		ToggleNotes: b("3", "note marks on/off", "3"),
		Export:      b("x", "export notes to markdown", "x"),

		CopyLink: b("y", "copy the link or note source here", "y"),
		OpenLink: b("O", "open the link or note source here", "O"),

		Review:      b("r", "review the claims one by one", "r"),
		Verdict:     b("1-6", "review: verdict, true … opinion", "1", "2", "3", "4", "5", "6"),
		ReviewNote:  b("a", "review: write a note on the claim", "a"),
		Skip:        b("n/space", "review: skip the claim", "n", "space"),
		Back:        b("N", "review: previous claim", "N"),
		Order:       b("s", "review: article order / most worth checking", "s"),
		ReviewDown:  b("j/↓", "review: scroll a long paragraph down", "j", "down"),
		ReviewUp:    b("k/↑", "review: scroll a long paragraph up", "k", "up"),
		CloseReview: b("esc/r", "review: back to the text", "esc", "r"),

		Attention:      b("!", "notes that need attention", "!"),
		NextNote:       b("j/↓", "attention: next note", "j", "down"),
		PrevNote:       b("k/↑", "attention: previous note", "k", "up"),
		NextCandidate:  b("l/→", "attention: next candidate place", "l", "right"),
		PrevCandidate:  b("h/←", "attention: previous candidate", "h", "left"),
		Accept:         b("enter", "attention: accept the place / show it", "enter"),
		Reattach:       b("t", "attention: re-attach to the selection", "t"),
		Orphan:         b("X", "attention: mark orphaned", "X"),
		CloseAttention: b("esc/!", "attention: back to the text", "esc", "!"),

		SearchGo:     b("enter", "search", "enter"),
		SearchCancel: b("esc", "cancel search", "esc"),

		Save:        b("ctrl+s", "save note", "ctrl+s"),
		CloseEditor: b("esc", "close editor", "esc"),
		NextField:   b("tab", "next field", "tab"),
		PrevField:   b("shift+tab", "previous field", "shift+tab"),
		FieldEnter:  b("enter", "next field, from all but the note", "enter"),
		VerdictPrev: b("←/h", "previous verdict", "left", "h"),
		VerdictNext: b("→/l/space", "next verdict", "right", "l", "space"),
		// The verdicts by their place in annotate.Verdicts, none last.
		VerdictPick: b("1-7", "verdict by number", "1", "2", "3", "4", "5", "6", "7"),
		Discard:     b("y", "discard changes", "y"),
		Keep:        b("n", "keep editing", "n", "esc"),
		// ctrl+o, as no text field of the editor uses it (ctrl+f moves
		// the cursor there).
		SaveFallback: b("ctrl+o", "save to the fallback notes folder", "ctrl+o"),

		Help:      b("?", "help", "?"),
		Quit:      b("q", "quit", "q"),
		ForceQuit: b("ctrl+c", "quit from anywhere (an unsaved note asks first)", "ctrl+c"),
		Suspend:   b("ctrl+z", "suspend (fg resumes)", "ctrl+z"),
	}
}

// ShortHelp is the status bar's hint.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Search, k.Panel, k.NextSentence, k.Help, k.Quit}
}

// Group is a titled column of the help screen.
type Group struct {
	Title    string
	Bindings []key.Binding
}

// Groups is the help screen: every binding, in titled columns.
func (k KeyMap) Groups() []Group {
	return []Group{
		{"moving", []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.MoveLine, k.MovePage, k.MoveEnds, k.Wheel, k.Click, k.NextSentence, k.PrevSentence}},
		{"search, panel, program", []key.Binding{k.Search, k.NextMatch, k.PrevMatch, k.Clear, k.Panel, k.PanelPrev, k.Outline, k.Enter, k.PanelPages, k.Filter, k.Help, k.Quit, k.Suspend}},
		{"entities and claims", []key.Binding{k.NextEntity, k.PrevEntity, k.ToggleEntities, k.NextClaim, k.PrevClaim, k.ToggleClaims, k.ExplainDown, k.ExplainUp}},
		{"notes", []key.Binding{k.Select, k.ExtendWord, k.ShrinkWord, k.SwapEnds, k.Annotate, k.Edit, k.Delete, k.Undo, k.ToggleNotes, k.Export, k.CopyLink, k.OpenLink}},
		{"review queue", []key.Binding{k.Review, k.Verdict, k.ReviewNote, k.Skip, k.Back, k.Order, k.ReviewDown, k.ReviewUp, k.CloseReview}},
		{"notes that need attention", []key.Binding{k.Attention, k.NextNote, k.PrevNote, k.NextCandidate, k.PrevCandidate, k.Accept, k.Reattach, k.Orphan, k.CloseAttention}},
		{"note editor", []key.Binding{k.Save, k.CloseEditor, k.NextField, k.PrevField, k.FieldEnter, k.VerdictPrev, k.VerdictNext, k.VerdictPick, k.SaveFallback, k.ForceQuit}},
	}
}

// FullHelp is every binding in the help screen's columns, as bubbles'
// help.KeyMap has it.
func (k KeyMap) FullHelp() [][]key.Binding {
	var out [][]key.Binding
	for _, g := range k.Groups() {
		out = append(out, g.Bindings)
	}
	return out
}

// WheelLines is how far a notch of the mouse wheel scrolls: lines of the
// text or the help, items of the side panel's list.
const WheelLines = 3

// WheelStep is how far msg scrolls, WheelLines down or -WheelLines up; 0
// for a sideways turn.
func WheelStep(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelDown:
		return WheelLines
	case tea.MouseWheelUp:
		return -WheelLines
	}
	return 0
}

// NotAKey is what the status says of a typed key that does nothing where
// it was pressed, in the text, the review queue or the notes needing
// attention: without a word, such a key reads as one that is broken.
func NotAKey(k tea.KeyPressMsg) string {
	return render.OneLine(k.String()) + " is not a key here: ? lists the keys"
}
