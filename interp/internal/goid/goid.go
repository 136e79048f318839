// Package goid tells goroutines apart by the id the runtime prints in stack
// traces. The executor needs it twice: deferred calls are kept per
// goroutine, and an interrupt must learn whether a cell's goroutine unwound.
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

// Alive reports whether a goroutine with this id still exists.
func Alive(id uint64) bool {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	return bytes.Contains(buf, []byte("goroutine "+strconv.FormatUint(id, 10)+" ["))
}
