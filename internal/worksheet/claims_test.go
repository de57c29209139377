package worksheet

import (
	"testing"

	"github.com/margin-reader/margin/model"
	"github.com/margin-reader/margin/model/claim"
	"github.com/margin-reader/margin/model/span"
)

func TestClaimsCarryKindsSourceAndScore(t *testing.T) {
	text := "He said\nit was 40%. Smith agreed."
	an := &model.Analysis{Claims: []claim.Claim{{
		Span:            span.Span{Start: 0, End: 19},
		Kinds:           claim.KindsOf(claim.Attributed, claim.Statistical),
		Source:          &claim.Source{Span: span.Span{Start: 0, End: 2}, Resolved: span.Span{Start: 20, End: 25}, Via: "the\nwire"},
		Checkworthiness: 0.8,
	}, {Span: span.Span{Start: 20, End: 33}}, {
		Span:   span.Span{Start: 0, End: 19},
		Source: &claim.Source{Span: span.Span{Start: 0, End: 2}, Vague: true},
	}}}
	got := Claims(text, an)
	if len(got) != 3 {
		t.Fatalf("got %d claims, want 3", len(got))
	}
	c := got[0]
	if c.Source != "Smith" || c.Via != "the wire" || c.Checkworthiness != 0.8 || len(c.Kinds) != 2 || c.Kinds[0] != "attributed" {
		t.Errorf("first claim %+v: want the resolved source on one line, its kinds and score", c)
	}
	if got[1].Source != "" || got[1].Kinds != nil {
		t.Errorf("second claim %+v: want no source and no kinds", got[1])
	}
	if !got[2].Vague || got[0].Vague {
		t.Errorf("vague: %v, %v; want only the third claim's source vague", got[0].Vague, got[2].Vague)
	}
	if Claims(text, nil) != nil {
		t.Error("no analysis gave claims")
	}
}
