//go:build unix

package cachecells

import "syscall"

// openFlags open cache files for reading without ever blocking: opening a
// FIFO planted in the cache folder returns at once (and is then refused).
const openFlags = syscall.O_RDONLY | syscall.O_NONBLOCK | syscall.O_CLOEXEC
