// Package interrupt makes the blocking calls of the standard library stop
// when the user interrupts a cell, without replacing the executor.
//
// yaegi's EvalWithContext stops interpreted code (loops, channel waits,
// select) when the context is cancelled, but a goroutine blocked inside a
// host call (time.Sleep, sync.Mutex.Lock, sync.WaitGroup.Wait, ...) keeps
// waiting, and could later run the rest of the cancelled cell. Patch
// returns symbol tables where those calls are replaced by ones that also
// wait for Interrupt. An interrupted call never returns: on the cell's
// own goroutine it panics with a value IsInterrupt recognises, on other
// goroutines the goroutine ends (see stopHere). The code after it never
// runs.
//
// The session calls Begin before each cell and Interrupt after
// EvalWithContext returned because its context was cancelled.
package interrupt

import (
	"bytes"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	yaegi "github.com/traefik/yaegi/interp"
)

// interrupted is the panic value of an interrupted call.
//
// Its message is the one yaegi treats as net/http's abort sentinel: yaegi
// prints "panic: ..." to the interpreter's stderr at every interpreted
// frame a panic crosses, except for that message, and an interrupt is not
// an error the user should see a trace of.
type interrupted struct{}

func (interrupted) Error() string { return "net/http: abort Handler" }

// IsInterrupt reports whether v, a recovered panic value, an error from
// Eval (yaegi's Panic wraps recovered values) or an error wrapping one of
// these, comes from an interrupted call.
func IsInterrupt(v any) bool {
	switch x := v.(type) {
	case interrupted, *interrupted:
		return true
	case yaegi.Panic:
		return IsInterrupt(x.Value)
	case *yaegi.Panic:
		return x != nil && IsInterrupt(x.Value)
	case error:
		var p yaegi.Panic
		if errors.As(x, &p) {
			return IsInterrupt(p.Value)
		}
		return errors.As(x, new(interrupted))
	}
	return false
}

// state is shared by every patched call of the process: the executor runs
// one interpreter, one cell at a time.
var state struct {
	mu      sync.Mutex
	all     chan struct{} // closed by Interrupt: every blocked call stops
	cell    chan struct{} // closed by Interrupt: things the current cell started stop
	stopped atomic.Bool   // between Interrupt and the next Begin
	blocked atomic.Int64  // calls waiting right now
}

func init() {
	state.all = make(chan struct{})
	state.cell = make(chan struct{})
}

// Begin marks the start of a cell. Calls blocked since an interrupt have
// all panicked by now; calls made from here on wait normally again.
func Begin() {
	state.mu.Lock()
	defer state.mu.Unlock()
	if state.stopped.Load() {
		state.all = make(chan struct{})
		state.stopped.Store(false)
	}
	state.cell = make(chan struct{})
}

// Interrupt stops every blocked patched call: each panics with the
// interrupt value. Until the next Begin, patched calls panic at once, so
// that the cancelled cell, or a goroutine it started, cannot block again.
// Like yaegi's cancellation, it stops background goroutines of earlier
// cells too.
func Interrupt() {
	state.mu.Lock()
	defer state.mu.Unlock()
	if state.stopped.Load() {
		return
	}
	state.stopped.Store(true)
	close(state.all)
	close(state.cell)
}

// Blocked is the number of patched calls waiting right now. After an
// interrupt it falls to zero within microseconds; the session can wait
// for that before it runs the next cell.
func Blocked() int64 { return state.blocked.Load() }

// Hold blocks the caller until the next interrupt, then stops it as an
// interrupted call stops. Host code that gave up waiting because the
// cell's context ended (a read of stdin) calls it instead of returning
// into the cell, whose next statements must not run.
func Hold() {
	stop := stopChan()
	block(func() bool {
		<-stop
		return false
	})
}

// stopChan returns the channel an interrupt closes, or stops the caller
// if the executor is between an interrupt and the next cell.
func stopChan() <-chan struct{} {
	if state.stopped.Load() {
		stopHere()
	}
	state.mu.Lock()
	c := state.all
	state.mu.Unlock()
	return c
}

// cellChan is the channel an interrupt of the current cell closes.
func cellChan() <-chan struct{} {
	if state.stopped.Load() {
		stopHere()
	}
	state.mu.Lock()
	c := state.cell
	state.mu.Unlock()
	return c
}

// block runs wait, which returns true when it completed and false when
// stop was closed first, and turns an interrupt into the panic.
func block(wait func() bool) {
	state.blocked.Add(1)
	ok := wait()
	state.blocked.Add(-1)
	if !ok {
		stopHere()
	}
}

// stopHere ends the interrupted call so that the code after it never
// runs. On the goroutine yaegi's EvalWithContext runs the cell on, it
// panics with the interrupt value: that goroutine recovers it and the
// panic unwinds host frames too (a sort.Slice calling back into the
// cell). Any other goroutine ends with runtime.Goexit: after an interrupt
// yaegi no longer runs the deferred functions of interpreted frames, so a
// recover in the goroutine could not catch a panic, and an uncaught panic
// would end the executor.
func stopHere() {
	main := onEvalGoroutine()
	if stopHook != nil {
		stopHook(main)
	}
	if main {
		panic(interrupted{})
	}
	runtime.Goexit()
}

// stopHook lets tests see how interrupted calls ended.
var stopHook func(evalGoroutine bool)

// onEvalGoroutine reports whether the caller runs on the goroutine
// EvalWithContext started. Read only when a call is interrupted.
func onEvalGoroutine() bool {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, false)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	return bytes.Contains(buf, []byte("created by github.com/traefik/yaegi/interp.(*Interpreter).EvalWithContext"))
}
