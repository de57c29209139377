//go:build race

package model

// raceEnabled says the tests run under the race detector, which makes
// parsing ten times slower.
const raceEnabled = true
