package redistier

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Config sets up a Tier. The zero value works: a server at DefaultURL and
// the defaults below.
type Config struct {
	// URL of the server (see ParseURL); empty: DefaultURL.
	URL string
	// TLS replaces the TLS setup of a rediss:// URL (a private CA, a client
	// certificate).
	TLS *tls.Config
	// Namespace prefixes every key; empty: "gocell:v1". Teams sharing one
	// server with different secrets should use one namespace each.
	Namespace string

	// MissTimeout bounds a lookup: the manifest read of Get, and every
	// small operation (lock, release, commit, delete). Default 200ms.
	MissTimeout time.Duration
	// MinThroughput sets the extra time allowed to move an entry's body:
	// size/MinThroughput on top of MissTimeout. Default 32 MB/s.
	MinThroughput int64
	// RetryInterval is how long the circuit stays open after a failure
	// before one call probes the server again. Default 5s.
	RetryInterval time.Duration

	// MaxEntryBytes refuses larger entries with *TooLargeError. Default 256 MiB.
	MaxEntryBytes int64
	// InlineBytes: entries up to this size live in the manifest (one round
	// trip to read). Default 2 MiB.
	InlineBytes int
	// ChunkBytes is the size of the pieces of a larger entry. Default 4 MiB.
	ChunkBytes int

	// LockTTL is how long a compute lock outlives a kernel that stopped
	// renewing it (it died). Default 10s; the holder renews at a third.
	LockTTL time.Duration
	// LockWait bounds how long Lock waits for another kernel's computation;
	// 0: as long as that kernel keeps its lock alive (and ctx allows).
	LockWait time.Duration

	// OnWarn is called once when the server becomes unreachable, slow or
	// full, and again only after it recovered. It must not block.
	OnWarn func(err error)
	// OnRecover is called when a call succeeds after a warning.
	OnRecover func()
}

// Errors a caller tells apart with errors.Is / errors.As.
var (
	// ErrUnavailable: the server could not be reached in time (or the
	// circuit is open after a recent failure). Compute locally.
	ErrUnavailable = errors.New("Redis unavailable")
	// ErrFull: the server refused a write for lack of memory.
	ErrFull = errors.New("Redis is out of memory")
	// ErrStaleLease: a Put carried a lease another kernel has taken over
	// since (its fencing token is no longer current). The write was dropped.
	ErrStaleLease = errors.New("the compute lock was lost to another kernel; the write was dropped")
	// ErrWaited: Lock waited for another kernel that held the lock and has
	// now released it (or died). Look the entry up again before computing.
	ErrWaited = errors.New("another kernel held the compute lock; look the entry up again")
	// ErrLockTimeout: Lock waited Config.LockWait for another kernel.
	ErrLockTimeout = errors.New("gave up waiting for another kernel's computation")
	// ErrClosed: the Tier was closed.
	ErrClosed = errors.New("Redis tier closed")
)

// TooLargeError refuses an entry over Config.MaxEntryBytes; the cache keeps
// it locally and tells the user.
type TooLargeError struct {
	Func  string
	Size  int64
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the entry of %s is %s, over the %s limit of the shared cache; it is kept in this kernel only",
		e.Func, byteSize(e.Size), byteSize(e.Limit))
}

// CorruptError reports an entry whose parts do not add up (hand-edited,
// truncated, or partly evicted by the server). It is a miss; the tier has
// already deleted the entry so that the next Put replaces it.
type CorruptError struct {
	Func, Key string
	Reason    string
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("shared cache entry of %s (key %.16s) refused: %s", e.Func, e.Key, e.Reason)
}

// Tier is a connection to the shared cache. Its methods are safe for
// concurrent use.
type Tier struct {
	cfg Config
	ep  Endpoint
	rdb *redis.Client
	ns  string

	brk breaker

	mu     sync.Mutex
	stats  map[string]*Counters
	leases map[*Lease]struct{}
	closed bool
}

// Open checks the configuration and makes a Tier. It does not contact the
// server: a server that is down only makes calls fail with ErrUnavailable.
func Open(cfg Config) (*Tier, error) {
	quietOnce.Do(func() { redis.SetLogger(quiet{}) })
	ep, err := ParseURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	if cfg.Namespace == "" {
		cfg.Namespace = "gocell:v1"
	}
	if strings.ContainsAny(cfg.Namespace, "{}") {
		return nil, fmt.Errorf("Redis namespace %q: braces are not allowed", cfg.Namespace)
	}
	setDefault(&cfg.MissTimeout, 200*time.Millisecond)
	setDefault(&cfg.RetryInterval, 5*time.Second)
	setDefault(&cfg.LockTTL, 10*time.Second)
	setDefault(&cfg.MinThroughput, 32<<20)
	setDefault(&cfg.MaxEntryBytes, 256<<20)
	setDefault(&cfg.InlineBytes, 2<<20)
	setDefault(&cfg.ChunkBytes, 4<<20)
	if cfg.InlineBytes > cfg.ChunkBytes {
		cfg.InlineBytes = cfg.ChunkBytes
	}
	opt := &redis.Options{
		Addr:     ep.Addr,
		Username: ep.Username,
		Password: ep.Password,
		DB:       ep.DB,
		// RESP2 and no CLIENT SETINFO: understood by every Redis-compatible
		// server, old or new.
		Protocol:        2,
		DisableIdentity: true,
		// Deadlines come from our contexts only; a retry would break the
		// bound, so none (the circuit breaker decides when to try again).
		ContextTimeoutEnabled: true,
		DialTimeout:           cfg.MissTimeout,
		DialerRetries:         1, // a refused connection fails at once

		ReadTimeout:  -1,
		WriteTimeout: -1,
		MaxRetries:   -1,
		PoolTimeout:  cfg.MissTimeout,
	}
	if ep.TLS {
		opt.TLSConfig = ep.tlsConfig()
		if cfg.TLS != nil {
			opt.TLSConfig = cfg.TLS
		}
	}
	return &Tier{
		cfg:    cfg,
		ep:     ep,
		rdb:    redis.NewClient(opt),
		ns:     cfg.Namespace,
		brk:    breaker{interval: cfg.RetryInterval, onWarn: cfg.OnWarn, onRecover: cfg.OnRecover},
		stats:  map[string]*Counters{},
		leases: map[*Lease]struct{}{},
	}, nil
}

// The client logs every failed dial to stderr; the tier reports failures
// once through OnWarn instead.
var quietOnce sync.Once

type quiet struct{}

func (quiet) Printf(context.Context, string, ...any) {}

func setDefault[T comparable](p *T, v T) {
	var zero T
	if *p == zero {
		*p = v
	}
}

// Addr is the server's host:port, for messages.
func (t *Tier) Addr() string { return t.ep.Addr }

// Close releases the locks this Tier holds and closes its connections.
func (t *Tier) Close() error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil
	}
	t.closed = true
	var held []*Lease
	for l := range t.leases {
		held = append(held, l)
	}
	t.mu.Unlock()
	for _, l := range held {
		l.Release(context.Background())
	}
	return t.rdb.Close()
}

// Ping checks the server within MissTimeout.
func (t *Tier) Ping(ctx context.Context) error {
	return t.do(ctx, "", t.cfg.MissTimeout, func(ctx context.Context) error {
		return t.rdb.Ping(ctx).Err()
	})
}

// do runs op under the circuit breaker and a deadline, and turns its error
// into ours: connection trouble becomes ErrUnavailable (and opens the
// circuit), an out-of-memory reply ErrFull.
func (t *Tier) do(ctx context.Context, fn string, timeout time.Duration, op func(context.Context) error) error {
	t.mu.Lock()
	closed := t.closed
	t.mu.Unlock()
	if closed {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if !t.brk.allow() {
		t.count(fn, func(c *Counters) { c.Skipped++ })
		return ErrUnavailable
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := op(ctx)
	switch {
	case err == nil || errors.Is(err, redis.Nil):
		t.brk.success()
		return err
	case isOOM(err):
		// Reachable, and reads still work: the circuit stays closed, but
		// writes warn once until one succeeds.
		t.brk.reachable()
		err = fmt.Errorf("%w (%s): %w", ErrFull, t.ep.Addr, err)
		t.brk.warnFull(err)
		t.count(fn, func(c *Counters) { c.Errors++ })
		return err
	case ctx.Err() != nil && ctx.Err() != context.DeadlineExceeded:
		// The caller cancelled (an interrupted cell): not the server's fault.
		t.brk.abort()
		return ctx.Err()
	case isFailure(err):
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %v: %w", timeout, err)
		}
		err = fmt.Errorf("%w (%s): %w", ErrUnavailable, t.ep.Addr, err)
		t.brk.failure(err)
		t.count(fn, func(c *Counters) { c.Errors++ })
		return err
	default:
		// A reply error about one command (our own bug, or a foreign key
		// of the wrong type in our namespace): the server itself is fine.
		t.brk.success()
		t.count(fn, func(c *Counters) { c.Errors++ })
		return err
	}
}

func isOOM(err error) bool {
	var re redis.Error
	return errors.As(err, &re) && strings.HasPrefix(re.Error(), "OOM")
}

// isFailure tells errors that say the server cannot serve us now (every
// error that is not a reply: refused, reset, timed out, TLS, closed; and
// replies about the server's state or our login) from replies about one
// command.
func isFailure(err error) bool {
	var re redis.Error
	if !errors.As(err, &re) {
		return true
	}
	msg := re.Error()
	for _, p := range []string{"LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "READONLY", "NOAUTH", "WRONGPASS", "NOPERM", "MISCONF"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// breaker is the circuit: closed (calls go through) until a failure, then
// open for interval, then half-open (one probe call) until a success or a
// failure decides.
type breaker struct {
	interval  time.Duration
	onWarn    func(error)
	onRecover func()

	mu      sync.Mutex
	open    bool
	retryAt time.Time
	probing bool
	warned  bool // a warning about reaching the server was given
	lastErr error

	fullWarned bool // a warning about refused writes was given
}

func (b *breaker) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.open {
		return true
	}
	if b.probing || time.Now().Before(b.retryAt) {
		return false
	}
	b.probing = true
	return true
}

func (b *breaker) success() {
	b.mu.Lock()
	recovered := b.warned
	b.open, b.probing, b.warned, b.lastErr = false, false, false, nil
	b.mu.Unlock()
	if recovered && b.onRecover != nil {
		b.onRecover()
	}
}

// reachable closes the circuit after an answer that was still an error,
// without counting as the recovery a warning waits for.
func (b *breaker) reachable() {
	b.mu.Lock()
	b.open, b.probing = false, false
	b.mu.Unlock()
}

// warnFull reports a refused write unless one was reported since the last
// write that worked.
func (b *breaker) warnFull(err error) {
	b.mu.Lock()
	first := !b.fullWarned
	b.fullWarned = true
	b.mu.Unlock()
	if first && b.onWarn != nil {
		b.onWarn(err)
	}
}

// written ends a full server's warning after a write went through.
func (b *breaker) written() {
	b.mu.Lock()
	recovered := b.fullWarned
	b.fullWarned = false
	b.mu.Unlock()
	if recovered && b.onRecover != nil {
		b.onRecover()
	}
}

// abort ends a probe that was cancelled by its caller, deciding nothing.
func (b *breaker) abort() {
	b.mu.Lock()
	b.probing = false
	b.mu.Unlock()
}

func (b *breaker) failure(err error) {
	b.mu.Lock()
	b.open, b.probing, b.lastErr = true, false, err
	b.retryAt = time.Now().Add(b.interval)
	b.mu.Unlock()
	b.warn(err)
}

// warn reports err unless a warning was given since the last recovery.
func (b *breaker) warn(err error) {
	b.mu.Lock()
	first := !b.warned
	b.warned = true
	b.mu.Unlock()
	if first && b.onWarn != nil {
		b.onWarn(err)
	}
}

// Counters are one function's (or all functions') operations on the tier.
type Counters struct {
	Hits, Misses int64 // Get
	Corrupt      int64 // Get found an entry that did not add up
	Puts         int64 // entries written
	TooLarge     int64 // Put refused over MaxEntryBytes
	Stale        int64 // Put refused for a lost lease
	Evicted      int64 // entries removed to honour max_entries
	LockWaits    int64 // Lock waited for another kernel
	Errors       int64 // calls that failed (server down, slow, full)
	Skipped      int64 // calls not tried because the circuit was open
	BytesRead    int64
	BytesWritten int64
}

func (c *Counters) add(o Counters) {
	c.Hits += o.Hits
	c.Misses += o.Misses
	c.Corrupt += o.Corrupt
	c.Puts += o.Puts
	c.TooLarge += o.TooLarge
	c.Stale += o.Stale
	c.Evicted += o.Evicted
	c.LockWaits += o.LockWaits
	c.Errors += o.Errors
	c.Skipped += o.Skipped
	c.BytesRead += o.BytesRead
	c.BytesWritten += o.BytesWritten
}

// Stats is a snapshot of the tier's counters.
type Stats struct {
	Addr      string
	Available bool  // false while the circuit is open
	LastError error // the failure that opened it
	Total     Counters
	Funcs     map[string]Counters
}

// Stats returns the counters of this Tier (this kernel's calls).
func (t *Tier) Stats() Stats {
	t.brk.mu.Lock()
	s := Stats{Addr: t.ep.Addr, Available: !t.brk.open, LastError: t.brk.lastErr, Funcs: map[string]Counters{}}
	t.brk.mu.Unlock()
	t.mu.Lock()
	defer t.mu.Unlock()
	for fn, c := range t.stats {
		if fn != "" {
			s.Funcs[fn] = *c
		}
		s.Total.add(*c)
	}
	return s
}

func (t *Tier) count(fn string, f func(*Counters)) {
	t.mu.Lock()
	c := t.stats[fn]
	if c == nil {
		c = &Counters{}
		t.stats[fn] = c
	}
	f(c)
	t.mu.Unlock()
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
