package markdown

import (
	"strings"
	"testing"
)

// prose builds about size bytes of plain paragraphs with a little inline
// markup, the shape of a long article.
func prose(size int) string {
	words := strings.Fields("the harbour master keeps two clocks one shows the time of day and the other the state of the tide which matters to boats waiting at the outer mole while gulls argue over nets")
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		if i%9 == 0 {
			sb.WriteString("## Section heading\n\n")
		}
		for s := 0; s < 5; s++ {
			for w := 0; w < 18; w++ {
				word := words[(i*7+s*5+w)%len(words)]
				switch {
				case w == 0:
					word = strings.ToUpper(word[:1]) + word[1:]
				case (i+s+w)%23 == 0:
					word = "*" + word + "*"
				case (i+s+w)%31 == 0:
					word = "[" + word + "](https://example.com/" + word + ")"
				}
				sb.WriteString(word)
				if w < 17 {
					sb.WriteByte(' ')
				}
				if w == 9 {
					sb.WriteString("\n")
				}
			}
			sb.WriteString(". ")
		}
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkParse(b *testing.B) {
	src := prose(1 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src)
	}
}

func BenchmarkFormat(b *testing.B) {
	d, front := Parse(prose(1 << 20))
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Format(d, front)
	}
}

// BenchmarkProgressive parses the same megabyte as BenchmarkParse in
// steps of 64 KB: the time should match, while goldmark's tree is never
// built for more than one step.
func BenchmarkProgressive(b *testing.B) {
	src := prose(1 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		p, _ := NewProgressive(src)
		for done := false; !done; {
			_, done = p.Next(64 << 10)
		}
	}
}

// BenchmarkCheckLimits is the pass that guards Parse against input the
// parser handles in more than linear time; it should cost a small part
// of BenchmarkParse.
func BenchmarkCheckLimits(b *testing.B) {
	src := prose(1 << 20)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if err := CheckLimits(src); err != nil {
			b.Fatal(err)
		}
	}
}
