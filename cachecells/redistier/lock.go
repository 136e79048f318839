package redistier

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// Lease is a held compute lock: this kernel computes the entry, the others
// wait. A background goroutine renews it every LockTTL/3 until Release, so
// a long computation keeps it and a dead kernel loses it after LockTTL.
type Lease struct {
	t     *Tier
	fn    string
	keys  keys
	fence int64  // the fencing token: grows with every lock taken on fn
	token string // the lock's value: "fence:nonce"

	stop chan struct{}
	done chan struct{}

	mu       sync.Mutex
	lost     bool
	released bool
}

// Fence is the lease's fencing token. A Put carrying a lease whose lock has
// passed to another kernel is refused (ErrStaleLease).
func (l *Lease) Fence() int64 { return l.fence }

// Lost reports whether the lock was found taken over or expired.
func (l *Lease) Lost() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lost
}

// Lock takes the compute lock of fn and key.
//
//   - (lease, nil): this kernel computes; Get once more first (another kernel
//     may have just written the entry), then Put with PutOptions{Lease:
//     lease}, then lease.Release (also when the computation fails).
//   - (nil, ErrWaited): another kernel held the lock and let it go (its
//     computation ended, or it died and the lock expired): Get again, and
//     on a miss call Lock again.
//   - (nil, ErrLockTimeout): Config.LockWait passed; compute without a lease.
//   - (nil, ErrUnavailable or ctx's error): compute locally.
//
// While another kernel holds the lock, Lock polls it, each poll bounded by
// MissTimeout.
func (t *Tier) Lock(ctx context.Context, fn, key string) (*Lease, error) {
	k, err := t.keys(fn, key)
	if err != nil {
		return nil, err
	}
	var nonce [12]byte
	rand.Read(nonce[:])
	n := hex.EncodeToString(nonce[:])
	ttl := t.cfg.LockTTL.Milliseconds()
	var deadline <-chan time.Time
	if t.cfg.LockWait > 0 {
		timer := time.NewTimer(t.cfg.LockWait)
		defer timer.Stop()
		deadline = timer.C
	}
	waited := false
	poll := 5 * time.Millisecond
	for {
		var res []int64
		err := t.do(ctx, fn, t.cfg.MissTimeout, func(ctx context.Context) error {
			var err error
			res, err = lockScript.Run(ctx, t.rdb, []string{k.lock, k.fence}, n, ttl).Int64Slice()
			return err
		})
		if err != nil {
			return nil, err
		}
		if len(res) != 2 {
			return nil, fmt.Errorf("shared cache: unexpected answer %v to a lock", res)
		}
		if f := res[0]; f > 0 {
			if waited {
				// The holder let go; its result may be there now. Our
				// fresh lock stays only if the caller comes back for it:
				// give it up so others are not kept waiting.
				l := &Lease{t: t, keys: k, token: fmt.Sprintf("%d:%s", f, n)}
				t.release(l)
				return nil, ErrWaited
			}
			l := &Lease{t: t, fn: fn, keys: k, fence: f, token: fmt.Sprintf("%d:%s", f, n),
				stop: make(chan struct{}), done: make(chan struct{})}
			t.mu.Lock()
			if t.closed {
				t.mu.Unlock()
				t.release(l)
				return nil, ErrClosed
			}
			t.leases[l] = struct{}{}
			t.mu.Unlock()
			go l.renew()
			return l, nil
		}
		if !waited {
			waited = true
			t.count(fn, func(c *Counters) { c.LockWaits++ })
		}
		// Poll no later than when the holder's lock would expire.
		wait := poll
		if left := time.Duration(res[1]) * time.Millisecond; left > 0 && left < wait {
			wait = left
		}
		poll = min(2*poll, 100*time.Millisecond)
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-deadline:
			timer.Stop()
			return nil, ErrLockTimeout
		case <-timer.C:
		}
	}
}

// renew keeps the lock alive until Release; it gives up when the lock is
// no longer ours, or when it could not renew for a whole LockTTL (the lock
// has expired by then).
func (l *Lease) renew() {
	defer close(l.done)
	ttl := l.t.cfg.LockTTL
	tick := time.NewTicker(ttl / 3)
	defer tick.Stop()
	lastOK := time.Now()
	for {
		select {
		case <-l.stop:
			return
		case <-tick.C:
		}
		var ok int64
		err := l.t.do(context.Background(), l.fn, l.t.cfg.MissTimeout, func(ctx context.Context) error {
			var err error
			ok, err = renewScript.Run(ctx, l.t.rdb, []string{l.keys.lock}, l.token, ttl.Milliseconds()).Int64()
			return err
		})
		switch {
		case err == nil && ok == 1:
			lastOK = time.Now()
			continue
		case err == nil || time.Since(lastOK) >= ttl:
			l.mu.Lock()
			l.lost = true
			l.mu.Unlock()
			return
		}
	}
}

// Release gives the lock up (if it is still ours) so waiting kernels go on.
// It is safe to call more than once.
func (l *Lease) Release(ctx context.Context) error {
	l.mu.Lock()
	if l.released {
		l.mu.Unlock()
		return nil
	}
	l.released = true
	l.mu.Unlock()
	close(l.stop)
	<-l.done
	l.t.mu.Lock()
	delete(l.t.leases, l)
	l.t.mu.Unlock()
	if l.Lost() {
		return nil
	}
	return l.t.do(ctx, l.fn, l.t.cfg.MissTimeout, func(ctx context.Context) error {
		return releaseScript.Run(ctx, l.t.rdb, []string{l.keys.lock}, l.token).Err()
	})
}

// release drops a lock taken but not handed out.
func (t *Tier) release(l *Lease) {
	t.do(context.Background(), l.fn, t.cfg.MissTimeout, func(ctx context.Context) error {
		return releaseScript.Run(ctx, t.rdb, []string{l.keys.lock}, l.token).Err()
	})
}

// abandon stops renewing without releasing, as a kernel that dies does.
func (l *Lease) abandon() {
	l.mu.Lock()
	l.released = true
	l.mu.Unlock()
	close(l.stop)
	<-l.done
	l.t.mu.Lock()
	delete(l.t.leases, l)
	l.t.mu.Unlock()
}
