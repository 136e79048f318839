package cachecells

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gocell/gocell/cachecells/redistier"
)

// The shared tier (persist=redis, rule 15) sits behind memory: a call that
// misses in this kernel's memory asks Redis, and on a miss there takes the
// key's compute lock, so that kernels calling the same function with the
// same key at once compute it once. Entries travel as the same
// authenticated bytes as disk files (encodeEntry), so an entry written
// without the team secret, or altered in Redis, is refused like a forged
// file. Every Redis problem degrades to computing locally; the tier bounds
// how long a call waits and warns once while the server is unreachable.

// Environment variables that configure the shared tier (read when the
// first persist=redis function is called, unless Config.Shared is set).
const (
	RedisURLEnv       = "GOCELL_REDIS_URL"       // redis://[user:password@]host:port/db, rediss:// for TLS
	RedisTimeoutEnv   = "GOCELL_REDIS_TIMEOUT"   // bound on a lookup (miss check), a Go duration; default 200ms
	RedisMaxEntryEnv  = "GOCELL_REDIS_MAX_ENTRY" // larger entries stay local; bytes, or 300MB, 1GiB; default 256MiB
	RedisNamespaceEnv = "GOCELL_REDIS_NAMESPACE" // key prefix; default gocell:v1
)

// SharedConfigFromEnv returns the shared tier's configuration as the
// environment sets it. A bad value is an error naming the variable.
func SharedConfigFromEnv() (redistier.Config, error) {
	cfg := redistier.Config{URL: os.Getenv(RedisURLEnv), Namespace: os.Getenv(RedisNamespaceEnv)}
	if v := strings.TrimSpace(os.Getenv(RedisTimeoutEnv)); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("%s=%q: want a positive Go duration such as 200ms or 1s", RedisTimeoutEnv, v)
		}
		cfg.MissTimeout = d
	}
	if v := strings.TrimSpace(os.Getenv(RedisMaxEntryEnv)); v != "" {
		n, err := parseBytes(v)
		if err != nil {
			return cfg, fmt.Errorf("%s=%q: %v", RedisMaxEntryEnv, v, err)
		}
		cfg.MaxEntryBytes = n
	}
	return cfg, nil
}

// parseBytes reads a size: a number of bytes, or a number with a unit
// (KB, MB, GB: powers of 1000; KiB, MiB, GiB: powers of 1024).
func parseBytes(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	num, mult := strings.TrimSpace(s), 1.0
	for _, u := range units {
		if rest, ok := strings.CutSuffix(num, u.suffix); ok {
			num, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f*mult < 1 || f*mult > 1<<50 {
		return 0, fmt.Errorf("want a positive size such as 300MB, 1GiB or a number of bytes")
	}
	return int64(f * mult), nil
}

// teamTag names the secret's holders inside the key namespace without
// revealing it, so teams with different secrets on one server never touch
// each other's entries (they could not read them anyway: the MAC fails).
func teamTag(secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("gocell shared cache namespace"))
	return hex.EncodeToString(m.Sum(nil)[:6])
}

// shared returns the shared tier, opening it on first use. An error means
// persist=redis works as memory only; it is reported once per function.
func (c *Cache) shared() (*redistier.Tier, error) {
	c.sharedOnce.Do(func() {
		secret, err := c.secret()
		if err != nil {
			c.sharedErr = err
			return
		}
		var cfg redistier.Config
		if c.sharedCfg != nil {
			cfg = *c.sharedCfg
		} else if cfg, err = SharedConfigFromEnv(); err != nil {
			c.sharedErr = err
			return
		}
		if cfg.Namespace == "" {
			cfg.Namespace = "gocell:v1"
		}
		cfg.Namespace += ":" + teamTag(secret)
		where := cfg.URL
		if where == "" {
			where = redistier.DefaultURL
		}
		if ep, err := redistier.ParseURL(cfg.URL); err == nil {
			where = ep.Addr
		}
		warn, recovered := cfg.OnWarn, cfg.OnRecover
		cfg.OnWarn = func(err error) {
			c.warn(fmt.Sprintf("shared cache (Redis at %s): %v; persist=redis calls compute here and the notebook goes on (no more warnings until Redis is back)", where, err))
			if warn != nil {
				warn(err)
			}
		}
		cfg.OnRecover = func() {
			c.warn(fmt.Sprintf("shared cache (Redis at %s) is available again", where))
			if recovered != nil {
				recovered()
			}
		}
		t, err := redistier.Open(cfg)
		c.tier.Store(t)
		c.sharedErr = err
	})
	return c.tier.Load(), c.sharedErr
}

// openedTier returns the shared tier if it was opened, without opening it.
func (c *Cache) openedTier() *redistier.Tier { return c.tier.Load() }

// Close lets go of the shared tier's connections and compute locks. The
// cache stays usable in memory (and on disk).
func (c *Cache) Close() error {
	c.sharedOnce.Do(func() { c.sharedErr = errors.New("the cache is closed") })
	if t := c.tier.Load(); t != nil {
		return t.Close()
	}
	return nil
}

// sharedKey is how an entry's key is written in Redis.
func sharedKey(key uint64) string { return fmt.Sprintf("%016x", key) }

// sharedCall is the state of one miss of a persist=redis function.
type sharedCall struct {
	tier  *redistier.Tier
	lease *redistier.Lease
	put   bool // write the result: Redis answered and no other kernel's write wins
}

// sharedLookup looks key up in Redis and, on a miss, takes its compute
// lock (waiting while another kernel computes it). It returns the entry on
// a hit; otherwise sc says whether and how to write the result.
func (f *Func) sharedLookup(cs *compiled, key uint64, sc *sharedCall) *entry {
	t, err := f.c.shared()
	if err != nil {
		f.warnOnce("shared", fmt.Sprintf("%s: persist=redis is off: %v; keeping entries in this kernel's memory only", cs.Name, err))
		return nil
	}
	sc.tier = t
	ctx := context.Background()
	k := sharedKey(key)
	for {
		e, err := f.sharedGet(cs, t, key)
		if e != nil || err != nil {
			return e // a hit, or Redis cannot help now: compute here
		}
		lease, err := t.Lock(ctx, cs.Name, k)
		switch {
		case errors.Is(err, redistier.ErrWaited):
			continue // another kernel computed (or gave up): look again
		case errors.Is(err, redistier.ErrLockTimeout):
			sc.put = true
			return nil
		case err != nil:
			// Unreachable, full, or a reply error: compute here; the tier
			// warned where a warning is due.
			return nil
		}
		// Another kernel may have written the entry just before we got the
		// lock.
		if e, _ := f.sharedGet(cs, t, key); e != nil {
			lease.Release(ctx)
			return e
		}
		sc.lease, sc.put = lease, true
		return nil
	}
}

// sharedGet fetches and authenticates the entry for key. A missing, bad
// or expired entry is (nil, nil), with a warning where the entry itself
// was bad; an error means Redis could not answer (compute here, without
// the lock).
func (f *Func) sharedGet(cs *compiled, t *redistier.Tier, key uint64) (*entry, error) {
	ctx := context.Background()
	data, ok, err := t.Get(ctx, cs.Name, sharedKey(key))
	var corrupt *redistier.CorruptError
	switch {
	case errors.As(err, &corrupt):
		f.c.warn(fmt.Sprintf("%s: %v; computing instead", cs.Name, err))
		return nil, nil
	case err != nil:
		return nil, err
	case !ok:
		return nil, nil
	}
	secret, err := f.c.secret()
	if err != nil {
		return nil, err
	}
	e, expired, err := decodeEntry(secret, data, cs, key, f.c.now())
	if err != nil {
		if errors.Is(err, errNotAuthentic) {
			err = fmt.Errorf("%w (written without this team's GOCELL_CACHE_SECRET, or altered in Redis)", err)
		}
		f.c.warn(fmt.Sprintf("%s: refusing the shared cache entry for key %s: %v; computing instead", cs.Name, sharedKey(key), err))
		t.Delete(ctx, cs.Name, sharedKey(key))
		return nil, nil
	}
	if expired {
		return nil, nil
	}
	return e, nil
}

// sharedPut writes a computed entry to Redis, under the lease when one is
// held. Problems are notices or warnings; the entry stays in memory.
func (f *Func) sharedPut(cs *compiled, sc *sharedCall, e *entry) {
	if sc.tier == nil || !sc.put {
		return
	}
	secret, err := f.c.secret()
	if err != nil {
		return
	}
	data, err := encodeEntry(secret, cs, e)
	if err != nil {
		f.warnOnce("encode-shared", fmt.Sprintf("%s: cannot share this entry (%v); it stays in this kernel only", cs.Name, err))
		return
	}
	opt := redistier.PutOptions{MaxEntries: cs.Options.MaxEntries, Lease: sc.lease}
	if !e.expires.IsZero() {
		opt.TTL = e.expires.Sub(f.c.now())
		if opt.TTL <= 0 {
			return
		}
	}
	err = sc.tier.Put(context.Background(), cs.Name, sharedKey(e.key), data, opt)
	var tooLarge *redistier.TooLargeError
	switch {
	case err == nil:
	case errors.As(err, &tooLarge):
		f.c.warn(fmt.Sprintf("%s: %v (the bound is %s=%s)", cs.Name, tooLarge, RedisMaxEntryEnv, formatBytes(tooLarge.Limit)))
	case errors.Is(err, redistier.ErrStaleLease):
		// Another kernel took the lock over and wrote its own result,
		// which wins; ours is still good in this kernel.
	case errors.Is(err, redistier.ErrFull), errors.Is(err, redistier.ErrUnavailable):
		// Already warned once by the tier.
	default:
		f.warnOnce("put-shared", fmt.Sprintf("%s: writing to the shared cache: %v; the entry stays in this kernel", cs.Name, err))
	}
}

// release ends the call's hold on the compute lock, whatever happened.
func (sc *sharedCall) release() {
	if sc.lease != nil {
		sc.lease.Release(context.Background())
		sc.lease = nil
	}
}

// ClearShared deletes the entries of the named persist=redis function in
// Redis, for every kernel sharing them, or of every registered
// persist=redis function when name is "". It returns how many entries went.
// Entries in this kernel's memory are left alone (Clear does that).
func (c *Cache) ClearShared(name string) (int, error) {
	var fs []*Func
	for _, f := range c.sortedFuncs() {
		if (name == "" || f.name == name) && f.spec.Load().Options.Persist == PersistRedis {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return 0, nil
	}
	t, err := c.shared()
	if err != nil {
		return 0, fmt.Errorf("shared cache: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	total := 0
	for _, f := range fs {
		n, err := t.Clear(ctx, f.name)
		total += n
		if err != nil {
			return total, fmt.Errorf("clearing %s in the shared cache: %w", f.name, err)
		}
	}
	return total, nil
}

// ClearCommand carries out `%cache clear [--shared] [F ...]` and returns
// what to tell the user. Without shared, persist=redis functions are
// cleared in this kernel only, and the message says that their shared
// entries remain and how to remove them: clearing Redis affects every
// kernel of the team, so it takes the explicit flag.
func (c *Cache) ClearCommand(names []string, shared bool) (string, error) {
	all := len(names) == 0
	if all {
		names = []string{""}
	}
	for _, n := range names {
		if err := c.Clear(n); err != nil {
			return "", err
		}
	}
	var redisFuncs []string
	for _, f := range c.sortedFuncs() {
		if f.spec.Load().Options.Persist != PersistRedis {
			continue
		}
		for _, n := range names {
			if n == "" || n == f.name {
				redisFuncs = append(redisFuncs, f.name)
				break
			}
		}
	}
	var msg strings.Builder
	here := ""
	if len(redisFuncs) > 0 {
		here = " in this kernel"
	}
	if all {
		fmt.Fprintf(&msg, "Cleared every cache%s.", here)
	} else {
		fmt.Fprintf(&msg, "Cleared the cache of %s%s.", strings.Join(names, ", "), here)
	}
	switch {
	case len(redisFuncs) == 0:
		if shared {
			msg.WriteString(" None of them is shared (persist=redis), so nothing was removed from Redis.")
		}
	case shared:
		total := 0
		for _, n := range redisFuncs {
			k, err := c.ClearShared(n)
			total += k
			if err != nil {
				return "", fmt.Errorf("%s (%d shared entries removed before the error)", err, total)
			}
		}
		fmt.Fprintf(&msg, " Removed %d shared entr%s of %s from Redis, for every kernel.", total, plural(total, "y", "ies"), strings.Join(redisFuncs, ", "))
	default:
		fmt.Fprintf(&msg, " The shared entries of %s in Redis remain for every kernel; `%%cache clear --shared %s` removes them too.",
			strings.Join(redisFuncs, ", "), strings.Join(redisFuncs, " "))
	}
	return msg.String(), nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
