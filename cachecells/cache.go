package cachecells

import (
	"fmt"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocell/gocell/display"
)

// DefaultSpinnerDelay is how long a miss computes before its spinner shows:
// quick misses (a loop of cheap calls) then produce no spinner flicker.
const DefaultSpinnerDelay = 500 * time.Millisecond

// Config sets up a Cache. Every field is optional.
type Config struct {
	// Dir holds persist=disk entries (GOCELL_CACHE_DIR, or a .gocell-cache
	// folder chosen by the caller). Empty disables persistence with a
	// one-time warning per function that asks for it.
	Dir string
	// Now is the clock for TTLs; tests inject their own.
	Now func() time.Time
	// Warn receives non-fatal problems (corrupt cache files, values that
	// cannot be persisted, errors from Close). Default: a line on stderr.
	Warn func(msg string)
	// Publish receives replayed outputs. Default display.Publish, so that a
	// replay inside another cached call is recorded by it too.
	Publish display.Publisher
	// FuncNamer lets func values that are named notebook functions be hashed.
	FuncNamer FuncNamer
	// SpinnerDelay: 0 means DefaultSpinnerDelay, negative shows at once.
	SpinnerDelay time.Duration
}

// Cache holds every cached function of one interpreter session.
type Cache struct {
	now          func() time.Time
	warn         func(string)
	publish      display.Publisher
	namer        FuncNamer
	dir          string
	spinnerDelay time.Duration

	mu    sync.RWMutex
	funcs map[string]*Func

	rec rec
}

// New returns an empty cache.
func New(cfg Config) *Cache {
	c := &Cache{
		now: cfg.Now, warn: cfg.Warn, publish: cfg.Publish, namer: cfg.FuncNamer,
		dir: cfg.Dir, spinnerDelay: cfg.SpinnerDelay,
		funcs: map[string]*Func{},
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.warn == nil {
		c.warn = func(msg string) { fmt.Fprintln(os.Stderr, "gocell cache: "+msg) }
	}
	if c.publish == nil {
		c.publish = display.Publish
	}
	if c.spinnerDelay == 0 {
		c.spinnerDelay = DefaultSpinnerDelay
	}
	return c
}

// Func is one cached function. Its handle stays valid across
// re-registrations, so the interpreter may keep it instead of looking the
// name up on every call.
type Func struct {
	c    *Cache
	name string
	spec atomic.Pointer[compiled]

	mu      sync.Mutex
	entries map[uint64]*entry
	flights map[uint64]*flight
	tick    uint64 // LRU clock
	bytes   int64

	hits, misses uint64
	saved        time.Duration
	lastWasHit   bool
	history      []*keyParts // recent missed keys, oldest first
	lastMiss     *keyParts
	lastMissPrev []*keyParts // history as it was just before lastMiss
	warned       map[string]bool
}

// Register adds or updates a cached function. Entries made under earlier
// code versions are kept: reverting an edit hits them again (rule 2). A
// change of kind (data ↔ resource) drops the old entries.
func (c *Cache) Register(s Spec) (*Func, error) {
	cs, err := compile(s)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	f := c.funcs[s.Name]
	if f == nil {
		f = &Func{c: c, name: s.Name, entries: map[uint64]*entry{}, flights: map[uint64]*flight{}}
		c.funcs[s.Name] = f
	}
	c.mu.Unlock()
	if old := f.spec.Swap(cs); old != nil && old.Options.Kind != cs.Options.Kind {
		f.clear()
	}
	return f, nil
}

// Func returns the handle of a registered function, or nil.
func (c *Cache) Func(name string) *Func {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.funcs[name]
}

// Call is Func(name).Call(args, compute).
func (c *Cache) Call(name string, args []any, compute func() []any) ([]any, error) {
	f := c.Func(name)
	if f == nil {
		return nil, fmt.Errorf("cache: no cached function named %s is registered", name)
	}
	return f.Call(args, compute)
}

// flight is a computation in progress; callers with the same key wait for it
// instead of computing again (rule 11).
type flight struct {
	done     chan struct{}
	results  []any // data: copied again for each waiter
	replay   []display.Output
	dur      time.Duration
	panicked bool
	panicVal any
	failed   bool // no results to share (compute mismatch or Goexit): waiters retry
}

// Call returns the results of the function for args: from the cache on a
// hit (replaying the outputs the computation made), or by running compute on
// a miss. args has one value per parameter, excluded ones included. The
// error is an *UnhashableError or a description of a bad call; the results
// of compute, including a non-nil error result, come back in the slice. A
// panic in compute is re-panicked after cleaning up, and nothing is cached.
func (f *Func) Call(args []any, compute func() []any) ([]any, error) {
	cs := f.spec.Load()
	if len(args) != len(cs.Params) {
		return nil, fmt.Errorf("%s %s: called with %d arguments, has %d parameters", cs.Options.Kind, cs.Name, len(args), len(cs.Params))
	}
	var buf [8]uint64
	ck, err := cs.keyOf(args, buf[:], f.c.namer)
	if err != nil {
		return nil, err
	}
	for {
		f.mu.Lock()
		if e := f.entries[ck.key]; e != nil {
			if res, ok := f.hit(cs, e); ok {
				return res, nil
			}
			continue // expired or invalid: gone now, look again
		}
		if fl := f.flights[ck.key]; fl != nil {
			f.mu.Unlock()
			<-fl.done
			if fl.panicked {
				panic(fl.panicVal)
			}
			if fl.failed {
				continue
			}
			f.mu.Lock()
			f.hits++
			f.saved += fl.dur
			f.lastWasHit = true
			f.mu.Unlock()
			f.c.replay(fl.replay)
			return f.handOut(cs, fl.results), nil
		}
		fl := &flight{done: make(chan struct{})}
		f.flights[ck.key] = fl
		f.mu.Unlock()
		return f.miss(cs, &ck, args, fl, compute)
	}
}

// hit serves entry e; f.mu is held on entry and released on return. ok is
// false when e was dropped (expired, or a resource that failed validation).
func (f *Func) hit(cs *compiled, e *entry) ([]any, bool) {
	// The clock is read only for entries that can expire: reading it costs
	// more than the rest of a small hit on some virtual machines.
	if !e.expires.IsZero() && e.expired(f.c.now()) {
		f.removeLocked(e)
		f.mu.Unlock()
		f.c.release(cs, e)
		return nil, false
	}
	if cs.Validate != nil && cs.Options.Kind == Resource {
		f.mu.Unlock()
		valid := f.validate(cs, e)
		f.mu.Lock()
		if f.entries[e.key] != e {
			f.mu.Unlock()
			return nil, false
		}
		if !valid {
			f.removeLocked(e)
			f.mu.Unlock()
			f.c.release(cs, e)
			return nil, false
		}
	}
	f.tick++
	e.lastUsed = f.tick
	f.hits++
	f.saved += e.dur
	f.lastWasHit = true
	results, replay := e.results, e.replay
	f.mu.Unlock()
	f.c.replay(replay)
	return f.handOut(cs, results), true
}

// validate runs the resource's validator; a panic counts as invalid.
func (f *Func) validate(cs *compiled, e *entry) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			f.c.warn(fmt.Sprintf("%s: validate=%s panicked: %v; computing a new resource", cs.Name, cs.Options.Validate, r))
			ok = false
		}
	}()
	return cs.Validate(e.results[0])
}

// handOut gives a caller its results: resources and copy=none share the
// stored values, data gets fresh deep copies (rule 8).
func (f *Func) handOut(cs *compiled, results []any) []any {
	if cs.Options.Kind == Resource || cs.Options.Copy == CopyNone {
		return append([]any(nil), results...)
	}
	return deepCopyAll(results)
}

// miss computes (or loads from disk) the value for a key this goroutine owns
// the flight of.
func (f *Func) miss(cs *compiled, ck *callKey, args []any, fl *flight, compute func() []any) (results []any, err error) {
	now := f.c.now()
	if cs.Options.Persist {
		if e := f.c.load(f, cs, ck.key, now); e != nil {
			f.mu.Lock()
			f.hits++
			f.saved += e.dur
			f.lastWasHit = true
			evicted := f.insertLocked(cs, e, now)
			f.mu.Unlock()
			f.c.releaseAll(cs, evicted)
			f.finish(ck.key, fl, e.results, e.replay, e.dur)
			f.c.replay(e.replay)
			return f.handOut(cs, e.results), nil
		}
	}

	parts := ck.parts(cs, args)
	parts.when = now
	f.mu.Lock()
	f.misses++
	f.lastWasHit = false
	f.noteMiss(parts)
	f.mu.Unlock()

	var sp *spinner
	if cs.Options.ShowSpinner && f.c.rec.active.Load() == 0 {
		sp = f.c.startSpinner(cs.spinnerText())
	}
	r := f.c.rec.start()
	start := time.Now()
	done := false
	defer func() {
		if done {
			return
		}
		// compute panicked (or called runtime.Goexit): nothing is cached
		// (rule 9); waiters see the same panic.
		p := recover()
		f.c.rec.stop(r)
		sp.stop()
		f.mu.Lock()
		delete(f.flights, ck.key)
		f.mu.Unlock()
		fl.panicked, fl.panicVal, fl.failed = p != nil, p, p == nil
		close(fl.done)
		if p != nil {
			panic(p)
		}
	}()
	out := compute()
	done = true
	dur := time.Since(start)
	outs := f.c.rec.stop(r)
	sp.stop()

	if len(out) != cs.NumResults {
		f.mu.Lock()
		delete(f.flights, ck.key)
		f.mu.Unlock()
		fl.failed = true
		close(fl.done)
		return nil, fmt.Errorf("%s %s: computation returned %d results, want %d", cs.Options.Kind, cs.Name, len(out), cs.NumResults)
	}
	replay := prepareReplay(outs)
	if cs.LastIsError && out[len(out)-1] != nil {
		// A failure is not cached (rule 9); waiters get their own copies.
		f.finish(ck.key, fl, deepCopyAll(out), replay, dur)
		return out, nil
	}
	stored := out
	if cs.Options.Kind == Data && cs.Options.Copy == CopyDeep {
		// The cache keeps its own copy, so nothing the function or the
		// caller still holds can change a stored entry.
		stored = deepCopyAll(out)
	}
	e := &entry{key: ck.key, results: stored, outputs: outs, replay: replay, created: now, dur: dur, parts: parts}
	if cs.Options.TTL > 0 {
		e.expires = now.Add(cs.Options.TTL)
	}
	e.size = approxSize(stored) + outputsSize(outs)
	f.mu.Lock()
	evicted := f.insertLocked(cs, e, now)
	f.mu.Unlock()
	f.c.releaseAll(cs, evicted)
	if cs.Options.Persist {
		f.c.save(f, cs, e)
	}
	f.finish(ck.key, fl, stored, replay, dur)
	if cs.Options.Kind == Data && cs.Options.Copy == CopyDeep {
		return deepCopyAll(stored), nil
	}
	return f.handOut(cs, stored), nil
}

// finish wakes the waiters of a flight.
func (f *Func) finish(key uint64, fl *flight, results []any, replay []display.Output, dur time.Duration) {
	fl.results, fl.replay, fl.dur = results, replay, dur
	f.mu.Lock()
	delete(f.flights, key)
	f.mu.Unlock()
	close(fl.done)
}

// Clear drops the entries of the named function, or of every function when
// name is "". Resources are released (see release). Persisted files are
// deleted too. Hit and miss counters are kept.
func (c *Cache) Clear(name string) error {
	c.mu.RLock()
	var fs []*Func
	if name == "" {
		for _, f := range c.funcs {
			fs = append(fs, f)
		}
	} else if f := c.funcs[name]; f != nil {
		fs = append(fs, f)
	}
	c.mu.RUnlock()
	if name != "" && len(fs) == 0 {
		return fmt.Errorf("cache: no cached function named %s", name)
	}
	for _, f := range fs {
		f.clear()
	}
	if c.dir != "" {
		if name == "" {
			return c.removeAllFiles()
		}
		return c.removeFiles(name)
	}
	return nil
}

// Clear drops this function's entries (see Cache.Clear).
func (f *Func) clear() {
	f.mu.Lock()
	var gone []*entry
	for _, e := range f.entries {
		gone = append(gone, e)
	}
	f.entries = map[uint64]*entry{}
	f.bytes = 0
	f.mu.Unlock()
	f.c.releaseAll(f.spec.Load(), gone)
}

// Sweep frees every expired entry now rather than at its next lookup; the
// interpreter may call it after each cell.
func (c *Cache) Sweep() {
	now := c.now()
	for _, f := range c.sortedFuncs() {
		f.mu.Lock()
		gone := f.expireLocked(now)
		f.mu.Unlock()
		c.releaseAll(f.spec.Load(), gone)
	}
}

func (c *Cache) sortedFuncs() []*Func {
	c.mu.RLock()
	fs := make([]*Func, 0, len(c.funcs))
	for _, f := range c.funcs {
		fs = append(fs, f)
	}
	c.mu.RUnlock()
	sort.Slice(fs, func(i, j int) bool { return fs[i].name < fs[j].name })
	return fs
}

// warnOnce reports msg the first time a function hits a given problem.
func (f *Func) warnOnce(topic, msg string) {
	f.mu.Lock()
	if f.warned == nil {
		f.warned = map[string]bool{}
	}
	seen := f.warned[topic]
	f.warned[topic] = true
	f.mu.Unlock()
	if !seen {
		f.c.warn(msg)
	}
}
