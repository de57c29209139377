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
	}, {Span: span.Span{Start: 20, End: 33}}}}
	got := Claims(text, an)
	if len(got) != 2 {
		t.Fatalf("got %d claims, want 2", len(got))
	}
	c := got[0]
	if c.Source != "Smith" || c.Via != "the wire" || c.Checkworthiness != 0.8 || len(c.Kinds) != 2 || c.Kinds[0] != "attributed" {
		t.Errorf("first claim %+v: want the resolved source on one line, its kinds and score", c)
	}
	if got[1].Source != "" || got[1].Kinds != nil {
		t.Errorf("second claim %+v: want no source and no kinds", got[1])
	}
	if Claims(text, nil) != nil {
		t.Error("no analysis gave claims")
	}
}
