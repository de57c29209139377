//go:build !unix

package sidecar

import "os"

// noFollow is empty where the flags do not exist; checkRegular's Lstat
// still refuses links, pipes and devices before opening.
const noFollow = 0

// fileID is unknown here: a replaced file is told by its content.
func fileID(os.FileInfo) (dev, ino uint64) { return 0, 0 }
