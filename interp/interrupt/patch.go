package interrupt

import (
	"context"
	"io"
	"net/http"
	"os/exec"
	"reflect"
	"sync"
	"time"
)

// Patch returns a copy of symbols (the shape of yaegi's stdlib.Symbols)
// with the blocking calls replaced: time.Sleep; sync.Mutex, RWMutex,
// WaitGroup, Cond and NewCond by this package's types; os/exec.Command by
// a command killed when its cell is interrupted. Packages it does not
// change are shared with symbols, not copied.
//
// It also wraps this process's http.DefaultTransport, which http.Get,
// http.DefaultClient and every http.Client without a Transport use, so
// that requests stop on an interrupt.
//
// Channel operations, select, time.After, timers and tickers need no
// patch: they are channel waits, which yaegi's cancellation stops.
func Patch(symbols map[string]map[string]reflect.Value) map[string]map[string]reflect.Value {
	out := make(map[string]map[string]reflect.Value, len(symbols))
	for k, v := range symbols {
		out[k] = v
	}
	patch := func(pkg string, repl map[string]reflect.Value) {
		orig, ok := symbols[pkg]
		if !ok {
			return
		}
		m := make(map[string]reflect.Value, len(orig))
		for k, v := range orig {
			m[k] = v
		}
		for k, v := range repl {
			m[k] = v
		}
		out[pkg] = m
	}
	patch("time/time", map[string]reflect.Value{
		"Sleep": reflect.ValueOf(Sleep),
	})
	patch("sync/sync", map[string]reflect.Value{
		"Mutex":     reflect.ValueOf((*Mutex)(nil)),
		"RWMutex":   reflect.ValueOf((*RWMutex)(nil)),
		"WaitGroup": reflect.ValueOf((*WaitGroup)(nil)),
		"Cond":      reflect.ValueOf((*Cond)(nil)),
		"NewCond":   reflect.ValueOf(NewCond),
	})
	patch("os/exec/exec", map[string]reflect.Value{
		"Command": reflect.ValueOf(Command),
	})
	wrapTransport.Do(func() {
		http.DefaultTransport = &Transport{Base: http.DefaultTransport}
	})
	return out
}

var wrapTransport sync.Once

// Sleep is time.Sleep that an interrupt stops.
func Sleep(d time.Duration) {
	stop := stopChan()
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	block(func() bool {
		select {
		case <-t.C:
			return true
		case <-stop:
			return false
		}
	})
}

// Command is exec.Command for a command that is killed if the cell that
// made it is interrupted while it runs. A command left running by a cell
// that ended normally is not touched by later interrupts.
func Command(name string, arg ...string) *exec.Cmd {
	return exec.CommandContext(stopContext{cellChan()}, name, arg...)
}

// stopContext is a context done when stop is closed.
type stopContext struct{ stop <-chan struct{} }

func (stopContext) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c stopContext) Done() <-chan struct{}     { return c.stop }
func (stopContext) Value(any) any               { return nil }
func (c stopContext) Err() error {
	select {
	case <-c.stop:
		return context.Canceled
	default:
		return nil
	}
}

// Transport is an http.RoundTripper whose requests, bodies included, stop
// on an interrupt: the waiting call panics with the interrupt value.
type Transport struct {
	Base http.RoundTripper
}

// RoundTrip sends req with a context that an interrupt cancels.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	stop := stopChan()
	ctx, cancel := context.WithCancel(req.Context())
	go func() {
		select {
		case <-stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	state.blocked.Add(1)
	resp, err := t.Base.RoundTrip(req.WithContext(ctx))
	state.blocked.Add(-1)
	if err != nil {
		cancel()
		if closed(stop) {
			stopHere()
		}
		return nil, err
	}
	resp.Body = &body{rc: resp.Body, cancel: cancel, stop: stop}
	return resp, nil
}

func closed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// body stops reads on an interrupt, and ends the request's context when
// it is closed.
type body struct {
	rc     io.ReadCloser
	cancel context.CancelFunc
	stop   <-chan struct{}
}

func (b *body) Read(p []byte) (int, error) {
	state.blocked.Add(1)
	n, err := b.rc.Read(p)
	state.blocked.Add(-1)
	if err != nil && err != io.EOF && closed(b.stop) {
		stopHere()
	}
	return n, err
}

func (b *body) Close() error {
	b.cancel()
	return b.rc.Close()
}
