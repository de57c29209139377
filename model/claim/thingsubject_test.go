package claim

import "testing"

// TestAThingThatSupportsReportsNoOne checks that "support" with a subject
// that is a thing ("the new kettle supports", "a release that supports")
// is no reporting cue, while a person, a body, a plural of people, a
// relative "who" and a passive's agent still back what follows.
func TestAThingThatSupportsReportsNoOne(t *testing.T) {
	tests := []cueListCase{
		{"drops a thing's verb", "The new kettle supports two heat settings.", nil},
		{"drops a relative's verb after a thing", "The studio shipped an edition that supports older tablets.", nil},
		{"drops it after its", "Its firmware also supports the new charging standard.", nil},
		{"keeps a body's verb", "The council supports the new harbour wall.", []string{"supports"}},
		{"keeps a person's verb", "Ines Koll supports the new harbour wall.", []string{"supports"}},
		{"keeps a plural of people", "Most fishermen supported the plan to dredge the bay.", []string{"supported"}},
		{"keeps who after a person", "The plan has a backer in the harbour master, who supports dredging the bay.", []string{"supports"}},
		{"keeps a passive's agent", "The plan is supported by the fishermen of the bay.", []string{"supported"}},
		{"keeps a role's verb", "The harbour director supports the plan.", []string{"supports"}},
	}
	checkCueLists(t, tests)
}
