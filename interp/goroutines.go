package interp

import (
	"bytes"
	"fmt"
	"time"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/internal/goid"
	"github.com/gocell/gocell/interp/interrupt"
)

// goToken is one go statement's goroutine, from GoStart to GoEnd.
type goToken struct {
	cell  int64             // the cell that started it
	owner *cachecells.Scope // the cached call its starter computed for
	end   func()            // undoes GoBegin's adoption
}

// goStart counts a goroutine the running cell starts, on the goroutine
// that starts it: it takes the cell, and the cached call the starter
// computes for, if any.
func (s *Session) goStart() *goToken {
	t := &goToken{owner: s.cache.Current()}
	s.goMu.Lock()
	defer s.goMu.Unlock()
	s.cellGoroutines++
	s.liveGo++
	t.cell = s.cellSeq
	return t
}

// goCall runs f in a new goroutine of the running cell, under a recover
// that reports its panic to the session: go statements (their rewrite
// hands it a function that makes the call) and wg.Go. The goroutine is
// started here, not by the interpreter's go statement, which runs its
// function on the enclosing frame as that frame is when the goroutine gets
// to run (a goroutine started in a loop could see a later iteration).
func (s *Session) goCall(f func()) {
	if f == nil {
		panic("go of nil func value")
	}
	t := s.goStart()
	go func() {
		defer func() { s.goEnd(t, recover()) }()
		s.goBegin(t)
		f()
	}()
}

// goBegin runs first in the new goroutine: it works for its starter's
// cached call, so what it shows is recorded there (rule 10).
func (s *Session) goBegin(t *goToken) {
	if t.owner != nil {
		t.end = s.cache.Adopt(t.owner)
	}
}

// goEnd is deferred by every goroutine a cell starts; r is what recover
// returned in it.
func (s *Session) goEnd(t *goToken, r any) {
	if t.end != nil {
		t.end()
	}
	// The panic is reported before the goroutine stops counting as live:
	// the end of the cell waits for one or the other, and must not see it
	// gone without its panic.
	if r != nil && !interrupt.IsInterrupt(r) {
		s.goPanic(r)
	}
	s.goMu.Lock()
	if t.cell == s.cellSeq {
		s.cellGoroutines--
	}
	s.liveGo--
	s.goMu.Unlock()
}

// goroutineGrace is how long the end of a cell waits for the goroutines it
// started, still running, to report a panic: a panicking goroutine runs the
// cell's deferred calls (wg.Done) before its recover reports the panic.
const goroutineGrace = 50 * time.Millisecond

// panicGrace bounds the wait past goroutineGrace while some goroutine is
// unwinding a panic. On a loaded machine a goroutine may not be scheduled
// within goroutineGrace, and a fixed grace then loses its panic; a
// goroutine still in its panic's deferred calls is about to report.
const panicGrace = 2 * time.Second

// waitGoroutines gives the cell's goroutines that are still running a short
// grace to report a panic, and more while one of them is still unwinding.
func (s *Session) waitGoroutines() {
	start := time.Now()
	for {
		s.goMu.Lock()
		live, panicked := s.cellGoroutines, len(s.goPanics) > 0
		s.goMu.Unlock()
		if live <= 0 || panicked {
			return
		}
		waited := time.Since(start)
		if waited >= panicGrace || (waited >= goroutineGrace && !anyGoroutinePanicking()) {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// anyGoroutinePanicking reports whether some goroutine of the process is
// running the deferred calls of a panic: its stack shows the runtime's
// panic frame. It reads every goroutine's stack, so it is called only
// once the short grace has passed with goroutines still running.
func anyGoroutinePanicking() bool {
	return bytes.Contains(goid.Stacks(), []byte("\npanic("))
}

// goPanic receives a recovered goroutine panic.
func (s *Session) goPanic(r any) {
	msg := fmt.Sprint(r)
	if err, ok := r.(error); ok {
		msg = err.Error()
	}
	s.goMu.Lock()
	running := s.running
	if running {
		s.goPanics = append(s.goPanics, msg)
	}
	s.goMu.Unlock()
	if !running {
		s.publishOrdered(display.Output{Kind: display.Stream, Name: "stderr", Text: "panic in a goroutine started by an earlier cell: " + msg + "\n"})
	}
}

// takeGoPanics returns the goroutine panics of the running cell.
func (s *Session) takeGoPanics() []string {
	s.goMu.Lock()
	defer s.goMu.Unlock()
	p := s.goPanics
	s.goPanics = nil
	return p
}

func (s *Session) setRunning(running bool) {
	s.goMu.Lock()
	s.running = running
	if running {
		s.cellSeq++
		s.cellGoroutines = 0
	}
	s.goMu.Unlock()
}
