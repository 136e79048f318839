package redistier

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// getOrCompute is the miss path the cache follows with a Tier: look up,
// lock, look up again, compute, put, release; after waiting for another
// kernel, look up again.
func getOrCompute(ctx context.Context, tier *Tier, fn, key string, compute func() []byte) ([]byte, error) {
	for {
		if b, ok, err := tier.Get(ctx, fn, key); err != nil || ok {
			return b, err
		}
		lease, err := tier.Lock(ctx, fn, key)
		if errors.Is(err, ErrWaited) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if b, ok, err := tier.Get(ctx, fn, key); err != nil || ok {
			lease.Release(ctx)
			return b, err
		}
		b := compute()
		err = tier.Put(ctx, fn, key, b, PutOptions{Lease: lease})
		lease.Release(ctx)
		return b, err
	}
}

// N callers in each of two kernels ask for the same keys at once: each key
// is computed once, and every caller gets its value.
func TestLockComputesOnce(t *testing.T) {
	s := startRedis(t)
	// 48 callers moving megabytes at once on a shared machine can take
	// longer than the default bound; this test is about the lock.
	cfg := Config{MissTimeout: 3 * time.Second}
	a, _ := openTier(t, s, cfg)
	b, _ := openTier(t, s, cfg)
	const callers, keys = 8, 3
	var computed [keys]atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, 2*callers*keys)
	for _, tier := range []*Tier{a, b} {
		for i := 0; i < callers; i++ {
			for k := 0; k < keys; k++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					key := fmt.Sprint("key", k)
					want := payload(2<<20, uint64(k)) // chunked, so commits take a while
					got, err := getOrCompute(context.Background(), tier, "Slow", key, func() []byte {
						computed[k].Add(1)
						time.Sleep(150 * time.Millisecond)
						return want
					})
					if err != nil {
						errs <- err
					} else if string(got) != string(want) {
						errs <- fmt.Errorf("%s: wrong value", key)
					}
				}()
			}
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for k := range computed {
		if n := computed[k].Load(); n != 1 {
			t.Errorf("key%d computed %d times, want once", k, n)
		}
	}
	if w := a.Stats().Total.LockWaits + b.Stats().Total.LockWaits; w == 0 {
		t.Error("no caller waited for a lock: the test did not exercise the lock")
	}
}

// A long computation keeps its lock past LockTTL by renewing it.
func TestLockRenewed(t *testing.T) {
	s := startRedis(t)
	a, _ := openTier(t, s, Config{LockTTL: 300 * time.Millisecond})
	b, _ := openTier(t, s, Config{LockTTL: 300 * time.Millisecond, LockWait: 900 * time.Millisecond})
	ctx := context.Background()
	lease, err := a.Lock(ctx, "F", "k")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := b.Lock(ctx, "F", "k"); !errors.Is(err, ErrLockTimeout) {
		t.Fatalf("second kernel's Lock while the first renews: %v, want ErrLockTimeout", err)
	}
	if lease.Lost() || time.Since(start) < 900*time.Millisecond {
		t.Fatalf("lease lost %v after %v", lease.Lost(), time.Since(start))
	}
	if err := a.Put(ctx, "F", "k", []byte("v"), PutOptions{Lease: lease}); err != nil {
		t.Fatalf("Put with a renewed lease: %v", err)
	}
	lease.Release(ctx)
	if l, err := b.Lock(ctx, "F", "k"); err != nil {
		t.Fatalf("Lock after release: %v", err)
	} else {
		l.Release(ctx)
	}
}

// A kernel that dies holding the lock blocks the others only until the
// lock expires; when it comes back, its write is refused by the fence.
func TestLockHolderDies(t *testing.T) {
	s := startRedis(t)
	cfg := Config{LockTTL: 400 * time.Millisecond}
	a, _ := openTier(t, s, cfg)
	b, _ := openTier(t, s, cfg)
	ctx := context.Background()
	dead, err := a.Lock(ctx, "F", "k")
	if err != nil {
		t.Fatal(err)
	}
	dead.abandon() // stops renewing, never releases
	start := time.Now()
	if _, err := b.Lock(ctx, "F", "k"); !errors.Is(err, ErrWaited) {
		t.Fatalf("Lock while a dead kernel holds it: %v, want ErrWaited", err)
	}
	if waited := time.Since(start); waited < 200*time.Millisecond {
		t.Errorf("the waiter went on after %v, before the dead holder's lock expired", waited)
	}
	live, err := b.Lock(ctx, "F", "k")
	if err != nil {
		t.Fatal(err)
	}
	if live.Fence() <= dead.Fence() {
		t.Errorf("fence %d after %d: fencing tokens must grow", live.Fence(), dead.Fence())
	}
	// The dead kernel wakes up and writes while the other one holds the lock.
	if err := a.Put(ctx, "F", "k", []byte("stale"), PutOptions{Lease: dead}); !errors.Is(err, ErrStaleLease) {
		t.Fatalf("Put with the lost lease while another holds it: %v, want ErrStaleLease", err)
	}
	if err := b.Put(ctx, "F", "k", []byte("fresh"), PutOptions{Lease: live}); err != nil {
		t.Fatal(err)
	}
	live.Release(ctx)
	// Nobody holds the lock now, but the entry carries a newer fence.
	if err := a.Put(ctx, "F", "k", []byte("stale"), PutOptions{Lease: dead}); !errors.Is(err, ErrStaleLease) {
		t.Fatalf("Put with the lost lease over a newer entry: %v, want ErrStaleLease", err)
	}
	mustGet(t, a, "F", "k", []byte("fresh"))
	if st := a.Stats().Funcs["F"]; st.Stale != 2 {
		t.Errorf("Stale = %d, want 2", st.Stale)
	}
}

// A lease noticed lost by its renewal is refused before anything is sent.
func TestLeaseLostWhileRenewing(t *testing.T) {
	s := startRedis(t)
	a, _ := openTier(t, s, Config{LockTTL: 150 * time.Millisecond})
	ctx := context.Background()
	lease, err := a.Lock(ctx, "F", "k")
	if err != nil {
		t.Fatal(err)
	}
	raw(t, s).Set(ctx, "gocell:v1:{F}:l:k", "999:someone-else", time.Minute)
	deadline := time.Now().Add(5 * time.Second)
	for !lease.Lost() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if !lease.Lost() {
		t.Fatal("the renewal did not notice the lock was taken over")
	}
	if err := a.Put(ctx, "F", "k", []byte("v"), PutOptions{Lease: lease}); !errors.Is(err, ErrStaleLease) {
		t.Fatalf("Put: %v, want ErrStaleLease", err)
	}
	lease.Release(ctx)
	if v, _ := raw(t, s).Get(ctx, "gocell:v1:{F}:l:k").Result(); v != "999:someone-else" {
		t.Errorf("Release removed another kernel's lock: %q", v)
	}
}
