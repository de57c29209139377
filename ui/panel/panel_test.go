package panel

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/margin-reader/margin/internal/golden"
	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
	"github.com/margin-reader/margin/ui/keys"
	"github.com/margin-reader/margin/ui/theme"
)

const story = `The ferry company said its new timetable starts in May. Ferry passengers in Ardmore and in Kilbride complained about the ferry company's fares, and the Ardmore council asked Ruth Galloway to review them.`

// source parses story and marks its entities by hand, as an analyser would.
func source(t *testing.T) Source {
	t.Helper()
	a, err := model.Parse(context.Background(), "story.txt", []byte(story), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ents []entity.Entity
	mark := func(s string, l entity.Label) {
		for off := 0; ; {
			i := strings.Index(a.Text[off:], s)
			if i < 0 {
				return
			}
			ents = append(ents, entity.Entity{Span: span.Span{Start: off + i, End: off + i + len(s)}, Label: l})
			off += i + len(s)
		}
	}
	mark("ferry company", entity.Org)
	mark("Ardmore", entity.Place)
	mark("Kilbride", entity.Place)
	mark("May", entity.Date)
	mark("Ruth Galloway", entity.Person)
	return Source{Article: a, Analysis: &model.Analysis{Hash: a.Hash, Entities: sortSpans(ents)}, Analysing: true}
}

func sortSpans(es []entity.Entity) []entity.Entity {
	for i := range es {
		for j := i + 1; j < len(es); j++ {
			if es[j].Start < es[i].Start {
				es[i], es[j] = es[j], es[i]
			}
		}
	}
	return es
}

func opened(t *testing.T, w, h int) Model {
	m := New(Tabs(), theme.New(theme.NoColor), keys.Default())
	m.SetSource(source(t))
	m.SetSize(w, h)
	m.Show("Entities")
	m.Prepare()
	return m
}

func TestGoldenEntitiesTab(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {200, 60}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run(name, func(t *testing.T) {
			m := opened(t, size[0], size[1])
			golden.Screen(t, filepath.Join("testdata", "entities-"+name+".golden"), m.View(), size[0], size[1])
		})
	}
}

// TestEntityHeadingsCountNamesAndMentions checks each label's heading
// counts the names listed under it and their mentions apart, in words
// where they fit and in the brief form where they do not.
func TestEntityHeadingsCountNamesAndMentions(t *testing.T) {
	tests := []struct {
		width int
		want  []string
	}{
		{40, []string{"Places · 2 names, 3 mentions", "People · 1 name, 1 mention", "Organisations · 1 name, 2 mentions"}},
		{24, []string{"Places · 2 (×3)", "Organisations · 1 (×2)"}},
	}
	for _, tt := range tests {
		s := opened(t, tt.width, 12).View()
		for _, want := range tt.want {
			if !strings.Contains(s, want) {
				t.Errorf("at %d columns the panel lacks %q:\n%s", tt.width, want, s)
			}
		}
	}
}

// TestEnterCyclesThroughEveryMention chooses an entity named twice again
// and again: each choice shows its next mention, and then the first again.
func TestEnterCyclesThroughEveryMention(t *testing.T) {
	m := opened(t, 40, 12)
	it, ok := m.Selected()
	for i := 0; ok && len(it.Spans) < 2 && i < 10; i++ {
		m = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
		it, ok = m.Selected()
	}
	if !ok || len(it.Spans) < 2 {
		t.Fatalf("the first entity %+v has fewer than two mentions", it)
	}
	var got []span.Span
	for range len(it.Spans) + 1 {
		m = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		j, _ := m.TakeJump()
		got = append(got, j.Span)
	}
	want := append(append([]span.Span{}, it.Spans...), it.Spans[0])
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("enter showed %v, want %v", got, want)
	}
}

func TestEveryTabSaysSomethingWhenEmpty(t *testing.T) {
	a, err := model.Parse(context.Background(), "empty.txt", []byte("Nothing to see."), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range Tabs() {
		for _, src := range []Source{{Article: a}, {Article: a, Analysing: true}, {Article: a, AnalysisErr: true}, {Article: a, NotesOff: true}} {
			if tab.Empty(src) == "" {
				t.Errorf("tab %s says nothing when empty for %+v", tab.Name, src)
			}
		}
	}
}

// TestEntitiesTabListsEachThingOnce names a person in full and then by
// surname: the tab lists her once, by her full name, with both mentions.
func TestEntitiesTabListsEachThingOnce(t *testing.T) {
	text := "Ruth Galloway chairs the review. Galloway said the fares would fall."
	a, err := model.Parse(context.Background(), "story.txt", []byte(text), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	full := strings.Index(a.Text, "Ruth Galloway")
	last := strings.LastIndex(a.Text, "Galloway")
	ents := []entity.Entity{
		{Span: span.Span{Start: full, End: full + len("Ruth Galloway")}, Label: entity.Person},
		{Span: span.Span{Start: last, End: last + len("Galloway")}, Label: entity.Person},
	}
	items := entityItems(Source{Article: a, Analysis: &model.Analysis{Entities: ents, EntityIndex: entity.NewIndex(a.Text, ents)}})
	if len(items) != 1 || items[0].Title != "Ruth Galloway" || len(items[0].Spans) != 2 {
		t.Errorf("entities tab = %+v, want Ruth Galloway once with two mentions", items)
	}
}
