// Package goid tells goroutines apart by what the runtime prints in stack
// traces. The executor needs it twice: deferred calls are kept per
// goroutine (by id), and an interrupt must learn whether a cell's goroutine
// unwound (by the functions on the stacks).
package goid

import (
	"bytes"
	"runtime"
	"strconv"
)

// Current returns the id of the calling goroutine, read from the
// first line of its stack trace ("goroutine 18 [running]:").
func Current() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		id, _ := strconv.ParseUint(string(b[:i]), 10, 64)
		return id
	}
	return 0
}

// Running reports whether a goroutine other than the caller's has a frame
// of the function fn (named as runtime.FuncForPC names it) on its stack.
// It reads every goroutine's stack: a rare check, not one for every call.
func Running(fn string) bool {
	all := Stacks()
	// The caller's goroutine comes first, its trace ended by a blank line.
	if i := bytes.Index(all, []byte("\n\n")); i >= 0 {
		all = all[i:]
	} else {
		return false
	}
	return bytes.Contains(all, []byte("\n"+fn+"("))
}

// Stacks returns the stack traces of all goroutines, the caller's first.
func Stacks() []byte {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}
