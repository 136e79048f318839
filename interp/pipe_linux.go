package interp

import (
	"os"
	"syscall"
	"unsafe"
)

// pipeHasData reports whether a pipe's read end holds bytes not read yet
// (FIONREAD), without changing the file's mode.
func pipeHasData(r *os.File) bool {
	rc, err := r.SyscallConn()
	if err != nil {
		return true
	}
	n := 0
	var errno syscall.Errno
	if err := rc.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	}); err != nil || errno != 0 {
		return true
	}
	return n > 0
}
