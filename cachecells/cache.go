package cachecells

import (
	"fmt"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocell/gocell/cachecells/redistier"
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
	// OwnedStreams says that the interpreter sets Output.Owner on stream
	// text published by a goroutine other than the one that wrote it (see
	// Cache.Current). Without it, such text is attributed to the one call
	// computing, when only one is.
	OwnedStreams bool
	// Secret keys the MAC of persisted entries. Nil: LoadSecret's, read
	// when an entry is first saved or loaded.
	Secret []byte
	// Shared configures the Redis tier of persist=redis functions. Nil:
	// SharedConfigFromEnv, read when such a function is first called. The
	// cache adds a tag derived from the secret to its Namespace and
	// reports through Warn; OnWarn and OnRecover, if set, are called too.
	Shared *redistier.Config
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

	secretOnce sync.Once
	secretKey  []byte
	secretErr  error

	sharedCfg  *redistier.Config
	sharedOnce sync.Once
	tier       atomic.Pointer[redistier.Tier]
	sharedErr  error
}

// New returns an empty cache.
func New(cfg Config) *Cache {
	c := &Cache{
		now: cfg.Now, warn: cfg.Warn, publish: cfg.Publish, namer: cfg.FuncNamer,
		dir: cfg.Dir, spinnerDelay: cfg.SpinnerDelay, secretKey: cfg.Secret, sharedCfg: cfg.Shared,
		funcs: map[string]*Func{},
	}
	c.rec.ownedStreams = cfg.OwnedStreams
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
	remoteHits   uint64 // hits served by the shared tier
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
		// The spec is in place before anyone can find the handle.
		f = &Func{c: c, name: s.Name, entries: map[uint64]*entry{}, flights: map[uint64]*flight{}}
		f.spec.Store(cs)
		c.funcs[s.Name] = f
		c.mu.Unlock()
		return f, nil
	}
	c.mu.Unlock()
	if old := f.spec.Swap(cs); old.Options.Kind != cs.Options.Kind {
		f.clear(old) // released as what they were made as
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
		f.clear(f.spec.Load())
	}
	if c.dir != "" {
		if name == "" {
			return c.removeAllFiles()
		}
		return c.removeFiles(name)
	}
	return nil
}

// clear drops this function's entries, releasing them as cs says (see
// Cache.Clear).
func (f *Func) clear(cs *compiled) {
	f.mu.Lock()
	var gone []*entry
	for _, e := range f.entries {
		gone = append(gone, e)
	}
	f.entries = map[uint64]*entry{}
	f.bytes = 0
	f.mu.Unlock()
	f.c.releaseAll(cs, gone)
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
