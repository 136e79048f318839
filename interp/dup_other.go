//go:build !linux

package interp

import "os"

// dupTo is a no-op where the executor does not redirect file descriptors:
// output of host code that writes to descriptor 1 directly is not captured.
func dupTo(f *os.File, fd int) error { return nil }
