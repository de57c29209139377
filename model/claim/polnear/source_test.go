package main

import "testing"

func TestSameSource(t *testing.T) {
	tests := []struct {
		name      string
		got, want string
		same      bool
	}{
		{"the same words are the same source", "Haley Morris", "Haley Morris", true},
		{"a title before the name still matches", "Spokeswoman Haley Morris", "Haley Morris", true},
		{"determiners and possessive 's are dropped", "the campaign's spokesman", "Campaign spokesman", true},
		{"the same head word matches", "a senior State Department official", "officials", false},
		{"the same head word in a longer phrase", "a senior official", "an official of the ministry", true},
		{"a different person does not match", "Donald Trump", "Hillary Clinton", false},
		{"a clause is not its speaker", "Heat is key to killing coronavirus", "the scientist", false},
		{"an empty source never matches", "", "he", false},
		{"a relative clause ends the head", "A 2014 study", "A 2014 study that appeared in the journal", true},
		{"surety companies that had insured the mine are the companies", "Surety companies", "Surety companies that had insured the mine", true},
		{"that opening a phrase is a determiner", "that campaign", "the campaign of the senator", true},
		{"an aside does not make another head", "the journal", "A study that appeared in the journal", false},
		{"a relative that is the same source as itself", "that", "that", true},
		{"a relative that is not another determiner", "that", "the", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameSource(tt.got, tt.want); got != tt.same {
				t.Errorf("sameSource(%q, %q) = %v, want %v (words %q / %q)", tt.got, tt.want, got, tt.same, words(tt.got), words(tt.want))
			}
		})
	}
}
