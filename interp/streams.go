package interp

import (
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/display"
)

// Stream batching: text is published at most every batchDelay, or at once
// when batchSize bytes are waiting, so a loop printing 100,000 lines becomes a
// few hundred messages instead of 100,000.
const (
	batchDelay = 30 * time.Millisecond
	batchSize  = 64 << 10
)

// stream turns everything written to a pipe into display.Stream outputs. The
// pipe's write end is an *os.File, so cells keep os.Stdout's real type and
// writes that bypass the interpreter (host code writing to file descriptor 1)
// are shown too.
type stream struct {
	name    string // "stdout" or "stderr"
	w       *os.File
	r       *os.File
	rawR    syscall.RawConn // r's descriptor, read without blocking
	publish func(display.Output)

	// readMu is held while bytes are taken out of the pipe and added to
	// pending, by the reader or by flush: whoever reads next finds any
	// earlier bytes already added, so nothing is reordered, and a flush
	// that reads the pipe empty knows every byte written before it is in.
	readMu  sync.Mutex
	readBuf []byte

	// owner returns the cached call the calling goroutine computes for
	// (cachecells' Cache.Current), or nil. Text is published with the call
	// that wrote it as its Owner, so that calls computing at once in
	// different goroutines record only their own text.
	owner func() *cachecells.Scope

	mu      sync.Mutex
	pending []byte // read, not yet published
	// pendingOwner wrote the pending text: text of another owner is
	// published separately. Text written through Write always has one
	// (cachecells.Nobody for a goroutine computing for no call); text read
	// from the pipe (os.Stdout used as a file, host code writing to the
	// file descriptor) has none: nobody knows which goroutine wrote it, and
	// the cache gives it to the one call computing, if only one is.
	pendingOwner *cachecells.Scope
	timer        *time.Timer
	trace        []string // panic frames taken out of stderr

	// watchPipe is set once a cell uses os.Stdout (or os.Stderr) as a
	// file: text written through Write then first takes in everything
	// written to the pipe (one read of the pipe, some microseconds), so
	// that io.Copy(os.Stdout, r) followed by fmt.Println keeps its order.
	watchPipe atomic.Bool
}

func newStream(name string, publish func(display.Output)) (*stream, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	rawR, err := r.SyscallConn()
	if err != nil {
		r.Close()
		w.Close()
		return nil, err
	}
	s := &stream{name: name, r: r, w: w, rawR: rawR, publish: publish, readBuf: make([]byte, 32<<10)}
	go s.readLoop()
	return s, nil
}

// readLoop adds what arrives in the pipe whenever the runtime's poller
// says it is readable, until the pipe is closed.
func (s *stream) readLoop() {
	_ = s.rawR.Read(func(fd uintptr) bool { return s.drain(fd) })
}

// drain adds everything the pipe holds now, reading it without blocking;
// it reports whether the pipe is finished (closed or failing), which ends
// readLoop.
func (s *stream) drain(fd uintptr) (finished bool) {
	s.readMu.Lock()
	defer s.readMu.Unlock()
	for {
		n, err := syscall.Read(int(fd), s.readBuf)
		switch {
		case n > 0:
			s.add(s.readBuf[:n])
		case err == syscall.EINTR:
		case err == syscall.EAGAIN:
			return false
		default: // end of file, or an error
			return true
		}
	}
}

// Write adds p to the stream at once. The interpreter's fmt.Print*, log
// and panic traces write here (Options.Stdout/Stderr), synchronously, so
// their text is in order with everything the cell publishes; os.Stdout
// stays the pipe, an *os.File as Go code expects.
func (s *stream) Write(p []byte) (int, error) {
	if s.watchPipe.Load() {
		// Text written to the file first goes first. Checking whether the
		// pipe holds any is not enough: the reader may have taken it out
		// and not yet added it; flush waits for it under readMu.
		s.flush()
	}
	var owner *cachecells.Scope
	if s.owner != nil {
		if owner = s.owner(); owner == nil {
			owner = cachecells.Nobody()
		}
	}
	s.addOwned(p, owner)
	return len(p), nil
}

// add appends data read from the pipe.
func (s *stream) add(data []byte) { s.addOwned(data, nil) }

// addOwned appends data written on behalf of owner.
func (s *stream) addOwned(data []byte, owner *cachecells.Scope) {
	s.mu.Lock()
	if owner != s.pendingOwner {
		if len(s.pending) > 0 {
			s.publishLocked(len(s.pending), true)
		}
		s.pendingOwner = owner
	}
	s.pending = append(s.pending, data...)
	switch {
	case len(s.pending) >= batchSize:
		s.publishLocked(len(s.pending), false)
	case len(s.pending) > 0 && s.timer == nil:
		s.timer = time.AfterFunc(batchDelay, s.onTimer)
	}
	s.mu.Unlock()
}

func (s *stream) onTimer() {
	s.mu.Lock()
	s.timer = nil
	s.publishLocked(len(s.pending), false)
	s.mu.Unlock()
}

// publishLocked publishes the first n pending bytes. Unless force is set,
// an incomplete UTF-8 character at the end waits for its remaining bytes, so
// that no message carries half a character.
func (s *stream) publishLocked(n int, force bool) {
	cut := n
	if !force {
		for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
			if utf8.RuneStart(s.pending[i]) {
				if !utf8.FullRune(s.pending[i:n]) {
					cut = i
				}
				break
			}
		}
	}
	if cut <= 0 {
		return
	}
	text := s.takeTraceLines(string(s.pending[:cut]))
	s.pending = append(s.pending[:0], s.pending[cut:]...)
	if s.timer != nil && len(s.pending) == 0 {
		s.timer.Stop()
		s.timer = nil
	}
	if text != "" {
		o := display.Output{Kind: display.Stream, Name: s.name, Text: text}
		if s.pendingOwner != nil {
			o.Owner = s.pendingOwner
		}
		s.publish(o)
	}
}

// panicFrame matches the lines yaegi writes to the cell's stderr for each
// interpreted frame of a panic: "cell3.go:4:2: panic: main.f(...)".
// The frame of the Eval that calls the cell has no file name ("1:28: panic:
// main(...)"); it is taken out as well.
var panicFrame = regexp.MustCompile(`(?m)^(?:[^\s:]+\.go:)?\d+:\d+: panic: [^\n]*\n`)

// takeTraceLines removes panic frame lines from text (stderr only) and keeps
// them for the cell's error output, which must be the only output of a panic.
func (s *stream) takeTraceLines(text string) string {
	if s.name != "stderr" || !strings.Contains(text, ": panic: ") {
		return text
	}
	return panicFrame.ReplaceAllStringFunc(text, func(line string) string {
		s.trace = append(s.trace, strings.TrimSuffix(line, "\n"))
		return ""
	})
}

// takeTrace returns and forgets the panic frames seen since the last call.
func (s *stream) takeTrace() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.trace
	s.trace = nil
	return t
}

// flushFast publishes what is pending, without asking the pipe. Text from
// fmt.Print* and log is always pending already (it is written through
// Write); text written to os.Stdout directly may still be in the pipe and
// be published a moment later. It serves where that costs order at most:
// before each call of a cached function, where even one system call costs
// a large part of a hit.
func (s *stream) flushFast() {
	s.mu.Lock()
	if len(s.pending) > 0 {
		s.publishLocked(len(s.pending), true)
	}
	s.mu.Unlock()
}

// flush publishes everything written so far, through Write or the pipe:
// it reads the pipe empty itself (a write that returned is in the pipe
// until someone reads it, and whoever read it added it before releasing
// readMu).
func (s *stream) flush() {
	_ = s.rawR.Control(func(fd uintptr) { s.drain(fd) })
	s.mu.Lock()
	s.publishLocked(len(s.pending), true)
	s.mu.Unlock()
}
