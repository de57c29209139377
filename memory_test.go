package main

import (
	"math"
	"os"
	"path/filepath"
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

func TestAnalysisLimitHasAFloor(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int
		want int64
	}{
		{"a small article gets the floor", 100 << 10, analysisFloor},
		{"a long article gets its own limit", 20 << 20, memoryLimit(20 << 20)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := analysisLimit(tc.size); got != tc.want {
				t.Errorf("analysisLimit(%d) = %d KB, want %d KB", tc.size, got>>10, tc.want>>10)
			}
		})
	}
}

func TestLoadLimitFollowsTheFileToRead(t *testing.T) {
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small.txt"), filepath.Join(dir, "large.txt")
	if err := os.WriteFile(small, []byte("One line.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(large, 20<<20); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, file string
		want       int64
	}{
		{"a small file gets the floor", small, analysisFloor},
		{"a large file gets its own limit", large, memoryLimit(20 << 20)},
		{"standard input gets none", "-", math.MaxInt64},
		{"an address gets none", "https://example.com/a", math.MaxInt64},
		{"a missing file gets none", filepath.Join(dir, "missing.txt"), math.MaxInt64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := loadLimit(tc.file); got != tc.want {
				t.Errorf("loadLimit(%q) = %d KB, want %d KB", tc.file, got>>10, tc.want>>10)
			}
		})
	}
}

func TestATextOfUnknownSizeLoadsAtTheDefaultPace(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	file := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(file, []byte("One line.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		pace       int
	}{
		{"standard input has no limit, so the default pace", "-", 100},
		{"an address has no limit, so the default pace", "https://example.org/a", 100},
		{"a file of known size is read at the analysis's pace", file, analysisGCPercent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			memoryForLoading(tt.file)
			if got := debug.SetGCPercent(100); got != tt.pace {
				t.Errorf("pace after memoryForLoading(%q) = %d, want %d", tt.file, got, tt.pace)
			}
		})
	}
}
