package ui

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/margin-reader/margin/annotate"
	"github.com/margin-reader/margin/internal/doctest"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/model/vocab"
	"github.com/margin-reader/margin/ui/attention"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/panel"
	"github.com/margin-reader/margin/ui/reader"
	"github.com/margin-reader/margin/ui/render"
	"github.com/margin-reader/margin/ui/review"
	"github.com/margin-reader/margin/ui/theme"
)

const article = `The harbour wall will be finished by spring, the council said on Tuesday.

Engineers at Coastline Ltd denied that the schedule was realistic. According to RT Arabic, nearly 600 homes might flood.

The mayor, Ana Reyes, visited the north mole.`

func open(t testing.TB, text string, opts Options) Model {
	t.Helper()
	a, err := model.Parse(context.Background(), "article.txt", []byte(text), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := New(context.Background(), a, opts)
	return step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
}

// step allows 100 ms for a command to answer: under -race, with every
// package's tests sharing two cores, 20 ms once dropped the review queue's
// closing message.
func step(m Model, msg tea.Msg) Model { return stepWithin(m, msg, 100*time.Millisecond) }

// stepWithin delivers msg, then the messages of the commands it returns
// that answer within d (panel jumps, note saves); it leaves the ones that
// wait (the file watch, the analysis delay, cursor blinks) alone.
func stepWithin(m Model, msg tea.Msg, d time.Duration) Model {
	next, cmd := m.Update(msg)
	m = next.(Model)
	for _, out := range runQuick(cmd, d) {
		m = stepWithin(m, out, d)
	}
	return m
}

func runQuick(cmd tea.Cmd, d time.Duration) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		switch msg := msg.(type) {
		case tea.BatchMsg:
			var out []tea.Msg
			for _, c := range msg {
				out = append(out, runQuick(c, d)...)
			}
			return out
		case nil, tea.QuitMsg:
			return nil
		}
		if isResult(msg) {
			return []tea.Msg{msg}
		}
	case <-time.After(d):
	}
	return nil
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m = step(m, keyMsg(k))
	}
	return m
}

// pressAndWait presses k and waits for what its command sends back, for
// keys whose commands write to disk.
func pressAndWait(m Model, k string) Model { return stepWithin(m, keyMsg(k), 5*time.Second) }

func typeText(m Model, s string) Model {
	for _, r := range s {
		m = step(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return m
}

func screen(m Model) string { return ansi.Strip(m.View().Content) }

// statusBar is the screen's last row, the status bar's.
func statusBar(m Model) string {
	s := screen(m)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func TestSearchFindsAndCountsMatches(t *testing.T) {
	m := open(t, article, Options{})
	m = press(m, "/")
	m = typeText(m, "rt arabic")
	m = press(m, "enter")
	s := screen(m)
	if !strings.Contains(s, "1/1") {
		t.Errorf("status does not show 1/1:\n%s", s)
	}
	got, ok := m.reader.Matches().Span()
	if !ok || got.In(m.reader.Article().Text) != "RT Arabic" {
		t.Fatalf("current match = %q", got.In(m.reader.Article().Text))
	}
	if f, _ := m.reader.Focus(); !f.Covers(got) {
		t.Errorf("the focus %v does not hold the match %v", f, got)
	}
	m = press(m, "esc")
	if m.reader.Matches().Len() != 0 || strings.Contains(screen(m), "1/1") {
		t.Errorf("esc did not clear the search")
	}
}

func TestSearchWithoutMatchSaysSo(t *testing.T) {
	m := open(t, article, Options{})
	m = press(m, "/")
	m = typeText(m, "zebra")
	m = press(m, "enter")
	if !strings.Contains(screen(m), "not found: zebra") {
		t.Errorf("no message for a failed search:\n%s", screen(m))
	}
}

func TestFocusMovesBySentence(t *testing.T) {
	m := open(t, article, Options{})
	first := focusIndex(m)
	m = press(m, ")", ")")
	if got := focusIndex(m); got != first+2 {
		t.Errorf("after ) ) the focus is sentence %d, want %d", got, first+2)
	}
	m = press(m, "(")
	if got := focusIndex(m); got != first+1 {
		t.Errorf("after ( the focus is sentence %d, want %d", got, first+1)
	}
}

func TestScrollKeysMoveAndClamp(t *testing.T) {
	long := strings.Repeat("A line of text that goes on for a while and then stops.\n\n", 400)
	m := open(t, long, Options{})
	m = press(m, "j", "j", "j")
	if m.reader.Pager().Top().Line == 0 && m.reader.Pager().Top().Unit == 0 {
		t.Fatal("j did not scroll")
	}
	m = press(m, "G")
	if m.reader.Pager().Percent() != 100 {
		t.Errorf("G shows %d%%, want 100%%", m.reader.Pager().Percent())
	}
	m = press(m, "space")
	if m.reader.Pager().Percent() != 100 {
		t.Errorf("space past the end moved off the end")
	}
	m = press(m, "g")
	if m.reader.Pager().Top() != (render.Pos{}) {
		t.Errorf("g did not go to the top")
	}
}

// fakeAnalysis finds fixed phrases in the loaded text, as an analyser
// would, so the layers land where the reader shows those words.
func fakeAnalysis() AnalyzeFunc {
	return func(_ context.Context, a *model.Article, _ model.Progress) (*model.Analysis, error) {
		at := func(s string) span.Span {
			i := strings.Index(a.Text, s)
			return span.Span{Start: i, End: i + len(s)}
		}
		said := at("the council said on Tuesday")
		return &model.Analysis{
			Hash: a.Hash,
			Entities: []entity.Entity{
				{Span: at("council"), Label: entity.Org},
				{Span: at("Tuesday"), Label: entity.Date},
				{Span: at("Coastline Ltd"), Label: entity.Org},
				{Span: at("RT Arabic"), Label: entity.Org},
				{Span: at("nearly 600"), Label: entity.Number},
				{Span: at("Ana Reyes"), Label: entity.Person},
			},
			Claims: []claim.Claim{
				{Span: at("The harbour wall will be finished by spring, the council said on Tuesday."),
					Kinds: claim.KindsOf(claim.Attributed, claim.Prediction), Checkworthiness: 0.4,
					Cues:   []claim.Cue{{Span: at("said"), Kind: claim.Attributed}, {Span: at("will"), Kind: claim.Prediction}},
					Source: &claim.Source{Span: span.Span{Start: said.Start, End: said.Start + len("the council")}}},
				{Span: at("According to RT Arabic, nearly 600 homes might flood."),
					Kinds: claim.KindsOf(claim.Hedged, claim.Statistical), Checkworthiness: 0.9,
					Cues:   []claim.Cue{{Span: at("might"), Kind: claim.Hedged}},
					Source: &claim.Source{Span: at("RT Arabic")}},
			},
		}, nil
	}
}

// analysed opens the article and delivers its fake analysis, as the
// background command would.
func analysed(t *testing.T) Model {
	f := fakeAnalysis()
	m := open(t, article, Options{Analyze: f})
	an, _ := f(context.Background(), m.reader.Article(), nil)
	return step(m, analysisMsg{hash: m.reader.Article().Hash, an: an})
}

func TestEntityKeysWalkTheEntitiesInOrder(t *testing.T) {
	m := analysed(t)
	var got []string
	for range 7 {
		m = press(m, "e")
		got = append(got, m.reader.Target().In(m.reader.Article().Text))
	}
	want := "council|Tuesday|Coastline Ltd|RT Arabic|nearly 600|Ana Reyes|council"
	if strings.Join(got, "|") != want {
		t.Errorf("e walks %q, want %q", strings.Join(got, "|"), want)
	}
	m = press(m, "E")
	if m.reader.Target().In(m.reader.Article().Text) != "Ana Reyes" {
		t.Errorf("E went to %q, want Ana Reyes", m.reader.Target().In(m.reader.Article().Text))
	}
}

func TestClaimKeysExplainTheFocusedClaim(t *testing.T) {
	m := analysed(t)
	m = press(m, "c", "c")
	s := screen(m)
	for _, want := range []string{"hedged, statistical", "check-worthiness 0.90", "“might”", "said by: RT Arabic"} {
		if !strings.Contains(s, want) {
			t.Errorf("explanation lacks %q:\n%s", want, s)
		}
	}
	m = press(m, "2")
	if strings.Contains(screen(m), "check-worthiness") {
		t.Errorf("2 did not hide the claims")
	}
}

func TestEntityPanelGroupsByLabelAndCyclesMentions(t *testing.T) {
	f := fakeAnalysis()
	m := open(t, article+" The council met again.", Options{Analyze: f})
	an, _ := f(context.Background(), m.reader.Article(), nil)
	text := m.reader.Article().Text
	second := strings.LastIndex(text, "council")
	an.Entities = append(an.Entities, entity.Entity{Span: span.Span{Start: second, End: second + len("council")}, Label: entity.Org})
	m = step(m, analysisMsg{hash: m.reader.Article().Hash, an: an})
	m = press(m, "tab", "tab", "tab")
	if m.panel.Active() != "Entities" {
		t.Fatalf("tab tab tab shows %v, want Entities", m.panel.Active())
	}
	s := screen(m)
	if !strings.Contains(s, "Organisations · 3 (×4)") || !strings.Contains(s, "×2") {
		t.Errorf("entity panel lacks the group count or mention count:\n%s", s)
	}
	m = press(m, "j", "enter")
	first := m.reader.Target()
	m = press(m, "enter")
	if m.reader.Target() == first || m.reader.Target().In(text) != "council" {
		t.Errorf("enter again did not move to the next mention of council: %v then %v", first, m.reader.Target())
	}
}

func TestClaimsPanelRanksByCheckworthiness(t *testing.T) {
	m := press(analysed(t), "tab", "tab", "tab", "tab")
	if m.panel.Active() != "Claims" {
		t.Fatalf("four tabs show %v, want Claims", m.panel.Active())
	}
	it, ok := m.panel.Selected()
	if !ok || !strings.HasPrefix(it.Title, "According to RT Arabic") {
		t.Errorf("the first claim listed is %q, want the one scored 0.9", it.Title)
	}
}

func TestOutlineJumpsToHeadings(t *testing.T) {
	body := strings.Repeat("Filler paragraph that pushes the heading down the page a long way.\n\n", 80)
	a, err := model.Parse(context.Background(), "a.md", []byte("# Top\n\n"+body+"## Far down\n\nThe end."), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := step(New(context.Background(), a, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, "o")
	if m.panel.Active() != panel.Outline {
		t.Fatalf("o opened %v", m.panel.Active())
	}
	it, ok := m.panel.Selected()
	if !ok {
		t.Skip("the markdown loader gives no headings yet")
	}
	m = press(m, "j", "enter")
	it, _ = m.panel.Selected()
	if !strings.Contains(screen(m), it.Title) || !strings.Contains(it.Title, "Far down") {
		t.Errorf("enter on %q did not show it:\n%s", it.Title, screen(m))
	}
}

func TestResizeKeepsTheTopTextInView(t *testing.T) {
	long := strings.Repeat("Sentence one is here. Sentence two follows it closely and says more.\n\n", 300)
	m := open(t, long, Options{})
	m = press(m, "space", "space", "space")
	off := m.reader.Pager().TopOffset()
	m = step(m, tea.WindowSizeMsg{Width: 60, Height: 30})
	if !m.reader.Pager().Visible(off) {
		t.Errorf("after resizing, offset %d is off screen", off)
	}
}

func TestReloadKeepsThePosition(t *testing.T) {
	long := strings.Repeat("Paragraph about the tides, which rise and fall twice a day.\n\n", 300)
	m := open(t, long+"Marker sentence near the end.", Options{})
	m = press(m, "G")
	edited := "A new first paragraph.\n\n" + long + "Marker sentence near the end."
	a, _ := model.Parse(context.Background(), "article.txt", []byte(edited), model.Options{})
	m = step(m, reloadedMsg{a: a})
	if !strings.Contains(screen(m), "Marker sentence") {
		t.Errorf("after reload the end is no longer shown:\n%s", screen(m))
	}
}

// TestHelpShowsEveryKeyAtAnySize scrolls through the help screen and
// checks that every binding of the key map is shown on the way, its
// description whole on one line from 60 columns up.
func TestHelpShowsEveryKeyAtAnySize(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {40, 12}, {100, 30}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := step(open(t, article, Options{}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = press(m, "?")
			seen := screen(m)
			// A page at a time down to the end, however long the help grows.
			for prev := ""; screen(m) != prev; {
				prev = screen(m)
				m = press(m, "space")
				seen += screen(m)
			}
			for _, b := range m.keys.FullHelp() {
				for _, k := range b {
					h := k.Help()
					want := h.Desc
					if size[0] < 60 {
						want = h.Key
					}
					if !strings.Contains(seen, want) {
						t.Errorf("help never shows %q (%s)", h.Desc, h.Key)
					}
				}
			}
		})
	}
}

// TestHelpLegendFollowsTheBackground: the legend is drawn when help
// opens, in the theme of the terminal's background as last reported,
// every entity label, claim kind and verdict in its colour.
func TestHelpLegendFollowsTheBackground(t *testing.T) {
	m := open(t, article, Options{})
	m = step(m, tea.BackgroundColorMsg{Color: color.White})
	m = press(m, "?", "G")
	light := theme.New(theme.Light)
	for _, row := range legend(light) {
		for _, it := range row.Items {
			if !strings.Contains(m.View().Content, it) {
				t.Errorf("the help's legend has no %q in the light theme:\n%s", ansi.Strip(it), screen(m))
			}
		}
	}
	if n := len(legend(light)[0].Items); n != len(vocab.EntityLabels()) {
		t.Errorf("the legend shows %d entity labels, want %d", n, len(vocab.EntityLabels()))
	}
}

func TestNotesAddDeleteUndoAndExport(t *testing.T) {
	dir := t.TempDir()
	a, book := fileBook(t, dir, article, "test")
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, "a")
	if m.editor == nil {
		t.Fatal("a did not open the note editor")
	}
	m = typeText(m, "Check the date.")
	m = saveEditor(t, m)
	if n := len(book.Notes()); n != 1 {
		t.Fatalf("the book has %d notes, want 1", n)
	}
	if !strings.Contains(screen(m), "note saved") {
		t.Errorf("the status does not say the note was saved:\n%s", screen(m))
	}
	m = pressAndWait(m, "D")
	if len(book.Notes()) != 0 {
		t.Fatal("D did not delete the note")
	}
	m = pressAndWait(m, "u")
	if len(book.Notes()) != 1 {
		t.Fatal("u right after D did not undo the deletion")
	}
	m = pressAndWait(m, "x")
	if _, err := os.Stat(filepath.Join(dir, "article.txt.notes.jsonl")); err != nil {
		t.Errorf("no sidecar beside the article: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.txt.notes.md")); err != nil {
		t.Errorf("x did not write the worksheet beside the sidecar: %v", err)
	}
	if !strings.Contains(screen(m), "1 note exported") {
		t.Errorf("the status does not count the exported note:\n%s", screen(m))
	}
}

// TestUndoBringsBackEveryDeletedNoteNewestFirst deletes three notes in
// the notes panel and two at the focus: u brought back only the last
// of them, the others were lost to the reader.
func TestUndoBringsBackEveryDeletedNoteNewestFirst(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	for _, q := range []string{"harbour wall", "Coastline Ltd", "north mole"} {
		if _, err := book.Add(annotate.Note{Text: "On " + q + ".", Span: doctest.Find(t, a.Text, q)}); err != nil {
			t.Fatal(err)
		}
	}
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m.openPanel(panel.Notes)
	m.refresh()
	for range 3 {
		m = pressAndWait(m, "D")
	}
	if n := len(book.Notes()); n != 0 {
		t.Fatalf("three D's in the notes panel left %d notes, want 0", n)
	}
	m = pressAndWait(m, "u")
	if ns := book.Notes(); len(ns) != 1 || ns[0].Text != "On north mole." {
		t.Fatalf("the first u brought back %v, want the last note deleted", ns)
	}
	if !strings.Contains(screen(m), "u brings back the one deleted before") {
		t.Errorf("after the first u the bar does not say another can come back:\n%s", screen(m))
	}
	m = pressAndWait(m, "u")
	m = pressAndWait(m, "u")
	if n := len(book.Notes()); n != 3 {
		t.Fatalf("three u's brought back %d of 3 notes", n)
	}
	m.panelOpen = false
	m.refresh()
	m = press(m, "g")
	m = pressAndWait(m, "D")
	m = press(m, ")")
	if f, _ := m.reader.Focus(); !strings.Contains(f.In(a.Text), "Coastline") {
		t.Fatalf(") did not focus the sentence of the second note: %q", f.In(a.Text))
	}
	m = pressAndWait(m, "D")
	m = pressAndWait(m, "u")
	m = pressAndWait(m, "u")
	if n := len(book.Notes()); n != 3 {
		t.Errorf("D, D at the focus, then u, u, left %d of 3 notes", n)
	}
}

// TestEditingOneOfTwoNotesHereSaysSo puts two notes on overlapping
// passages of one sentence: A opened one of them without a word that
// the other was there.
func TestEditingOneOfTwoNotesHereSaysSo(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	for _, c := range []struct{ quote, text string }{{"harbour wall will be finished", "Which wall?"}, {"finished by spring", "Which spring?"}} {
		if _, err := book.Add(annotate.Note{Text: c.text, Span: doctest.Find(t, a.Text, c.quote)}); err != nil {
			t.Fatal(err)
		}
	}
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, "g", "A")
	if m.editor == nil {
		t.Fatal("A on a sentence with two notes opened no editor")
	}
	if msg := m.status.Message(); !strings.Contains(msg, "one of 2 notes here") || !strings.Contains(msg, "notes panel") {
		t.Errorf("A over two notes says %q, want it to say there are two and how to choose", msg)
	}
	m = press(m, "esc", ")", "a")
	m = saveEditor(t, typeText(m, "Only note here."))
	m = press(m, "A")
	if msg := m.status.Message(); strings.Contains(msg, "notes here") {
		t.Errorf("A over a sentence with one note says %q", msg)
	}
}

// saveEditor presses ctrl+s in the editor and delivers what it sends.
func saveEditor(t *testing.T, m Model) Model { return editorCtrl(t, m, 's') }

// editorCtrl presses ctrl and r in the editor and delivers the result of
// the save it starts.
func editorCtrl(t *testing.T, m Model, r rune) Model {
	t.Helper()
	next, cmd := m.Update(tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl})
	m = next.(Model)
	if cmd == nil {
		t.Fatalf("ctrl+%c sent nothing", r)
	}
	for _, out := range runQuick(cmd, time.Second) {
		m = stepWithin(m, out, time.Second)
	}
	return m
}

// TestQuickKeysSayWhatTheyDidInOrder delivers keys one after another
// without running their commands, as Bubble Tea does when keys come
// faster than its command goroutines: the bar must already say what the
// last key did. Sent as commands, two quick c's left "claim 1/2" (or,
// racing, "2/13" over claim 3) in the bar.
func TestQuickKeysSayWhatTheyDidInOrder(t *testing.T) {
	m := open(t, article, Options{Analyze: fakeAnalysis()})
	m = step(m, analysisMsg{hash: m.reader.Article().Hash, an: mustAnalysis(t, m)})
	for _, c := range []struct {
		keys []string
		want string
	}{
		{[]string{"c", "c"}, "claim 2/2"},
		{[]string{"c", "C", "C"}, "claim 1/2"},
		{[]string{"e", "e", "e"}, "entity 3/6"},
		{[]string{"1", "1"}, "entity colours on"},
		{[]string{"v", "esc"}, "selection cancelled"},
		{[]string{"n"}, "no search yet"},
	} {
		m = deliver(m, c.keys)
		if bar := statusBar(m); !strings.Contains(bar, c.want) {
			t.Errorf("after %v the bar says %q, want %q", c.keys, bar, c.want)
		}
	}
}

// TestQuickEntersInThePanelJumpInOrder: two enters on an entity in the
// panel, delivered without running commands, show its second mention
// and say so; sent as commands, they could land in either order.
func TestQuickEntersInThePanelJumpInOrder(t *testing.T) {
	m := withAnalysis(t, article+" Reyes said the wall would hold.", Options{})
	m.openPanel("Entities")
	m.refresh()
	it, ok := m.panel.Selected()
	for i := 0; ok && len(it.Spans) < 2 && i < 20; i++ {
		m = deliver(m, []string{"j"})
		it, ok = m.panel.Selected()
	}
	if len(it.Spans) < 2 {
		t.Fatalf("no entity with two mentions in the panel:\n%s", screen(m))
	}
	m = deliver(m, []string{"enter", "enter"})
	if bar := statusBar(m); !strings.Contains(bar, "mention 2 of") {
		t.Errorf("after two enters in the entities panel the bar says %q, want mention 2", bar)
	}
	if m.reader.Target() != it.Spans[1] {
		t.Errorf("after two enters the target is %v, want the second mention %v", m.reader.Target(), it.Spans[1])
	}
}

// deliver hands each key to m in turn without running their commands.
func deliver(m Model, keys []string) Model {
	for _, k := range keys {
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
	}
	return m
}

// mustAnalysis runs the fake analysis on m's article.
func mustAnalysis(t *testing.T, m Model) *model.Analysis {
	t.Helper()
	an, err := fakeAnalysis()(context.Background(), m.reader.Article(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// TestInitStartsTheAnalysisAfterTheFirstScreen follows the commands Init
// returns: one of them, after a short wait, asks for the analysis, and the
// analysis it starts is delivered for this article.
func TestInitStartsTheAnalysisAfterTheFirstScreen(t *testing.T) {
	m := open(t, article, Options{Analyze: fakeAnalysis()})
	batch, ok := m.Init()().(tea.BatchMsg)
	if !ok {
		t.Fatal("Init does not return a batch of commands")
	}
	var start tea.Msg
	for _, cmd := range batch {
		if cmd == nil {
			continue
		}
		if msg, ok := runWithin(cmd, time.Second).(analyzeMsg); ok {
			start = msg
		}
	}
	if start == nil {
		t.Fatal("no command of Init starts the analysis")
	}
	_, cmd := m.Update(start)
	if cmd == nil {
		t.Fatal("the start message runs no analysis")
	}
	batch, ok = cmd().(tea.BatchMsg)
	if !ok {
		t.Fatal("the analysis starts without its reports of progress")
	}
	var got analysisMsg
	for _, c := range batch {
		if msg, isAnalysis := runWithin(c, time.Second).(analysisMsg); isAnalysis {
			got = msg
		}
	}
	if got.err != nil || got.hash != m.reader.Article().Hash || len(got.an.Entities) == 0 {
		t.Fatalf("analysis = %+v, want this article's entities", got)
	}
}

// runWithin runs cmd and returns its message, or nil if it takes longer
// than d (the file watch waits for ever).
func runWithin(cmd tea.Cmd, d time.Duration) tea.Msg {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(d):
		return nil
	}
}

// TestTinyWindowsDrawWithoutPanicking draws the reader at every small size
// in each of its modes: a terminal can be resized to anything.
func TestTinyWindowsDrawWithoutPanicking(t *testing.T) {
	modes := []struct {
		name string
		keys []string
		want string // what is drawn once the window grows back
	}{
		{"reading", nil, "harbour"},
		{"with the panel", []string{"tab"}, "harbour"},
		{"with a claim explained", []string{"c"}, "harbour"},
		{"with the help", []string{"?"}, "margin: keys"},
		{"searching", []string{"/"}, "harbour"},
	}
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			m := analysed(t)
			for _, k := range mode.keys {
				m = press(m, k)
			}
			for w := 0; w <= 6; w++ {
				for h := 0; h <= 6; h++ {
					m = step(m, tea.WindowSizeMsg{Width: w, Height: h})
					_ = m.View()
				}
			}
			m = step(m, tea.WindowSizeMsg{Width: 100, Height: 30})
			if !strings.Contains(ansi.Strip(m.View().Content), mode.want) {
				t.Errorf("%q is not drawn again after the window grows back", mode.want)
			}
		})
	}
}

func TestHeaderNamesTheSource(t *testing.T) {
	a := &model.Article{Path: "/news/today/story.txt"}
	if got := reader.Header(a).Source; got != "story.txt" {
		t.Errorf("Source = %q, want the file's name", got)
	}
	a.SourceURL = "https://example.com/story"
	if got := reader.Header(a).Source; got != a.SourceURL {
		t.Errorf("Source = %q, want the page it came from", got)
	}
	if got := reader.Header(&model.Article{Name: "-"}).Source; got != "" {
		t.Errorf("Source = %q for standard input, want none", got)
	}
}

// TestNotesFromAnotherWindowShowUp has a second window add a note to the
// same article; when the sidecar changes, the first window shows it.
func TestNotesFromAnotherWindowShowUp(t *testing.T) {
	a, mine := fileBook(t, t.TempDir(), article, "me")
	theirs, err := annotate.Open(a, annotate.Options{Author: "them"})
	if err != nil {
		t.Fatal(err)
	}
	m := step(New(context.Background(), a, Options{Notes: mine}), tea.WindowSizeMsg{Width: 100, Height: 30})
	quote := strings.Index(a.Text, "Engineers")
	if _, err := theirs.Add(annotate.Note{Span: span.Span{Start: quote, End: quote + len("Engineers")}, Text: "Which engineers?"}); err != nil {
		t.Fatal(err)
	}
	m = step(m, notesChangedMsg{})
	if n := len(mine.Notes()); n != 1 {
		t.Fatalf("the first window's book has %d notes after the change, want 1", n)
	}
	if !strings.Contains(screen(m), "notes updated") {
		t.Errorf("the status does not say the notes changed:\n%s", screen(m))
	}
	m = press(m, "tab")
	m.panel.Show(panel.Notes)
	m.panel.Prepare()
	if it, ok := m.panel.Selected(); !ok || it.ID != mine.Notes()[0].ID {
		t.Errorf("the notes panel does not list the other window's note:\n%s", screen(m))
	}
}

// isResult reports whether msg is the answer of a command that a test
// delivers at once: a jump, the editor's save or close, the result of a
// side effect.
func isResult(msg tea.Msg) bool {
	switch msg.(type) {
	case notesMsg, reader.NoticeMsg, review.VerdictMsg, review.SeenMsg, loadedMsg, notesOpenedMsg:
		return true
	}
	return false
}

// TestANewerAnalysisCancelsTheOneInFlight starts two analyses of the same
// article: the first one's context is cancelled when the second starts,
// and its late answer is not taken.
func TestANewerAnalysisCancelsTheOneInFlight(t *testing.T) {
	ctxs := make(chan context.Context, 2)
	slow := func(ctx context.Context, a *model.Article, _ model.Progress) (*model.Analysis, error) {
		ctxs <- ctx
		<-ctx.Done()
		return nil, ctx.Err()
	}
	m := open(t, article, Options{Analyze: slow})
	next, cmd := m.Update(analyzeMsg{hash: m.reader.Article().Hash})
	m = next.(Model)
	first, _ := analysisCmds(t, cmd)
	firstDone := make(chan tea.Msg, 1)
	go func() { firstDone <- first() }()
	firstCtx := <-ctxs
	next, _ = m.Update(analyzeMsg{hash: m.reader.Article().Hash})
	m = next.(Model)
	select {
	case <-firstCtx.Done():
	case <-time.After(time.Second):
		t.Fatal("starting a second analysis did not cancel the first")
	}
	m = step(m, <-firstDone)
	if strings.Contains(screen(m), "analysis") {
		t.Errorf("the cancelled analysis's error is shown:\n%s", screen(m))
	}
}

// focusIndex is the number of the focused sentence.
func focusIndex(m Model) int {
	f, _ := m.reader.Focus()
	return slices.Index(m.reader.Article().Sentences, f)
}

// TestCtrlCInTheEditorAsksBeforeLosingANote types a note and presses
// ctrl+c: the editor asks, y discards the note and quits, n keeps both.
func TestCtrlCInTheEditorAsksBeforeLosingANote(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 80, Height: 24})
	m = typeText(press(m, "a"), "Unsaved thought")
	ctrlC := tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	next, cmd := m.Update(ctrlC)
	m = next.(Model)
	if cmd != nil || m.editor == nil || !strings.Contains(screen(m), "Discard unsaved changes?") {
		t.Fatalf("ctrl+c with an unsaved note did not ask first:\n%s", screen(m))
	}
	kept := press(m, "n")
	if kept.editor == nil || kept.quitting {
		t.Errorf("n did not keep the editor open")
	}
	next, cmd = m.Update(keyMsg("y"))
	m = next.(Model)
	if m.editor != nil || cmd == nil {
		t.Fatal("y after ctrl+c did not close the editor at once")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("y after ctrl+c did not quit")
	}
}

// fileBook writes text to article.txt in dir and opens it with its notes
// book, recorded as author: notes need an article read from a file.
func fileBook(t *testing.T, dir, text, author string) (*model.Article, *annotate.Book) {
	t.Helper()
	path := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := model.Open(context.Background(), path, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	book, err := annotate.Open(a, annotate.Options{Author: author})
	if err != nil {
		t.Fatal(err)
	}
	return a, book
}

// failInAReadOnlyFolder presses ctrl+s in the editor and answers the
// save as annotate does for an article whose folder cannot be written:
// the fallback folder is offered. Root writes a folder without write
// permission, so the answer is given rather than met (the folder itself is
// in TestTheFallbackIsOfferedOnlyWhereAnnotateOffersIt, run as a user).
func failInAReadOnlyFolder(t *testing.T, m Model, book *annotate.Book) Model {
	t.Helper()
	next, _ := m.Update(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	fallback, err := annotate.FallbackDir()
	if err != nil {
		t.Fatal(err)
	}
	failed := &annotate.UnwritableError{Path: book.Path(), Fallback: fallback, Err: syscall.EACCES}
	return step(next.(Model), notesMsg{editor: true, err: fmt.Errorf("note not saved: %w", failed), show: reader.NoSpan})
}

// TestAFailedSaveKeepsTheNoteForTheFallbackFolder has the save fail in a
// folder that cannot be written: the editor keeps the text and shows why,
// esc asks first, and ctrl+o saves the note to the fallback notes folder
// and says where.
func TestAFailedSaveKeepsTheNoteForTheFallbackFolder(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	a, book := fileBook(t, t.TempDir(), article, "test")
	opts := Options{Notes: book, NotesOptions: annotate.Options{Author: "test"}}
	m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = failInAReadOnlyFolder(t, typeText(press(m, "a"), "Check the date."), book)
	if m.editor == nil {
		t.Fatal("the editor closed although the save failed")
	}
	if got := m.editor.Note().Text; got != "Check the date." || !strings.Contains(m.editor.View(), "not saved") {
		t.Fatalf("after the failed save the editor has %q and shows:\n%s", got, m.editor.View())
	}
	if asked := press(m, "esc"); asked.editor == nil || !strings.Contains(screen(asked), "Discard unsaved changes?") {
		t.Errorf("esc after the failed save did not ask first:\n%s", screen(asked))
	}
	m = editorCtrl(t, m, 'o')
	if m.editor != nil {
		t.Fatalf("ctrl+o did not save and close:\n%s", screen(m))
	}
	want := annotate.SidecarPath(a.Path, filepath.Join(data, "margin", "notes"))
	if msg := m.status.Message(); !strings.Contains(msg, want) {
		t.Errorf("the status does not say the note went to %s: %q", want, msg)
	}
	saved, err := annotate.Open(a, annotate.Options{Dir: filepath.Dir(want)})
	if err != nil || len(saved.Notes()) != 1 || saved.Notes()[0].Text != "Check the date." {
		t.Fatalf("the fallback folder does not hold the note (err %v)", err)
	}
}

// TestTheFallbackIsOfferedOnlyWhereAnnotateOffersIt fails a save for
// real: in a read-only article folder ctrl+o is offered and saves to the
// fallback folder; a sidecar that is there but cannot be written (0444,
// a symbolic link, a named pipe) is not offered it, as notes saved there
// would be split from its own: the editor keeps the note, ctrl+o does
// nothing and nothing is written in the fallback folder.
func TestTheFallbackIsOfferedOnlyWhereAnnotateOffersIt(t *testing.T) {
	root := os.Geteuid() == 0
	for _, tc := range []struct {
		name    string
		asUser  bool // root writes it all the same
		offered bool
		unwrite func(t *testing.T, dir, sidecar string)
	}{
		{"a read-only article folder", true, true, func(t *testing.T, dir, _ string) { chmod(t, dir, 0o555, 0o755) }},
		{"a 0444 sidecar", true, false, func(t *testing.T, _, sidecar string) {
			if err := os.WriteFile(sidecar, nil, 0o444); err != nil {
				t.Fatal(err)
			}
		}},
		{"a symbolic link", false, false, func(t *testing.T, _, sidecar string) {
			if err := os.Symlink(filepath.Join(t.TempDir(), "target.jsonl"), sidecar); err != nil {
				t.Fatal(err)
			}
		}},
		{"a named pipe", false, false, func(t *testing.T, _, sidecar string) {
			if err := syscall.Mkfifo(sidecar, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.asUser && root {
				t.Skip("root can write it")
			}
			data := t.TempDir()
			t.Setenv("XDG_DATA_HOME", data)
			dir := t.TempDir()
			a, book := fileBook(t, dir, article, "test")
			tc.unwrite(t, dir, book.Path())
			opts := Options{Notes: book, NotesOptions: annotate.Options{Author: "test"}}
			m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
			m = saveEditor(t, typeText(press(m, "a"), "Check the date."))
			if m.editor == nil || m.editor.Note().Text != "Check the date." {
				t.Fatalf("the editor did not keep the note after the failed save:\n%s", screen(m))
			}
			lines := strings.Split(ansi.Strip(m.editor.View()), "\n")
			if hint := lines[len(lines)-1]; strings.Contains(hint, "ctrl+o") != tc.offered {
				t.Fatalf("the hints offer ctrl+o %v, want %v: %q", !tc.offered, tc.offered, hint)
			}
			m = stepWithin(m, tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}, time.Second)
			_, err := os.Stat(filepath.Join(data, "margin", "notes", "article.txt.notes.jsonl"))
			if tc.offered && (m.editor != nil || err != nil) {
				t.Errorf("ctrl+o did not save to the fallback folder (%v):\n%s", err, screen(m))
			}
			if !tc.offered && (m.editor == nil || m.editor.Note().Text != "Check the date." || !os.IsNotExist(err)) {
				t.Errorf("ctrl+o not offered still closed the editor or wrote the fallback (%v):\n%s", err, screen(m))
			}
		})
	}
}

// chmod sets path's mode to mode for the test and back to after.
func chmod(t *testing.T, path string, mode, after os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(path, after) })
}

// TestANoteSavedToTheFallbackFolderIsShown saves a note its folder
// refuses (as in the test above) to the fallback folder:
// with no notes in the book it could not be saved in, the fallback's
// notes are shown, the note among them, and the next note goes there at
// once; where the book has notes, they stay shown and the status says how
// to see the fallback's.
func TestANoteSavedToTheFallbackFolderIsShown(t *testing.T) {
	for _, tc := range []struct {
		name      string
		withNotes bool
	}{{"a sidecar with no notes", false}, {"a sidecar with notes", true}} {
		t.Run(tc.name, func(t *testing.T) {
			data := t.TempDir()
			t.Setenv("XDG_DATA_HOME", data)
			a, book := fileBook(t, t.TempDir(), article, "test")
			if tc.withNotes {
				if _, err := book.AddOn(a.Text, annotate.Note{Span: doctest.Find(t, a.Text, "north mole"), Text: "Which mole?"}); err != nil {
					t.Fatal(err)
				}
			}
			opts := Options{Notes: book, NotesOptions: annotate.Options{Author: "test"}}
			m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 100, Height: 30})
			m = editorCtrl(t, failInAReadOnlyFolder(t, typeText(press(m, "a"), "Check the date."), book), 'o')
			if m.editor != nil {
				t.Fatalf("ctrl+o did not save and close:\n%s", screen(m))
			}
			shown := strings.Contains(screen(m), "Check the date.")
			if msg := m.status.Message(); tc.withNotes && (shown || !strings.Contains(msg, "--notes-dir")) {
				t.Errorf("with notes in the sidecar, the fallback's note is shown (%v) or the status does not say how to see it: %q", shown, msg)
			}
			if tc.withNotes {
				return
			}
			if !shown {
				t.Fatalf("the note saved to the fallback folder is not shown:\n%s", screen(m))
			}
			m = saveEditor(t, typeText(press(m, "j", "j", "j", "j", "j", "a"), "Second."))
			if m.editor != nil || !strings.Contains(m.status.Message(), "saved") {
				t.Fatalf("the next note was not saved to the fallback folder: %q\n%s", m.status.Message(), screen(m))
			}
			saved, err := annotate.Open(a, annotate.Options{Dir: filepath.Join(data, "margin", "notes")})
			if err != nil || len(saved.Notes()) != 2 {
				t.Errorf("the fallback folder does not hold both notes (err %v)", err)
			}
		})
	}
}

// TestALongMessageTakesASecondRowOfTheStatusBar says something too long
// for one row of a narrow bar: in a window with rows to spare the bar
// takes two and the message reads on into the second, the screen still
// exactly the window; in a very small window it keeps one row; the next
// key clears it and gives the row back to the text.
func TestALongMessageTakesASecondRowOfTheStatusBar(t *testing.T) {
	const msg = "best guess (needs-review): the note was on “His surrogates”"
	for _, tc := range []struct {
		name    string
		w, h    int
		rows    int
		message string
	}{
		{"a 40x12 window gives it two rows", 40, 12, 2, msg},
		{"an 80x24 window has room in one", 80, 24, 1, msg},
		{"a 40x6 window keeps one row for the text", 40, 6, 1, "best guess (needs-review): the not…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := step(open(t, article, Options{}), tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
			m = step(m, reader.NoticeMsg{Text: msg})
			lines := strings.Split(screen(m), "\n")
			if len(lines) != tc.h {
				t.Fatalf("the screen is %d rows, not %d:\n%s", len(lines), tc.h, screen(m))
			}
			bar := strings.Join(strings.Fields(strings.Join(lines[tc.h-tc.rows:], " ")), " ")
			if !strings.Contains(bar, tc.message) || tc.rows == 2 && strings.Contains(lines[tc.h-3], "best guess") {
				t.Errorf("the last %d rows do not read %q:\n%s", tc.rows, tc.message, screen(m))
			}
			m = press(m, "j")
			if got := len(strings.Split(screen(m), "\n")); got != tc.h || strings.Contains(screen(m), "best guess") {
				t.Errorf("after a key the screen is %d rows and still has the message:\n%s", got, screen(m))
			}
		})
	}
}

// TestTheExplainBoxLeavesAColumnBeforeThePanel opens the side panel in
// windows of a few widths and explains a claim: no line of the text or of
// the explain box runs into the panel's border.
func TestTheExplainBoxLeavesAColumnBeforeThePanel(t *testing.T) {
	// 64 columns is the narrowest window with the panel beside the text.
	for _, w := range []int{64, 80, 100} {
		t.Run(fmt.Sprintf("%d columns", w), func(t *testing.T) {
			m := press(step(analysed(t), tea.WindowSizeMsg{Width: w, Height: 20}), "tab", "c")
			if !strings.Contains(screen(m), "cues:") {
				t.Fatalf("the test needs a claim explained:\n%s", screen(m))
			}
			for _, line := range strings.Split(screen(m), "\n") {
				left, _, beside := strings.Cut(line, "│")
				if beside && !strings.HasSuffix(left, " ") {
					t.Errorf("a line runs into the panel's border: %q\n%s", line, screen(m))
				}
			}
		})
	}
}

// TestANarrowWindowDrawsThePanelOverTheText opens the claims panel in
// windows too narrow for it beside the text: it takes the window, says
// how to leave it, makes way for the claim enter jumps to and for a key
// that acts on the text, and comes back as it was. At 40 columns, beside
// it, the text was 18 columns wide and the claims were cut to a word.
func TestANarrowWindowDrawsThePanelOverTheText(t *testing.T) {
	for _, w := range []int{40, 63} {
		t.Run(fmt.Sprintf("%d columns", w), func(t *testing.T) {
			m := step(analysed(t), tea.WindowSizeMsg{Width: w, Height: 12})
			m.panel.Show("Claims")
			m = press(m, "tab")
			body := strings.Split(screen(m), "\n")
			for _, line := range body[:len(body)-1] {
				if !strings.HasPrefix(line, "│") {
					t.Fatalf("a row of the panel over the text is not the panel's: %q\n%s", line, screen(m))
				}
			}
			if !strings.Contains(screen(m), "According to RT Arabic, nearly") || !strings.Contains(statusBar(m), "esc back") {
				t.Errorf("the panel over the text does not show a claim whole or say how to leave:\n%s", screen(m))
			}
			it, _ := m.panel.Selected()
			m = press(m, "enter")
			if m.panelOpen || !strings.Contains(screen(m), "Engineers at Coastline Ltd") || m.reader.Target() != it.Spans[0] {
				t.Fatalf("enter did not show the claim chosen (%q) in the text:\n%s", it.Title, screen(m))
			}
			m = press(m, "tab")
			if again, _ := m.panel.Selected(); !m.panelOpen || m.panel.Active() != "Claims" || again.ID != it.ID {
				t.Errorf("tab after enter: open %v on %q at %q, want the claims at %q again", m.panelOpen, m.panel.Active(), again.Title, it.Title)
			}
			if m = press(m, ")"); m.panelOpen {
				t.Errorf(") with the panel over the text left it there:\n%s", screen(m))
			}
		})
	}
	m := press(step(analysed(t), tea.WindowSizeMsg{Width: 64, Height: 12}), "tab")
	if !strings.Contains(screen(m), "The harbour wall") || strings.Contains(statusBar(m), "esc back") {
		t.Errorf("at 64 columns the panel is not beside the text:\n%s", screen(m))
	}
	// A text column of 30 (--width 30) fits beside the panel at 80.
	m = press(step(open(t, article, Options{Width: 30}), tea.WindowSizeMsg{Width: 80, Height: 12}), "tab")
	if !strings.Contains(screen(m), "The harbour wall") || strings.Contains(statusBar(m), "esc back") {
		t.Errorf("a 30-column text at 80 columns is covered by the panel:\n%s", screen(m))
	}
}

// TestAWideWindowGivesThePanelTheRoomTheTextLeaves opens the claims panel
// in a window 200 columns wide: the text keeps its full column, and the
// panel, taking what the text leaves blank, shows a claim whole.
func TestAWideWindowGivesThePanelTheRoomTheTextLeaves(t *testing.T) {
	m := step(analysed(t), tea.WindowSizeMsg{Width: 200, Height: 30})
	m.panel.Show("Claims")
	s := screen(press(m, "tab"))
	for _, want := range []string{
		"The harbour wall will be finished by spring, the council said on Tuesday.",
		"According to RT Arabic, nearly 600 homes might flood.",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the screen does not show %q on one line:\n%s", want, s)
		}
	}
}

// TestFSaysWhatItFiltersWhereThereIsNothingToFilter presses F with the
// panel closed, on a tab with nothing to filter and on the claims: the
// first two say what F is for, the last filters the claims by kind.
func TestFSaysWhatItFiltersWhereThereIsNothingToFilter(t *testing.T) {
	for _, tt := range []struct {
		name, tab string
		open      bool
		want      string
	}{
		{"with the panel closed F says what it filters", "Claims", false, "F filters the claims panel by kind"},
		{"on the outline F says what it filters", panel.Outline, true, "F filters the claims panel by kind"},
		{"on the claims F filters them by kind", "Claims", true, "(F: next)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := analysed(t)
			m.panel.Show(tt.tab)
			if tt.open {
				m = press(m, "tab")
			}
			if s := screen(press(m, "F")); !strings.Contains(s, tt.want) {
				t.Errorf("F does not show %q:\n%s", tt.want, s)
			}
		})
	}
}

// TestFSaysInTheStatusWhatThePanelShows filters the claims panel of a
// window 40 columns wide, where the panel's own line for the filter is
// cut: the status names the filter whole, and says when it is off.
func TestFSaysInTheStatusWhatThePanelShows(t *testing.T) {
	m := step(analysed(t), tea.WindowSizeMsg{Width: 40, Height: 20})
	m.panel.Show("Claims")
	m = press(m, "tab", "F")
	f := m.panel.Filter()
	if f == "" {
		t.Fatalf("F did not filter the claims:\n%s", screen(m))
	}
	if msg := m.status.Message(); !strings.Contains(msg, "only "+f) {
		t.Errorf("after F the status says %q, not what the panel shows (only %s)", msg, f)
	}
	for i := 0; m.panel.Filter() != "" && i < 20; i++ {
		m = press(m, "F")
	}
	if msg := m.status.Message(); !strings.Contains(msg, "everything shown") {
		t.Errorf("with the filter off the status says %q", msg)
	}
}

// TestTheOutlineOpensOnTheSectionBeingRead reads on into the middle of
// the second of three sections and opens the outline: its cursor is on
// that section's heading, not the first.
func TestTheOutlineOpensOnTheSectionBeingRead(t *testing.T) {
	filler := strings.Repeat("A paragraph long enough to push the next heading well down the page.\n\n", 40)
	a, err := model.Parse(context.Background(), "a.md", []byte("# Top\n\n"+filler+"## Middle\n\n"+filler+"## Last\n\nThe end."), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := step(New(context.Background(), a, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m.reader.GoTo(span.Span{Start: strings.Index(a.Text, "Middle") + 200, End: strings.Index(a.Text, "Middle") + 201})
	m = press(m, "o")
	if it, ok := m.panel.Selected(); !ok || it.Title != "Middle" {
		t.Errorf("the outline opens on %q, want the section being read, Middle:\n%s", it.Title, screen(m))
	}
}

// TestTheHelpScreenSaysHowToLeaveIt opens help: the bar's hint, "? help"
// while reading, says which key goes back, and goes back to "? help".
func TestTheHelpScreenSaysHowToLeaveIt(t *testing.T) {
	m := step(open(t, article, Options{}), tea.WindowSizeMsg{Width: 40, Height: 12})
	if m = press(m, "?"); !strings.Contains(statusBar(m), "esc close help") {
		t.Errorf("on the help screen the bar reads %q, want it to say esc closes help", statusBar(m))
	}
	if m = press(m, "esc"); !strings.Contains(statusBar(m), "? help") {
		t.Errorf("back in the text the bar reads %q, want ? help", statusBar(m))
	}
}

// TestTheHelpScreenSaysHowFarThroughItIs: at 40x12 the help is nine
// screens long, and the bar showed the text's position under it, or
// none: it must show the help's own, from 0% to 100% at its end.
func TestTheHelpScreenSaysHowFarThroughItIs(t *testing.T) {
	m := step(open(t, article, Options{}), tea.WindowSizeMsg{Width: 40, Height: 12})
	m = press(m, "G", "?")
	if bar := statusBar(m); !strings.Contains(bar, "  0%") {
		t.Errorf("help just opened over the text's end, the bar reads %q, want 0%%", bar)
	}
	m = press(m, "pgdown", "pgdown")
	if bar := statusBar(m); strings.Contains(bar, "  0%") || strings.Contains(bar, "100%") {
		t.Errorf("two pages into the help the bar reads %q, want a position between 0%% and 100%%", bar)
	}
	if m = press(m, "G"); !strings.Contains(statusBar(m), "100%") {
		t.Errorf("at the help's end the bar reads %q, want 100%%", statusBar(m))
	}
	if m = step(m, tea.WindowSizeMsg{Width: 200, Height: 60}); !strings.Contains(statusBar(m), "100%") {
		t.Errorf("with the whole help on screen the bar reads %q, want 100%%", statusBar(m))
	}
}

// TestTheNoteEditorBarOffersNoHelpKey: in the editor ? is typed into
// the note, so the bar must not say "? help" there.
func TestTheNoteEditorBarOffersNoHelpKey(t *testing.T) {
	a, book := fileBook(t, t.TempDir(), article, "test")
	m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if m = press(m, "a"); m.editor == nil || strings.Contains(statusBar(m), "? help") {
		t.Errorf("in the editor the bar reads %q", statusBar(m))
	}
	if m = press(m, "?"); m.showHelp || m.editor == nil {
		t.Fatal("? in the editor left it")
	}
}

// TestTheReviewQueueSaysHowToLeaveItInASmallWindow opens the queue at
// 40x12, where its own key hints give way to the claim: the bar still
// says which key goes back to the text.
func TestTheReviewQueueSaysHowToLeaveItInASmallWindow(t *testing.T) {
	m, _ := openBook(t, writeArticle(t, eightClaims), Options{})
	m = press(step(m, tea.WindowSizeMsg{Width: 40, Height: 12}), "r")
	if bar := statusBar(m); !strings.Contains(bar, "esc/r back") {
		t.Errorf("in the queue at 40x12 the bar reads %q, want it to say esc/r goes back", bar)
	}
}

// TestNextMatchSaysWhenItGoesRoundOrHasNowhereToGo presses n and N with
// no search, with one match and past the last of several: each says so,
// as a reader pressing n again and again would not see the text wrap.
func TestNextMatchSaysWhenItGoesRoundOrHasNowhereToGo(t *testing.T) {
	// Pasted: typed, each key would wait out the cursor's blink.
	search := func(m Model, q string) Model { return press(step(press(m, "/"), tea.PasteMsg{Content: q}), "enter") }
	for _, tt := range []struct {
		name, query string
		keys        []string
		want        string
	}{
		{"n without a search says how to search", "", []string{"n"}, "no search yet: / finds a word"},
		{"n with one match says it is the only one", "Arabic", []string{"n"}, "the only match"},
		{"n past the last match says it is back at the first", "the", []string{"n", "n", "n", "n", "n", "n"}, "past the last match: back at the first"},
		{"N before the first match says it went on to the last", "the", []string{"N"}, "before the first match: on to the last"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := open(t, article, Options{})
			if tt.query != "" {
				m = search(m, tt.query)
			}
			seen := ""
			for _, k := range tt.keys {
				m = press(m, k)
				seen += screen(m)
			}
			if !strings.Contains(seen, tt.want) {
				t.Errorf("after %v the status never says %q:\n%s", tt.keys, tt.want, screen(m))
			}
		})
	}
}

// TestNextMatchOfTwoSaysNoWrapGoingForward: of two matches, n from the
// first goes on to the second and N from the second back to the first,
// neither round the end, where the status said n had gone "before the
// first match: on to the last" and N "past the last".
func TestNextMatchOfTwoSaysNoWrapGoingForward(t *testing.T) {
	m := open(t, article, Options{})
	m = press(step(press(m, "/"), tea.PasteMsg{Content: "ing"}), "enter")
	for _, k := range []string{"n", "N"} {
		m = press(m, k)
		if bar := statusBar(m); strings.Contains(bar, "first match") || strings.Contains(bar, "last match") {
			t.Errorf("%s between two matches reads %q, want no word of going round", k, bar)
		}
	}
	if m = press(m, "N"); !strings.Contains(statusBar(m), "before the first match: on to the last") {
		t.Errorf("N from the first of two reads %q, want it to say it went round", statusBar(m))
	}
	if m = press(m, "n"); !strings.Contains(statusBar(m), "past the last match: back at the first") {
		t.Errorf("n from the last of two reads %q, want it to say it went round", statusBar(m))
	}
}

// TestPageKeysMoveInTheOpenPanel: with the panel open, pgdn, pgup, the
// half-page keys and g G move in its list, as j k do; space keeps paging
// the text.
func TestPageKeysMoveInTheOpenPanel(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "# Part %d\n\nThe council met on day %d and said little.\n\n", i+1, i+1)
	}
	m := step(open(t, b.String(), Options{}), tea.WindowSizeMsg{Width: 80, Height: 12})
	m = press(m, "o")
	title := func() string {
		it, _ := m.panel.Selected()
		return it.Title
	}
	top := m.reader.Pager().TopOffset()
	for _, c := range []struct{ key, want string }{
		{"G", "Part 40"}, {"g", "Part 1"}, {"pgdown", "Part 8"}, {"d", "Part 11"}, {"u", "Part 8"}, {"pgup", "Part 1"},
	} {
		msg := keyMsg(c.key)
		if c.key == "pgdown" || c.key == "pgup" {
			msg = tea.KeyPressMsg{Code: map[string]rune{"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp}[c.key]}
		}
		if m = step(m, msg); title() != c.want {
			t.Errorf("%s in the outline chose %q, want %q", c.key, title(), c.want)
		}
	}
	if got := m.reader.Pager().TopOffset(); got != top {
		t.Errorf("the panel's page keys scrolled the text from %d to %d", top, got)
	}
	if m = press(m, "space"); m.reader.Pager().TopOffset() == top || title() != "Part 1" {
		t.Errorf("space with the panel open: text at %d (was %d), outline on %q", m.reader.Pager().TopOffset(), top, title())
	}
}

// TestShiftTabOpensTheClosedPanel presses shift+tab with the panel closed:
// it opens the panel on the tab last shown, as tab does, where it did
// nothing though the help lists it with tab.
func TestShiftTabOpensTheClosedPanel(t *testing.T) {
	shiftTab := tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	m := step(open(t, article, Options{}), shiftTab)
	if !m.panelOpen || m.panel.Active() != panel.Outline {
		t.Fatalf("shift+tab with the panel closed: open %v on %q, want the outline open", m.panelOpen, m.panel.Active())
	}
	m = step(m, shiftTab)
	want := m.panel.Active()
	m = step(press(m, "esc"), shiftTab)
	if !m.panelOpen || m.panel.Active() != want {
		t.Errorf("shift+tab after esc: open %v on %q, want %q again", m.panelOpen, m.panel.Active(), want)
	}
}

// TestTheSelectionHintIsReadWholeAt40Columns starts a selection in a
// 40x12 window: the status's two rows hold the whole hint, where it was
// cut before saying which key writes the note.
func TestTheSelectionHintIsReadWholeAt40Columns(t *testing.T) {
	m := step(open(t, article, Options{}), tea.WindowSizeMsg{Width: 40, Height: 12})
	m = press(m, "v")
	lines := strings.Split(screen(m), "\n")
	bar := strings.Join(strings.Fields(strings.Join(lines[len(lines)-2:], " ")), " ")
	if !strings.Contains(bar, "esc cancels") || strings.Contains(bar, "…") {
		t.Errorf("the selection's hint is cut: %q", bar)
	}
}

// TestAMessageTooLongForTwoRowsTakesThreeInA12RowWindow shows, at 40
// columns, a message two rows would cut: a 12-row window gives it three
// and the screen stays the window's size; a 10-row window keeps two.
func TestAMessageTooLongForTwoRowsTakesThreeInA12RowWindow(t *testing.T) {
	const msg = "the file is gone from disk: this is the text as it was; it reloads if the file comes back"
	for _, tc := range []struct{ h, rows int }{{12, 3}, {10, 2}} {
		m := step(open(t, article, Options{}), tea.WindowSizeMsg{Width: 40, Height: tc.h})
		m = step(m, reader.NoticeMsg{Text: msg})
		lines := strings.Split(screen(m), "\n")
		if len(lines) != tc.h {
			t.Fatalf("40x%d: the screen is %d rows", tc.h, len(lines))
		}
		bar := strings.Join(strings.Fields(strings.Join(lines[tc.h-tc.rows:], " ")), " ")
		if whole := strings.Contains(bar, msg); whole != (tc.rows == 3) || strings.Contains(lines[tc.h-tc.rows-1], "the file") {
			t.Errorf("40x%d: the last %d rows read %q", tc.h, tc.rows, bar)
		}
	}
}

// TestTheWheelScrollsWhatIsOnScreen turns the mouse wheel over the text,
// the help screen and the review queue: it scrolls the text, then the
// help and not the text beneath it, and leaves the text under the queue
// where it was; it scrolled the hidden text under both.
func TestTheWheelScrollsWhatIsOnScreen(t *testing.T) {
	down := tea.MouseWheelMsg{Button: tea.MouseWheelDown}
	m, _ := openBook(t, writeArticle(t, strings.Repeat(eightClaims+"\n\n", 8)), Options{})
	m = step(press(m, "d"), tea.WindowSizeMsg{Width: 80, Height: 12})
	text := screen(m)
	if m = step(m, down); screen(m) == text {
		t.Fatal("the wheel did not scroll the text")
	}
	text = screen(m)
	m = press(m, "?")
	help := screen(m)
	if m = step(m, down); screen(m) == help {
		t.Error("over help the wheel did not scroll the help")
	}
	if m = press(m, "esc"); screen(m) != text {
		t.Errorf("the wheel over help scrolled the text beneath it:\n%s", screen(m))
	}
	m = step(press(m, "r"), down)
	if m = press(m, "esc"); screen(m) != text {
		t.Errorf("the wheel over the review queue scrolled the text beneath it:\n%s", screen(m))
	}
}

// TestANotchMovesAsFarAsWheelLinesKeys turns the wheel one notch down over
// the text, the help and the side panel's list, and presses j
// keys.WheelLines times from the same place: each lands where the keys
// do, so the three follow the one step.
func TestANotchMovesAsFarAsWheelLinesKeys(t *testing.T) {
	down := tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 5, Y: 5}
	js := slices.Repeat([]string{"j"}, keys.WheelLines)
	path := writeArticle(t, strings.Repeat(eightClaims+"\n\n", 8))
	open := func(panelOpen bool) Model {
		m, _ := openBook(t, path, Options{})
		m = step(m, tea.WindowSizeMsg{Width: 100, Height: 20})
		if panelOpen {
			m.panel.Show("Claims")
			m = press(m, "tab")
		}
		return m
	}
	if got, want := screen(step(open(false), down)), screen(press(open(false), js...)); got != want {
		t.Errorf("a notch over the text:\n%s\nwant as %d lines down:\n%s", got, keys.WheelLines, want)
	}
	if got, want := screen(step(press(open(false), "?"), down)), screen(press(open(false), append([]string{"?"}, js...)...)); got != want {
		t.Errorf("a notch over the help:\n%s\nwant as %d lines down:\n%s", got, keys.WheelLines, want)
	}
	// The panel's lists are shared by copies of the model, so each side
	// opens its own.
	over := down
	over.X = 99
	wheeled, _ := step(open(true), over).panel.Selected()
	pressed, _ := press(open(true), js...).panel.Selected()
	if wheeled.Spans[0] != pressed.Spans[0] {
		t.Errorf("a notch over the panel chose %q, %d items down chose %q", wheeled.Title, keys.WheelLines, pressed.Title)
	}
}

// TestTheWheelOverThePanelMovesInItsList turns the wheel over the open
// claims panel: its cursor moves and the text beside it stays, where the
// text scrolled; over the text the wheel still scrolls the text.
func TestTheWheelOverThePanelMovesInItsList(t *testing.T) {
	m, _ := openBook(t, writeArticle(t, strings.Repeat(eightClaims+"\n\n", 8)), Options{})
	m = step(m, tea.WindowSizeMsg{Width: 100, Height: 20})
	m.panel.Show("Claims")
	m = press(m, "tab")
	before, _ := m.panel.Selected()
	top := m.reader.View()
	m = step(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 99, Y: 5})
	if after, _ := m.panel.Selected(); after.Spans[0] == before.Spans[0] {
		t.Error("the wheel over the panel did not move its cursor")
	}
	if m.reader.View() != top {
		t.Error("the wheel over the panel scrolled the text")
	}
	if m = step(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 5, Y: 5}); m.reader.View() == top {
		t.Error("the wheel over the text did not scroll it")
	}
}

// TestTheWheelLeavesThePanelUnderAScreenDrawnOverIt opens the claims
// panel over the text of a narrow window, then the review queue and the
// attention list over both, and turns the wheel: the panel's cursor
// stays, where it moved in the panel no one could see.
func TestTheWheelLeavesThePanelUnderAScreenDrawnOverIt(t *testing.T) {
	path := writeArticle(t, strings.Repeat(eightClaims+"\n\n", 8))
	for _, over := range []struct {
		name string
		open func(Model) Model
	}{
		{"the review queue", func(m Model) Model { return press(m, "r") }},
		// No note of this article needs attention, so ! would not open
		// the list: it is opened as ! opens it.
		{"the attention list", func(m Model) Model {
			l := attention.New(m.reader.Article().Text, m.notes, m.keys, m.theme)
			m.attention = &l
			return m
		}},
	} {
		t.Run(over.name, func(t *testing.T) {
			m, _ := openBook(t, path, Options{})
			m = step(m, tea.WindowSizeMsg{Width: 40, Height: 20})
			m.panel.Show("Claims")
			m = press(m, "tab")
			if !m.panelOver() {
				t.Fatal("the panel is not over the text")
			}
			before, _ := m.panel.Selected()
			if m = over.open(m); m.panelShown() {
				t.Fatalf("%s did not open over the panel", over.name)
			}
			m = step(m, tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: 5, Y: 5})
			if after, _ := m.panel.Selected(); after.Spans[0] != before.Spans[0] {
				t.Errorf("the wheel over %s moved the panel's cursor under it from %q to %q", over.name, before.Title, after.Title)
			}
		})
	}
}

// TestCtrlZSuspendsFromAnywhere presses ctrl+z over the text, the help and
// the note editor: each time margin asks the terminal to stop it, as less
// and vim do, where the key did nothing.
func TestCtrlZSuspendsFromAnywhere(t *testing.T) {
	ctrlZ := tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	for _, tt := range []struct {
		name string
		keys []string
	}{
		{"over the text", nil},
		{"over the help", []string{"?"}},
		{"in the note editor", []string{")", "a"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, book := fileBook(t, t.TempDir(), article, "test")
			m := step(New(context.Background(), a, Options{Notes: book}), tea.WindowSizeMsg{Width: 100, Height: 30})
			m = press(m, tt.keys...)
			if len(tt.keys) > 1 && m.editor == nil {
				t.Fatalf("the note editor did not open:\n%s", screen(m))
			}
			_, cmd := m.Update(ctrlZ)
			if cmd == nil {
				t.Fatal("ctrl+z did nothing")
			}
			if _, ok := cmd().(tea.SuspendMsg); !ok {
				t.Errorf("ctrl+z sent %T, want tea.SuspendMsg", cmd())
			}
		})
	}
}

// TestAClickFocusesTheSentenceClicked clicks on the words of a sentence
// drawn on screen: the focus goes to it, where a click did nothing, and
// the bar's message goes as at a key. A click on the side panel or under
// the help leaves the focus.
func TestAClickFocusesTheSentenceClicked(t *testing.T) {
	click := func(x, y int) tea.MouseClickMsg { return tea.MouseClickMsg{Button: tea.MouseLeft, X: x, Y: y} }
	// at finds the row and column where s is drawn.
	at := func(t *testing.T, m Model, s string) (int, int) {
		t.Helper()
		for y, l := range strings.Split(screen(m), "\n") {
			if x := strings.Index(l, s); x >= 0 {
				return ansi.StringWidth(l[:x]), y
			}
		}
		t.Fatalf("%q is not on screen:\n%s", s, screen(m))
		return 0, 0
	}
	m := step(open(t, article, Options{}), tea.WindowSizeMsg{Width: 100, Height: 30})
	m = press(m, "1") // the bar says "entity colours off"
	x, y := at(t, m, "realistic")
	if m = step(m, click(x+2, y)); focusIndex(m) != 1 {
		t.Fatalf("a click on the second sentence focused sentence %d:\n%s", focusIndex(m), screen(m))
	}
	if bar := statusBar(m); strings.Contains(bar, "colours") {
		t.Errorf("the bar still says what the last key did after a click: %q", bar)
	}
	x, y = at(t, m, "nearly 600")
	if m = step(m, click(x, y)); focusIndex(m) != 2 {
		t.Errorf("a click on the third sentence, on the line it shares, focused sentence %d", focusIndex(m))
	}
	x, y = at(t, m, "Ana Reyes")
	m = step(press(m, "?"), click(x, y))
	if m = press(m, "esc"); focusIndex(m) != 2 {
		t.Errorf("a click under the help moved the focus to sentence %d", focusIndex(m))
	}
	m = press(m, "tab")
	m = step(m, click(m.width-2, y))
	if focusIndex(m) != 2 {
		t.Errorf("a click on the side panel moved the focus to sentence %d", focusIndex(m))
	}
}

// TestTheFallbackHintIsTypedAsOneWord: a note saved to the fallback
// folder while the article's own notes stay beside it says how to see
// it, the folder quoted for a shell: on macOS the path holds a space.
func TestTheFallbackHintIsTypedAsOneWord(t *testing.T) {
	data := filepath.Join(t.TempDir(), "Application Support")
	t.Setenv("XDG_DATA_HOME", data)
	a, book := fileBook(t, t.TempDir(), article, "test")
	if _, err := book.Add(annotate.Note{Text: "An earlier note.", Span: span.Span{Start: 0, End: 10}}); err != nil {
		t.Fatal(err)
	}
	opts := Options{Notes: book, NotesOptions: annotate.Options{Author: "test"}}
	m := step(New(context.Background(), a, opts), tea.WindowSizeMsg{Width: 200, Height: 30})
	m = editorCtrl(t, failInAReadOnlyFolder(t, typeText(press(m, "a"), "Check the date."), book), 'o')
	want := "margin --notes-dir '" + filepath.Join(data, "margin", "notes") + "' shows it"
	if msg := m.status.Message(); !strings.Contains(msg, want) {
		t.Errorf("the status does not say %q: %q", want, msg)
	}
}
