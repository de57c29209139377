//go:build race

// Package race says whether the binary was built with the race detector,
// which makes parsing and cleaning about ten times slower: tests that
// generate megabytes use a smaller size under it.
package race

// Enabled is true when built with -race.
const Enabled = true
