package cachecells

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/gocell/gocell/display"
)

// harness is a Cache with an injected clock, a recorded front end and
// collected warnings.
type harness struct {
	t     *testing.T
	c     *Cache
	mu    sync.Mutex
	clock time.Time
	warns []string
	front []display.Output  // what the front end received
	pub   display.Publisher // the Tee: what cells publish through
}

func newHarness(t *testing.T, dir string, options ...func(*Config)) *harness {
	h := &harness{t: t, clock: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	var tee display.Publisher
	cfg := Config{
		Dir:          dir,
		Now:          h.now,
		Warn:         func(s string) { h.mu.Lock(); h.warns = append(h.warns, s); h.mu.Unlock() },
		Publish:      func(o display.Output) { tee(o) },
		SpinnerDelay: -1,
		Secret:       testSecret,
	}
	for _, o := range options {
		o(&cfg)
	}
	h.c = New(cfg)
	tee = h.c.Tee(func(o display.Output) { h.mu.Lock(); h.front = append(h.front, o); h.mu.Unlock() })
	h.pub = tee
	return h
}

var testSecret = []byte("a test secret of 32 bytes, fixed")

func (h *harness) now() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.clock
}

func (h *harness) advance(d time.Duration) {
	h.mu.Lock()
	h.clock = h.clock.Add(d)
	h.mu.Unlock()
}

func (h *harness) print(s string) {
	h.pub(display.Output{Kind: display.Stream, Name: "stdout", Text: s})
}

func (h *harness) outputs() []display.Output {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]display.Output(nil), h.front...)
}

func (h *harness) reset() {
	h.mu.Lock()
	h.front = nil
	h.mu.Unlock()
}

func (h *harness) warnings() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.warns...)
}

// spec builds a Spec for a function with the given parameter names and one
// result of type R (plus an error result when withErr).
func spec[R any](name string, opts Options, withErr bool, params ...string) Spec {
	s := Spec{Name: name, Options: opts, CodeHash: 1, Decls: map[string]uint64{name: 1}}
	for _, p := range params {
		s.Params = append(s.Params, Param{Name: p})
	}
	s.NumResults = 1
	s.NewResults = func() []any { return []any{new(R)} }
	if withErr {
		s.NumResults, s.LastIsError = 2, true
		s.NewResults = func() []any { return []any{new(R), new(error)} }
	}
	return s
}

func (h *harness) register(s Spec) *Func {
	h.t.Helper()
	f, err := h.c.Register(s)
	if err != nil {
		h.t.Fatalf("Register: %v", err)
	}
	return f
}

func (h *harness) call(f *Func, args []any, compute func() []any) []any {
	h.t.Helper()
	out, err := f.Call(args, compute)
	if err != nil {
		h.t.Fatalf("Call: %v", err)
	}
	return out
}

// texts lists the stream text and text/plain data of outputs, in order.
func texts(outs []display.Output) []string {
	var s []string
	for _, o := range outs {
		switch o.Kind {
		case display.Stream:
			s = append(s, o.Text)
		default:
			if p, ok := o.Data["text/plain"].(string); ok {
				s = append(s, string(o.Kind)+":"+p)
			} else {
				s = append(s, string(o.Kind))
			}
		}
	}
	return s
}

func isCached(o display.Output) bool {
	g, _ := o.Metadata["gocell"].(map[string]any)
	return g["cached"] == true
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }
