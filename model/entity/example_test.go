package entity_test

import (
	"fmt"

	"github.com/margin-reader/margin/model/entity"
	"github.com/margin-reader/margin/model/span"
)

func ExampleTagger_Tag() {
	t, err := entity.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "On Sunday, the Washington Post said nearly 600 Ukrainian civilians had died near Kyiv."
	for _, e := range t.Tag(text, []span.Span{{Start: 0, End: len(text)}}) {
		fmt.Printf("%s %q\n", e.Label, e.In(text))
	}
	// Output:
	// DATE "Sunday"
	// ORG "Washington Post"
	// NUMBER "nearly 600"
	// GROUP "Ukrainian"
	// PLACE "Kyiv"
}
