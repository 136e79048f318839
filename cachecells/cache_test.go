package cachecells

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var dataOpts = Options{Kind: Data}
var resOpts = Options{Kind: Resource}

// counter is a cached function body that counts its runs.
type counter struct{ n atomic.Int32 }

func (c *counter) sum(a int, s []float64) func() []any {
	return func() []any {
		c.n.Add(1)
		x := float64(a)
		for _, v := range s {
			x += v
		}
		return []any{x}
	}
}

// Rule 1: same arguments hit, others miss, earlier ones hit again.
func TestRuleArguments(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[float64]("F", dataOpts, false, "a", "s"))
	var c counter
	steps := []struct {
		a     int
		s     []float64
		runs  int32
		value float64
	}{
		{1, []float64{1, 2}, 1, 4},
		{1, []float64{1, 2}, 1, 4},
		{2, []float64{1, 2}, 2, 5},
		{1, []float64{1, 3}, 3, 5},
		{1, []float64{1, 2}, 3, 4},
		{2, []float64{1, 2}, 3, 5},
	}
	for i, st := range steps {
		out := h.call(f, []any{st.a, st.s}, c.sum(st.a, st.s))
		if out[0].(float64) != st.value || c.n.Load() != st.runs {
			t.Fatalf("step %d: got %v after %d runs, want %v after %d", i, out[0], c.n.Load(), st.value, st.runs)
		}
	}
}

// Rules 2 and 3: a new code hash misses; reverting hits the old entry.
func TestRuleCodeHash(t *testing.T) {
	h := newHarness(t, "")
	s := spec[float64]("F", dataOpts, false, "a", "s")
	f := h.register(s)
	var c counter
	call := func() { h.call(f, []any{1, []float64{1}}, c.sum(1, []float64{1})) }
	call()
	call()
	s.CodeHash, s.Decls = 2, map[string]uint64{"F": 1, "helper": 7}
	h.register(s)
	call()
	if c.n.Load() != 2 {
		t.Fatalf("edit: %d runs, want 2", c.n.Load())
	}
	s.CodeHash, s.Decls = 1, map[string]uint64{"F": 1}
	if h.register(s) != f {
		t.Fatal("re-registration changed the handle")
	}
	call()
	if c.n.Load() != 2 {
		t.Fatalf("revert: %d runs, want 2 (old entry should hit)", c.n.Load())
	}
}

// Rule 4: globals are hashed on every call.
func TestRuleGlobals(t *testing.T) {
	h := newHarness(t, "")
	threshold := 0.5
	table := []int{1, 2, 3}
	s := spec[float64]("F", dataOpts, false, "a")
	s.Globals = func() map[string]reflect.Value {
		return map[string]reflect.Value{
			"threshold": reflect.ValueOf(&threshold).Elem(),
			"table":     reflect.ValueOf(&table).Elem(),
		}
	}
	f := h.register(s)
	var runs int
	call := func() float64 {
		return h.call(f, []any{1}, func() []any { runs++; return []any{threshold * float64(table[1])} })[0].(float64)
	}
	call()
	call()
	threshold = 0.7
	if got := call(); got != 1.4 || runs != 2 {
		t.Fatalf("after reassigning a global: %v, %d runs", got, runs)
	}
	table[1] = 10
	if got := call(); got != 7 || runs != 3 {
		t.Fatalf("after changing one element of a global slice: %v, %d runs", got, runs)
	}
	threshold, table[1] = 0.5, 2
	if got := call(); got != 1 || runs != 3 {
		t.Fatalf("after restoring globals: %v, %d runs (want a hit)", got, runs)
	}
}

// Rule 5: _-prefixed, ignore= and context parameters are not hashed.
func TestRuleExcludedParams(t *testing.T) {
	h := newHarness(t, "")
	s := spec[int]("F", Options{Kind: Data, Ignore: []string{"log"}}, false, "a", "_db", "log", "ctx")
	s.Params[3].Context = true
	f := h.register(s)
	runs := 0
	compute := func() []any { runs++; return []any{1} }
	ctx1, cancel := context.WithCancel(context.Background())
	defer cancel()
	h.call(f, []any{1, make(chan int), func() {}, ctx1}, compute)
	h.call(f, []any{1, &sync.Mutex{}, "other", context.Background()}, compute)
	if runs != 1 {
		t.Fatalf("excluded parameters changed the key: %d runs", runs)
	}
	h.call(f, []any{2, nil, nil, nil}, compute)
	if runs != 2 {
		t.Fatal("included parameter did not change the key")
	}
	if _, err := h.c.Register(spec[int]("G", Options{Kind: Data, Ignore: []string{"nope"}}, false, "a")); err == nil ||
		!strings.Contains(err.Error(), "nope") || !strings.Contains(err.Error(), "parameters: a") {
		t.Errorf("ignore of an unknown parameter: %v", err)
	}
}

// Rule 7: the error names the function, parameter, path, type and fixes.
func TestRuleUnhashableMessage(t *testing.T) {
	h := newHarness(t, "")
	type config struct {
		Name  string
		Conns []chan int
	}
	f := h.register(spec[int]("LoadSales", dataOpts, false, "year", "cfg"))
	_, err := f.Call([]any{2024, config{Conns: []chan int{nil, nil, make(chan int)}}}, func() []any { return []any{1} })
	var ue *UnhashableError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want *UnhashableError", err)
	}
	msg := err.Error()
	for _, want := range []string{"LoadSales", "argument cfg", "cfg.Conns[2]", "chan int", "_cfg", "ignore=cfg", "CacheKey() any", "cache.RegisterHasher"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}

// Rule 8: data callers get independent deep copies, the first one included.
func TestRuleDataCopies(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[[]float64]("F", dataOpts, false, "n"))
	var kept []float64
	compute := func() []any { kept = []float64{1, 2, 3}; return []any{kept} }
	first := h.call(f, []any{3}, compute)[0].([]float64)
	first[0] = 100
	kept[1] = 100 // the function keeps a reference and mutates it later
	second := h.call(f, []any{3}, compute)[0].([]float64)
	if !equal(second, []float64{1, 2, 3}) {
		t.Fatalf("second call got %v", second)
	}
	second[2] = 100
	third := h.call(f, []any{3}, compute)[0].([]float64)
	if !equal(third, []float64{1, 2, 3}) || &third[0] == &second[0] {
		t.Fatalf("third call got %v (shared: %v)", third, &third[0] == &second[0])
	}
}

func TestCopyNone(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[[]int]("F", Options{Kind: Data, Copy: CopyNone}, false))
	compute := func() []any { return []any{[]int{1}} }
	a := h.call(f, nil, compute)[0].([]int)
	b := h.call(f, nil, compute)[0].([]int)
	if &a[0] != &b[0] {
		t.Error("copy=none should return the stored value")
	}
}

type fakeDB struct {
	id     int
	closed atomic.Bool
	ok     atomic.Bool
}

func (d *fakeDB) Close() error { d.closed.Store(true); return nil }

// Rule 8 (resources), validate and release.
func TestResource(t *testing.T) {
	h := newHarness(t, "")
	s := spec[*fakeDB]("OpenDB", Options{Kind: Resource, Validate: "Ping"}, true, "dsn")
	s.Validate = func(v any) bool { return v.(*fakeDB).ok.Load() }
	f := h.register(s)
	made := 0
	open := func() []any { made++; d := &fakeDB{id: made}; d.ok.Store(true); return []any{d, nil} }
	a := h.call(f, []any{"x"}, open)[0].(*fakeDB)
	b := h.call(f, []any{"x"}, open)[0].(*fakeDB)
	if a != b || made != 1 {
		t.Fatalf("resource not shared: %p %p, %d made", a, b, made)
	}
	a.ok.Store(false) // the connection broke
	c := h.call(f, []any{"x"}, open)[0].(*fakeDB)
	if c == a || made != 2 || !a.closed.Load() {
		t.Fatalf("invalid resource not replaced and released: same=%v made=%d closed=%v", c == a, made, a.closed.Load())
	}
	if err := h.c.Clear("OpenDB"); err != nil {
		t.Fatal(err)
	}
	if !c.closed.Load() {
		t.Error("Clear did not release the resource")
	}
	if err := h.c.Clear("Nope"); err == nil {
		t.Error("clearing an unknown function should fail")
	}
}

// Rule 9: panics and errors leave no entry.
func TestRuleFailuresNotCached(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", dataOpts, true, "a"))
	runs := 0
	boom := func() []any { runs++; panic("boom") }
	for i := 0; i < 2; i++ {
		func() {
			defer func() {
				if r := recover(); r != "boom" {
					t.Fatalf("recovered %v, want the original panic", r)
				}
			}()
			f.Call([]any{1}, boom)
		}()
	}
	fail := func() []any { runs++; return []any{0, fmt.Errorf("no")} }
	for i := 0; i < 2; i++ {
		out := h.call(f, []any{1}, fail)
		if out[1] == nil {
			t.Fatal("error result lost")
		}
	}
	if runs != 4 {
		t.Fatalf("%d runs, want 4: failures must not be cached", runs)
	}
	ok := func() []any { runs++; return []any{7, nil} }
	h.call(f, []any{1}, ok)
	h.call(f, []any{1}, ok)
	if runs != 5 || h.c.Stats()[0].Entries != 1 {
		t.Fatalf("success after failures: %d runs, stats %+v", runs, h.c.Stats())
	}
}

// Rule 11: one computation per key; different keys do not wait.
func TestRuleSingleFlight(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", Options{Kind: Data, Replay: ReplayAll}, false, "a"))
	var runs atomic.Int32
	release := make(chan struct{})
	started := make(chan struct{})
	slow := func() []any {
		if runs.Add(1) == 1 {
			close(started)
		}
		h.print("working\n")
		<-release
		return []any{42}
	}
	const n = 16
	var wg sync.WaitGroup
	results := make([]int, n)
	go func() {}()
	wg.Add(1)
	go func() { defer wg.Done(); results[0] = h.call(f, []any{1}, slow)[0].(int) }()
	<-started
	for i := 1; i < n; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); results[i] = h.call(f, []any{1}, slow)[0].(int) }(i)
	}
	// A different key completes while key 1 is still computing.
	done := make(chan int)
	go func() { done <- h.call(f, []any{2}, func() []any { return []any{2} })[0].(int) }()
	select {
	case v := <-done:
		if v != 2 {
			t.Fatalf("other key got %d", v)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a different key waited for a computing one")
	}
	time.Sleep(20 * time.Millisecond) // let waiters queue up
	close(release)
	wg.Wait()
	if runs.Load() != 1 {
		t.Fatalf("%d computations, want 1", runs.Load())
	}
	for i, r := range results {
		if r != 42 {
			t.Fatalf("caller %d got %d", i, r)
		}
	}
	// Every waiter saw the output replayed.
	live, replayed := 0, 0
	for _, o := range h.outputs() {
		if o.Text == "working\n" {
			if isCached(o) {
				replayed++
			} else {
				live++
			}
		}
	}
	if live != 1 || replayed != n-1 {
		t.Errorf("outputs: %d live, %d replayed; want 1 and %d", live, replayed, n-1)
	}
}

func TestSingleFlightPanicReachesWaiters(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", dataOpts, false))
	release := make(chan struct{})
	started := make(chan struct{})
	var wg sync.WaitGroup
	panics := make([]any, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { panics[i] = recover() }()
			f.Call(nil, func() []any { close(started); <-release; panic("bad") })
		}(i)
		if i == 0 {
			<-started
		}
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	if panics[0] != "bad" || panics[1] != "bad" {
		t.Fatalf("panics: %v", panics)
	}
}

func TestTTL(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[[]byte]("F", Options{Kind: Data, TTL: time.Minute}, false, "a"))
	runs := 0
	compute := func() []any { runs++; return []any{make([]byte, 1000)} }
	h.call(f, []any{1}, compute)
	h.call(f, []any{2}, compute)
	h.advance(59 * time.Second)
	h.call(f, []any{1}, compute)
	if runs != 2 {
		t.Fatal("hit expected before the ttl")
	}
	h.advance(2 * time.Second)
	h.c.Sweep()
	if st := h.c.Stats()[0]; st.Entries != 0 || st.Bytes != 0 {
		t.Fatalf("expired entries not freed: %+v", st)
	}
	h.call(f, []any{1}, compute)
	if runs != 3 {
		t.Fatalf("%d runs, want 3 (recompute after ttl)", runs)
	}
}

func TestMaxEntriesLRU(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", Options{Kind: Data, MaxEntries: 2}, false, "a"))
	runs := map[int]int{}
	call := func(a int) { h.call(f, []any{a}, func() []any { runs[a]++; return []any{a} }) }
	call(1)
	call(2)
	call(1) // 1 is now more recent than 2
	call(3) // evicts 2
	call(1)
	call(3)
	if runs[1] != 1 || runs[3] != 1 {
		t.Fatalf("recent entries evicted: %v", runs)
	}
	call(2)
	if runs[2] != 2 {
		t.Fatalf("least recently used entry kept: %v", runs)
	}
	if st := h.c.Stats()[0]; st.Entries != 2 {
		t.Fatalf("entries = %d, want 2", st.Entries)
	}
}

func TestResourceReleasedOnEvictionAndTTL(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[*fakeDB]("R", Options{Kind: Resource, MaxEntries: 1, TTL: time.Hour}, false, "a"))
	mk := func() []any { return []any{&fakeDB{}} }
	a := h.call(f, []any{1}, mk)[0].(*fakeDB)
	b := h.call(f, []any{2}, mk)[0].(*fakeDB)
	if !a.closed.Load() {
		t.Error("evicted resource not released")
	}
	h.advance(2 * time.Hour)
	h.call(f, []any{2}, mk)
	if !b.closed.Load() {
		t.Error("expired resource not released")
	}
}

func TestKindChangeDropsEntries(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[*sharedCloser]("F", dataOpts, false))
	closes := new(atomic.Int32)
	h.call(f, nil, func() []any { return []any{&sharedCloser{closes}} })
	h.register(spec[*sharedCloser]("F", resOpts, false))
	if closes.Load() != 0 {
		t.Error("a data entry was closed as if it were a resource")
	}
	if st := h.c.Stats()[0]; st.Entries != 0 || st.Kind != Resource {
		t.Fatalf("stats after kind change: %+v", st)
	}
}

func TestCallErrors(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", dataOpts, false, "a"))
	if _, err := f.Call(nil, nil); err == nil {
		t.Error("wrong argument count accepted")
	}
	if _, err := f.Call([]any{1}, func() []any { return nil }); err == nil {
		t.Error("wrong result count accepted")
	}
	if _, err := h.c.Call("nope", nil, nil); err == nil {
		t.Error("unknown function accepted")
	}
	if out, err := h.c.Call("F", []any{1}, func() []any { return []any{5} }); err != nil || out[0] != 5 {
		t.Errorf("Cache.Call: %v %v", out, err)
	}
	if _, err := h.c.Register(Spec{Name: "P", Options: Options{Kind: Data, Persist: PersistDisk}, NumResults: 1}); err == nil {
		t.Error("persist without NewResults accepted")
	}
	if _, err := h.c.Register(Spec{Name: "V", Options: Options{Kind: Resource, Validate: "Ping"}, NumResults: 1}); err == nil {
		t.Error("validate without a function accepted")
	}
}

// sharedCloser counts Close calls in a counter that deep copies share
// (atomic types are shared, not copied).
type sharedCloser struct{ n *atomic.Int32 }

func (c *sharedCloser) Close() { c.n.Add(1) }
