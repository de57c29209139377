package main

import (
	"runtime/debug"
	"testing"
)

func TestIdleReaderHasRoomAboveWhatItKeeps(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	for _, tc := range []struct {
		name  string
		limit func() int64
	}{
		{"a limit at what the program holds rises above it", goMemory},
		{"a limit far above what the program holds stays", func() int64 { return goMemory() + 64*idleMemoryRoom }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tc.limit()
			debug.SetMemoryLimit(before)
			memoryWhileIdle(true)
			got := debug.SetMemoryLimit(-1)
			if room := got - goMemory(); room < idleMemoryRoom*3/4 {
				t.Errorf("idle, the limit leaves %d KB above what the program holds, want about %d KB", room>>10, idleMemoryRoom>>10)
			}
			if got < before {
				t.Errorf("idle, the limit fell from %d to %d KB", before>>10, got>>10)
			}
		})
	}
}

func TestAnalysisLimitLeavesRoomAboveWhatTheProgramHolds(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int
	}{
		{"a small article", 100 << 10},
		{"a long article", 20 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := analysisLimit(tc.size)
			if room := got - goMemory(); room < analysisRoom*3/4 {
				t.Errorf("the limit leaves %d KB above what the program holds, want at least about %d KB", room>>10, analysisRoom>>10)
			}
			if got < memoryLimit(tc.size) {
				t.Errorf("the limit %d KB is below the article's own %d KB", got>>10, memoryLimit(tc.size)>>10)
			}
		})
	}
}
