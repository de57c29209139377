//go:build unix

package sidecar

import (
	"os"
	"syscall"
)

// noFollow makes opening fail on a symbolic link and not wait on a pipe.
const noFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

// fileID is the device and inode of fi, to tell a replaced file.
func fileID(fi os.FileInfo) (dev, ino uint64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), st.Ino
	}
	return 0, 0
}
