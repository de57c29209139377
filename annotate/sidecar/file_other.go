//go:build !unix

package sidecar

// noFollow is empty where the flags do not exist; checkRegular's Lstat
// still refuses links, pipes and devices before opening.
const noFollow = 0
