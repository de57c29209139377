//go:build unix

package sidecar

import "syscall"

// noFollow makes opening fail on a symbolic link and not wait on a pipe.
const noFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
