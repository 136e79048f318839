package interrupt

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"github.com/traefik/yaegi/stdlib/unrestricted"
)

// allSymbols is the standard library with os/exec, as an executor that
// offers os/exec would load it.
func allSymbols() map[string]map[string]reflect.Value {
	m := map[string]map[string]reflect.Value{}
	for _, tab := range []map[string]map[string]reflect.Value{stdlib.Symbols, unrestricted.Symbols} {
		for k, v := range tab {
			m[k] = v
		}
	}
	return m
}

// stops records how interrupted calls ended: true for a panic on the
// cell's goroutine, false for a Goexit of another goroutine.
var stops struct {
	sync.Mutex
	onEval []bool
}

func init() {
	stopHook = func(main bool) {
		stops.Lock()
		stops.onEval = append(stops.onEval, main)
		stops.Unlock()
	}
}

func stopCount() (n int, panicked bool) {
	stops.Lock()
	defer stops.Unlock()
	for _, m := range stops.onEval {
		panicked = panicked || m
	}
	return len(stops.onEval), panicked
}

// evalRunning reports whether a goroutine started by EvalWithContext is
// still running a cell.
func evalRunning() bool {
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	return bytes.Contains(buf[:n], []byte("created by github.com/traefik/yaegi/interp.(*Interpreter).EvalWithContext"))
}

func newInterp(t testing.TB, symbols map[string]map[string]reflect.Value) *yaegi.Interpreter {
	t.Helper()
	var stderr bytes.Buffer
	yi := yaegi.New(yaegi.Options{Stderr: &stderr})
	if err := yi.Use(symbols); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if s := stderr.String(); strings.Contains(s, "panic") {
			t.Errorf("the interpreter printed a panic trace for an interrupt:\n%s", s)
		}
	})
	return yi
}

func run(t testing.TB, yi *yaegi.Interpreter, src string) {
	t.Helper()
	Begin()
	if _, err := yi.Eval(src); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
}

// value evaluates fmt.Sprint(expr) in yi.
func value(t testing.TB, yi *yaegi.Interpreter, expr string) string {
	t.Helper()
	run(t, yi, "out = fmt.Sprint("+expr+")")
	return yi.Globals()["out"].String()
}

// interruptCell runs body as a cell, cancels it after wait, calls
// Interrupt as the session does, and returns the time from the cancel to
// the end of the cell's goroutine, and whether an interrupted call
// panicked on it.
func interruptCell(t testing.TB, yi *yaegi.Interpreter, body string, wait time.Duration) (time.Duration, bool) {
	t.Helper()
	Begin()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(wait)
		cancel()
	}()
	n0, _ := stopCount()
	_, err := yi.EvalWithContext(ctx, body)
	cancelled := time.Now()
	if err != context.Canceled {
		t.Fatalf("cell ended with %v before the interrupt", err)
	}
	Interrupt()
	for time.Since(cancelled) < 5*time.Second {
		if !evalRunning() {
			latency := time.Since(cancelled)
			stops.Lock()
			panicked := false
			for _, m := range stops.onEval[n0:] {
				panicked = panicked || m
			}
			stops.Unlock()
			return latency, panicked
		}
		time.Sleep(200 * time.Microsecond)
	}
	t.Fatalf("the interrupted cell was still running 5s after the interrupt:\n%s", body)
	return 0, false
}

const state0 = `
import ("fmt"; "net/http"; "os/exec"; "sync"; "time")
var before, after int
var out string
var mu sync.Mutex
var rw sync.RWMutex
var wg sync.WaitGroup
var cond = sync.NewCond(&mu)
type Guarded struct { sync.Mutex; n int }
var g Guarded
var pid int
var url string

// goSafe starts f the way the session starts a cell's goroutines: a
// panic in it is recovered (the session reports it; an interrupt is
// dropped silently).
func goSafe(f func()) { go func() { defer func() { recover() }(); f() }() }
`

// blockingKinds are cell bodies that block until interrupted; each sets
// before, blocks, and would set after.
var blockingKinds = []struct {
	name, body string
	panics     bool // stopped by this package (true) or by yaegi's own cancellation
}{
	{"time.Sleep", `before = 1; time.Sleep(300 * time.Millisecond); after = 1`, true},
	{"time.After", `before = 1; <-time.After(300 * time.Millisecond); after = 1`, false},
	{"Timer", `before = 1; tm := time.NewTimer(300 * time.Millisecond); <-tm.C; after = 1`, false},
	{"Ticker", `before = 1; tk := time.NewTicker(300 * time.Millisecond); <-tk.C; after = 1`, false},
	{"channel", `before = 1; c := make(chan int); <-c; after = 1`, false},
	{"select", `before = 1; c := make(chan int); select { case <-c: case <-time.After(300 * time.Millisecond): }; after = 1`, false},
	{"WaitGroup.Wait", `before = 1; wg.Add(1); go func() { time.Sleep(300 * time.Millisecond); wg.Done() }(); wg.Wait(); after = 1`, true},
	{"Mutex.Lock", `before = 1; mu.Lock(); go func() { time.Sleep(300 * time.Millisecond); mu.Unlock() }(); mu.Lock(); after = 1; mu.Unlock()`, true},
	{"embedded Mutex", `before = 1; g.Lock(); go func() { time.Sleep(300 * time.Millisecond); g.Unlock() }(); g.Lock(); after = 1; g.Unlock()`, true},
	{"RWMutex.RLock", `before = 1; rw.Lock(); go func() { time.Sleep(300 * time.Millisecond); rw.Unlock() }(); rw.RLock(); after = 1; rw.RUnlock()`, true},
	{"RWMutex.Lock", `before = 1; rw.RLock(); go func() { time.Sleep(300 * time.Millisecond); rw.RUnlock() }(); rw.Lock(); after = 1; rw.Unlock()`, true},
	{"Cond.Wait", `before = 1; func() { mu.Lock(); defer mu.Unlock(); go func() { time.Sleep(300 * time.Millisecond); cond.Signal() }(); cond.Wait(); after = 1 }()`, true},
	{"http.Get", `before = 1; resp, err := http.Get(url); if err == nil { resp.Body.Close() }; after = 1`, true},
	{"http body", `before = 1; resp, _ := http.Get(url + "?stream=1"); b := make([]byte, 10); resp.Body.Read(b); resp.Body.Read(b); after = 1`, true},
	{"exec.Command", `before = 1; cmd := exec.Command("sleep", "0.3"); cmd.Start(); pid = cmd.Process.Pid; cmd.Wait(); after = 1`, false},
}

func TestInterruptEachKind(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("stream") != "" {
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-time.After(300 * time.Millisecond):
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)

	for _, k := range blockingKinds {
		t.Run(k.name, func(t *testing.T) {
			yi := newInterp(t, Patch(allSymbols()))
			run(t, yi, state0)
			run(t, yi, fmt.Sprintf("url = %q", srv.URL))
			latency, panicked := interruptCell(t, yi, k.body, 50*time.Millisecond)
			if k.panics != panicked {
				t.Errorf("the interrupted call panicked on the cell's goroutine: %v, want %v", panicked, k.panics)
			}
			t.Logf("interrupt latency %v", latency)
			if latency > time.Second {
				t.Errorf("interrupt took %v", latency)
			}
			// Wait past the moment the blocking call would have ended,
			// run other cells: the interrupted code must not resume.
			time.Sleep(500 * time.Millisecond)
			run(t, yi, "x := 1")
			time.Sleep(100 * time.Millisecond)
			if got := value(t, yi, "before, after, x"); got != "1 0 1" {
				t.Errorf("before, after, x = %s, want 1 0 1", got)
			}
			if pid := yi.Globals()["pid"].Int(); pid != 0 {
				if err := syscall.Kill(int(pid), 0); err == nil {
					t.Errorf("the command's process %d is still running", pid)
				}
			}
			if Blocked() != 0 {
				t.Errorf("%d calls still blocked", Blocked())
			}
			// The primitives still work after the interrupt.
			if got := value(t, yi, `func() string {
				var m sync.Mutex; m.Lock(); m.Unlock()
				var w sync.WaitGroup; w.Add(1); goSafe(func() { time.Sleep(time.Millisecond); w.Done() }); w.Wait()
				time.Sleep(time.Millisecond)
				out, err := exec.Command("echo", "ok").Output()
				return fmt.Sprint(string(out), err)
			}()`); got != "ok\n<nil>" {
				t.Errorf("after the interrupt: %q", got)
			}
		})
	}
}

// The replaced sync types still satisfy sync.Locker and work with host
// code and goroutines as before.
func TestSyncTypesBehave(t *testing.T) {
	yi := newInterp(t, Patch(allSymbols()))
	run(t, yi, state0)
	got := value(t, yi, `func() string {
		var l sync.Locker = &mu
		l.Lock(); l.Unlock()
		var total int
		var w sync.WaitGroup
		for i := 0; i < 50; i++ {
			w.Add(1)
			goSafe(func() { defer w.Done(); g.Lock(); g.n++; total++; g.Unlock() })
		}
		w.Wait()
		ready := false
		c := sync.NewCond(&mu)
		goSafe(func() { time.Sleep(5 * time.Millisecond); mu.Lock(); ready = true; mu.Unlock(); c.Broadcast() })
		mu.Lock()
		for !ready { c.Wait() }
		mu.Unlock()
		rl := rw.RLocker(); rl.Lock(); rl.Unlock()
		return fmt.Sprint(g.n, total, ready, mu.TryLock())
	}()`)
	if got != "50 50 true true" {
		t.Errorf("got %q", got)
	}
}

// Without the patch, the interrupted host call keeps the cell's
// goroutine blocked: the reference for what the patch changes.
func TestUnpatchedSleepStaysBlocked(t *testing.T) {
	yi := newInterp(t, stdlib.Symbols)
	run(t, yi, `import "time"`)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	_, _ = yi.EvalWithContext(ctx, "time.Sleep(400 * time.Millisecond)")
	time.Sleep(100 * time.Millisecond)
	if !evalRunning() {
		t.Fatalf("an unpatched time.Sleep returned early; the patch would be unneeded")
	}
	time.Sleep(400 * time.Millisecond)
}

// Between an interrupt and the next cell, a goroutine of the cancelled
// cell cannot block again; a background goroutine of an earlier cell
// blocked in a patched call ends, like yaegi ends interpreted goroutines,
// and does not take the executor down.
func TestBackgroundGoroutineStops(t *testing.T) {
	yi := newInterp(t, Patch(allSymbols()))
	run(t, yi, state0)
	run(t, yi, `var ticks int
		func bg() { for { time.Sleep(5 * time.Millisecond); ticks++ } }`)
	run(t, yi, "go bg()")
	time.Sleep(50 * time.Millisecond)
	n0, _ := stopCount()
	_, _ = interruptCell(t, yi, "time.Sleep(time.Hour)", 10*time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	if n, _ := stopCount(); n < n0+2 {
		t.Errorf("%d interrupted calls, want the cell's and the background goroutine's", n-n0)
	}
	n := yi.Globals()["ticks"].Int()
	time.Sleep(100 * time.Millisecond)
	if m := yi.Globals()["ticks"].Int(); m != n || n == 0 {
		t.Errorf("background goroutine: ticks %d then %d", n, m)
	}
}
