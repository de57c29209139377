package markdown

import "testing"

func TestParseFoldsTheGapAfterASentence(t *testing.T) {
	in := "It rained.  The ferry ran.&nbsp; Late, *as ever*. &nbsp;Then (it  cleared.)  Two  spaces  between words stay.\n\nA `two  spaces` span.\n\n    code  keeps  them\n"
	want := "paragraph: \"It rained. The ferry ran. Late, as ever. Then (it  cleared.) Two  spaces  between words stay.\"\n    emphasis \"as ever\"\n" +
		"paragraph: \"A two  spaces span.\"\n    code \"two  spaces\"\n" +
		"code: \"code  keeps  them\"\n"
	d, front := Parse(in)
	if got := dump(d, front); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestParseFoldsATabInTheGapAfterASentence(t *testing.T) {
	d, front := Parse("It rained. \tThe ferry ran.\n")
	if got, want := dump(d, front), "paragraph: \"It rained. The ferry ran.\"\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
