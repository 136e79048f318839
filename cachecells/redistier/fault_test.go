package redistier

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A server that stops answering (frozen: connections open, no replies)
// costs each call at most MissTimeout, warns once, and then costs nothing
// until RetryInterval passes; when it answers again the tier recovers.
func TestServerFrozen(t *testing.T) {
	s := startRedis(t)
	const bound = 200 * time.Millisecond
	tier, w := openTier(t, s, Config{MissTimeout: bound, RetryInterval: 700 * time.Millisecond})
	ctx := context.Background()
	data := payload(3<<20, 9)
	if err := tier.Put(ctx, "F", "k", data, PutOptions{}); err != nil {
		t.Fatal(err)
	}
	mustGet(t, tier, "F", "k", data)
	s.pause()
	start := time.Now()
	_, ok, err := tier.Get(ctx, "F", "k")
	if took := time.Since(start); took > bound+time.Second {
		t.Errorf("Get on a frozen server took %v, bound %v", took, bound)
	}
	if ok || !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Get on a frozen server: ok %v, err %v; want ErrUnavailable", ok, err)
	}
	// The circuit is open: further calls do not touch the network.
	for i := 0; i < 50; i++ {
		if _, _, err := tier.Get(ctx, "F", "k"); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("call %d while open: %v", i, err)
		}
		if err := tier.Put(ctx, "F", "k2", data, PutOptions{}); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Put %d while open: %v", i, err)
		}
		if _, err := tier.Lock(ctx, "F", "k2"); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Lock %d while open: %v", i, err)
		}
	}
	st := tier.Stats()
	if st.Available || st.Total.Skipped != 150 || st.LastError == nil {
		t.Errorf("stats while open: available %v, skipped %d, last error %v", st.Available, st.Total.Skipped, st.LastError)
	}
	// Probes after each interval fail again within the bound, still no new warning.
	time.Sleep(800 * time.Millisecond)
	start = time.Now()
	if _, _, err := tier.Get(ctx, "F", "k"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("probe on a frozen server: %v", err)
	}
	if took := time.Since(start); took > bound+time.Second {
		t.Errorf("probe took %v", took)
	}
	if n, r := w.count(); n != 1 || r != 0 {
		t.Fatalf("%d warnings, %d recoveries; want one warning: %v", n, r, w.warned)
	}
	s.resume()
	time.Sleep(800 * time.Millisecond)
	mustGet(t, tier, "F", "k", data)
	if n, r := w.count(); n != 1 || r != 1 {
		t.Errorf("after recovery: %d warnings, %d recoveries; want 1, 1", n, r)
	}
	if !tier.Stats().Available {
		t.Error("not available after recovery")
	}
}

// A server that is stopped and started again (empty, as without
// persistence): calls fail fast while it is down, then miss, then work.
func TestServerRestarted(t *testing.T) {
	s := startRedis(t)
	tier, w := openTier(t, s, Config{RetryInterval: 300 * time.Millisecond, InlineBytes: 100, ChunkBytes: 100})
	ctx := context.Background()
	data := payload(1000, 1)
	tier.Put(ctx, "F", "k", data, PutOptions{})
	mustGet(t, tier, "F", "k", data)
	s.stop()
	for i := 0; i < 20; i++ {
		start := time.Now()
		if _, _, err := tier.Get(ctx, "F", "k"); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Get with the server stopped: %v", err)
		}
		if took := time.Since(start); took > time.Second {
			t.Errorf("Get with the server stopped took %v", took)
		}
	}
	s.start()
	time.Sleep(400 * time.Millisecond)
	mustMiss(t, tier, "F", "k") // the restarted server is empty
	// The scripts are gone from the restarted server's cache too.
	if err := tier.Put(ctx, "F", "k", data, PutOptions{}); err != nil {
		t.Fatalf("Put after restart: %v", err)
	}
	mustGet(t, tier, "F", "k", data)
	lease, err := tier.Lock(ctx, "F", "k2")
	if err != nil {
		t.Fatalf("Lock after restart: %v", err)
	}
	lease.Release(ctx)
	if n, r := w.count(); n != 1 || r != 1 {
		t.Errorf("%d warnings, %d recoveries; want 1, 1: %v", n, r, w.warned)
	}
}

// A server out of memory refuses writes: ErrFull, one warning, and reads
// keep working.
func TestServerFull(t *testing.T) {
	s := startRedis(t, "--maxmemory", "4mb", "--maxmemory-policy", "noeviction")
	tier, w := openTier(t, s, Config{})
	ctx := context.Background()
	if err := tier.Put(ctx, "F", "small", []byte("v"), PutOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		err := tier.Put(ctx, "F", "big", payload(6<<20, 1), PutOptions{})
		if !errors.Is(err, ErrFull) {
			t.Fatalf("Put over maxmemory: %v, want ErrFull", err)
		}
	}
	mustGet(t, tier, "F", "small", []byte("v"))
	if n, _ := w.count(); n != 1 {
		t.Errorf("%d warnings, want 1: %v", n, w.warned)
	}
}

// Nothing listens at the address: Open works, calls fail fast.
func TestNoServer(t *testing.T) {
	s := &redisServer{port: 1} // port 1: nothing listens there
	tier, w := openTier(t, s, Config{})
	start := time.Now()
	if _, _, err := tier.Get(context.Background(), "F", "k"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Get: %v", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("Get took %v", took)
	}
	if n, _ := w.count(); n != 1 {
		t.Errorf("%d warnings", n)
	}
}
