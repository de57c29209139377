package markdown

import "testing"

func TestParseLabelsGitHubAlerts(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"labels a note and keeps the quote under it",
			"> [!NOTE]\n> Ferries stop at dusk.\n",
			"quote level=0: \"Note\"\n    strong \"Note\"\nquote level=0: \"Ferries stop at dusk.\"\n"},
		{"reads the marker in any case and spaced after",
			"> [!warning]  \n> Mind the gap.\n",
			"quote level=0: \"Warning\"\n    strong \"Warning\"\nquote level=0: \"Mind the gap.\"\n"},
		{"keeps the paragraphs after a marker that stands alone",
			"> [!TIP]\n>\n> Buy a return.\n>\n> It is cheaper.\n",
			"quote level=0: \"Tip\"\n    strong \"Tip\"\nquote level=0: \"Buy a return.\"\nquote level=0: \"It is cheaper.\"\n"},
		{"keeps the marks of the line after the marker",
			"> [!CAUTION]\n> The *last* ferry\n> leaves at six.\n",
			"quote level=0: \"Caution\"\n    strong \"Caution\"\nquote level=0: \"The last ferry leaves at six.\"\n    emphasis \"last\"\n"},
		{"labels an important alert",
			"> [!IMPORTANT]\n> Tickets are checked.\n",
			"quote level=0: \"Important\"\n    strong \"Important\"\nquote level=0: \"Tickets are checked.\"\n"},
		{"leaves an unknown marker as text",
			"> [!DANGER]\n> Rocks.\n",
			"quote level=0: \"[!DANGER] Rocks.\"\n"},
		{"leaves a marker that does not stand on its own line",
			"> [!NOTE] Ferries stop at dusk.\n",
			"quote level=0: \"[!NOTE] Ferries stop at dusk.\"\n"},
		{"leaves a marker in a nested quote, which GitHub does not label",
			"> Outer.\n>\n> > [!NOTE]\n> > Inner.\n",
			"quote level=0: \"Outer.\"\nquote level=1: \"[!NOTE] Inner.\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, front := Parse(tt.in)
			if got := dump(d, front); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
