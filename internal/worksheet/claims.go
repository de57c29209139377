// Package worksheet turns an article's analysis into the claims the
// exports show. It sits between model and annotate/export so that the
// exporters need none of the analysers, and every caller (the export
// command, the reader's export key) converts the analysis the same way.
package worksheet

import (
	"strings"

	"github.com/margin-reader/margin/annotate/export"
	"github.com/margin-reader/margin/model"
)

// Claims returns the flagged claims of an analysis of text, in its order;
// nil for no analysis. A pronoun source is named by what it stands for.
func Claims(text string, an *model.Analysis) []export.Claim {
	if an == nil {
		return nil
	}
	out := make([]export.Claim, len(an.Claims))
	for i, c := range an.Claims {
		out[i] = export.Claim{Span: c.Span, Checkworthiness: c.Checkworthiness}
		for k := range c.Kinds.All() {
			out[i].Kinds = append(out[i].Kinds, string(k))
		}
		if src := c.Source; src != nil {
			who := src.Span
			if !src.Resolved.Empty() {
				who = src.Resolved
			}
			out[i].Source = oneLine(who.In(text))
			out[i].Via = oneLine(src.Via)
			out[i].Vague = src.Vague
		}
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
