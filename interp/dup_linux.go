package interp

import (
	"os"
	"syscall"
)

// dupTo makes file descriptor fd refer to f.
func dupTo(f *os.File, fd int) error {
	return syscall.Dup3(int(f.Fd()), fd, 0)
}
