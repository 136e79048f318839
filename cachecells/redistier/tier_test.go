package redistier

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// warnings records what a Tier reports through OnWarn and OnRecover.
type warnings struct {
	mu        sync.Mutex
	warned    []error
	recovered int
}

func (w *warnings) count() (int, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.warned), w.recovered
}

// openTier opens a Tier on s (one "kernel"), closed at the end of the test.
func openTier(t testing.TB, s *redisServer, cfg Config) (*Tier, *warnings) {
	t.Helper()
	w := &warnings{}
	cfg.URL = s.url()
	cfg.OnWarn = func(err error) { w.mu.Lock(); w.warned = append(w.warned, err); w.mu.Unlock() }
	cfg.OnRecover = func() { w.mu.Lock(); w.recovered++; w.mu.Unlock() }
	tier, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tier.Close() })
	return tier, w
}

// raw is a plain client on s, for looking at and editing keys by hand.
func raw(t testing.TB, s *redisServer) *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: s.url()[len("redis://") : len(s.url())-2], Protocol: 2})
	t.Cleanup(func() { c.Close() })
	return c
}

func payload(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 1))
	b := make([]byte, n)
	for i := 0; i+8 <= n; i += 8 {
		v := r.Uint64()
		for j := 0; j < 8; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	return b
}

func mustGet(t *testing.T, tier *Tier, fn, key string, want []byte) {
	t.Helper()
	got, ok, err := tier.Get(context.Background(), fn, key)
	if err != nil || !ok {
		t.Fatalf("Get(%s, %s) = ok %v, err %v; want a hit", fn, key, ok, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("Get(%s, %s) returned %d bytes that differ from the %d put", fn, key, len(got), len(want))
	}
}

func mustMiss(t *testing.T, tier *Tier, fn, key string) {
	t.Helper()
	got, ok, err := tier.Get(context.Background(), fn, key)
	if err != nil || ok || got != nil {
		t.Fatalf("Get(%s, %s) = %d bytes, ok %v, err %v; want a plain miss", fn, key, len(got), ok, err)
	}
}

func TestRoundTrip(t *testing.T) {
	s := startRedis(t)
	tier, w := openTier(t, s, Config{InlineBytes: 1 << 10, ChunkBytes: 4 << 10})
	ctx := context.Background()
	mustMiss(t, tier, "F", "k0")
	for _, n := range []int{0, 1, 1 << 10, 1<<10 + 1, 4 << 10, 4<<10 + 1, 40<<10 + 3} {
		key := "k" + string(rune('a'+n%26)) + string(rune('a'+n/26%26))
		data := payload(n, uint64(n))
		if err := tier.Put(ctx, "F", key, data, PutOptions{}); err != nil {
			t.Fatalf("Put %d bytes: %v", n, err)
		}
		mustGet(t, tier, "F", key, data)
	}
	// Replacing an entry (inline → chunked → inline) reads the newest.
	for _, n := range []int{100, 50 << 10, 10} {
		data := payload(n, uint64(n)+7)
		if err := tier.Put(ctx, "(*T).M", "same key", data, PutOptions{}); err != nil {
			t.Fatal(err)
		}
		mustGet(t, tier, "(*T).M", "same key", data)
	}
	st := tier.Stats()
	if f := st.Funcs["F"]; f.Hits != 7 || f.Misses != 1 || f.Puts != 7 {
		t.Errorf("stats of F: %+v", f)
	}
	if n, _ := w.count(); n != 0 || !st.Available {
		t.Errorf("warnings %v, available %v", w.warned, st.Available)
	}
	// The replaced chunks of "(*T).M" are left to expire, not kept forever.
	keys, _ := raw(t, s).Keys(ctx, "gocell:v1:{%28%2AT%29.M}:c:*").Result()
	for _, k := range keys {
		if ttl, _ := raw(t, s).PTTL(ctx, k).Result(); ttl <= 0 || ttl > chunkGrace {
			t.Errorf("replaced chunk %s has expiry %v", k, ttl)
		}
	}
	if len(keys) == 0 {
		t.Error("no chunks of the replaced entry: the test did not write a chunked entry")
	}
}

func TestChunked80MB(t *testing.T) {
	s := startRedis(t)
	// This test is about chunking, not the time bound: a loaded machine
	// under the race detector moves 80 MB well below the default 32 MB/s.
	slow := Config{MinThroughput: 1 << 20}
	a, _ := openTier(t, s, slow)
	b, _ := openTier(t, s, slow)
	data := payload(80_000_000, 80)
	if err := a.Put(context.Background(), "Load", "big", data, PutOptions{}); err != nil {
		t.Fatal(err)
	}
	mustGet(t, b, "Load", "big", data)
	n, _ := raw(t, s).Keys(context.Background(), "gocell:v1:{Load}:c:*").Result()
	if want := (80_000_000 + 4<<20 - 1) / (4 << 20); len(n) != want {
		t.Errorf("%d chunks stored, want %d of 4 MiB", len(n), want)
	}
}

// Two kernels (two Tiers) share entries, the index and clearing.
func TestTwoKernelsShare(t *testing.T) {
	s := startRedis(t)
	a, _ := openTier(t, s, Config{})
	b, _ := openTier(t, s, Config{})
	ctx := context.Background()
	for i, n := range []int{10, 3 << 20} {
		data := payload(n, uint64(i))
		key := string(rune('x' + i))
		if err := a.Put(ctx, "F", key, data, PutOptions{}); err != nil {
			t.Fatal(err)
		}
		mustGet(t, b, "F", key, data)
	}
	b.Put(ctx, "G", "x", []byte("g"), PutOptions{})
	if n, err := a.Count(ctx, "F"); n != 2 || err != nil {
		t.Errorf("Count(F) = %d, %v; want 2", n, err)
	}
	if n, err := b.Clear(ctx, "F"); n != 2 || err != nil {
		t.Errorf("Clear(F) = %d, %v; want 2 entries", n, err)
	}
	mustMiss(t, a, "F", "x")
	mustMiss(t, a, "F", "y")
	mustGet(t, a, "G", "x", []byte("g"))
	if keys, _ := raw(t, s).Keys(ctx, "gocell:v1:{F}:*").Result(); len(keys) != 0 {
		t.Errorf("keys left after Clear(F): %v", keys)
	}
}

func TestMaxEntries(t *testing.T) {
	s := startRedis(t)
	tier, _ := openTier(t, s, Config{InlineBytes: 100, ChunkBytes: 100})
	ctx := context.Background()
	put := func(key string) {
		if err := tier.Put(ctx, "F", key, payload(250, 1), PutOptions{MaxEntries: 3}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(3 * time.Millisecond) // distinct last-use times
	}
	put("a")
	put("b")
	put("c")
	mustGet(t, tier, "F", "a", payload(250, 1)) // a is now the most recently used
	time.Sleep(3 * time.Millisecond)
	put("d") // evicts b, the least recently used
	mustMiss(t, tier, "F", "b")
	for _, k := range []string{"a", "c", "d"} {
		mustGet(t, tier, "F", k, payload(250, 1))
	}
	if n, _ := tier.Count(ctx, "F"); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
	if keys, _ := raw(t, s).Keys(ctx, "gocell:v1:{F}:c:b:*").Result(); len(keys) != 0 {
		t.Errorf("chunks of the evicted entry remain: %v", keys)
	}
	if ev := tier.Stats().Funcs["F"].Evicted; ev != 1 {
		t.Errorf("Evicted = %d, want 1", ev)
	}
}

func TestTTL(t *testing.T) {
	s := startRedis(t)
	tier, _ := openTier(t, s, Config{InlineBytes: 100, ChunkBytes: 100})
	ctx := context.Background()
	small, big := payload(50, 2), payload(1000, 3)
	tier.Put(ctx, "F", "small", small, PutOptions{TTL: 400 * time.Millisecond})
	tier.Put(ctx, "F", "big", big, PutOptions{TTL: 400 * time.Millisecond})
	tier.Put(ctx, "F", "forever", small, PutOptions{})
	mustGet(t, tier, "F", "small", small)
	mustGet(t, tier, "F", "big", big)
	r := raw(t, s)
	keys, _ := r.Keys(ctx, "gocell:v1:{F}:c:big:*").Result()
	if len(keys) != 10 {
		t.Fatalf("%d chunks, want 10", len(keys))
	}
	for _, k := range keys {
		if ttl, _ := r.PTTL(ctx, k).Result(); ttl <= 0 {
			t.Errorf("chunk %s has no expiry", k)
		}
	}
	time.Sleep(600 * time.Millisecond)
	mustMiss(t, tier, "F", "small")
	mustMiss(t, tier, "F", "big")
	mustGet(t, tier, "F", "forever", small)
	if n, _ := tier.Count(ctx, "F"); n != 1 {
		t.Errorf("Count after expiry = %d, want 1", n)
	}
}

func TestSizeBound(t *testing.T) {
	s := startRedis(t)
	tier, w := openTier(t, s, Config{MaxEntryBytes: 1 << 20})
	ctx := context.Background()
	err := tier.Put(ctx, "Big", "k", make([]byte, 1<<20+1), PutOptions{})
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 1<<20+1 || tl.Limit != 1<<20 {
		t.Fatalf("Put over the bound: %v", err)
	}
	if want := "the entry of Big is 1.0 MiB, over the 1.0 MiB limit of the shared cache; it is kept in this kernel only"; err.Error() != want {
		t.Errorf("message %q", err)
	}
	if keys, _ := raw(t, s).Keys(ctx, "*").Result(); len(keys) != 0 {
		t.Errorf("an entry over the bound reached the server: %v", keys)
	}
	if err := tier.Put(ctx, "Big", "k", make([]byte, 1<<20), PutOptions{}); err != nil {
		t.Errorf("Put at the bound: %v", err)
	}
	if n, _ := w.count(); n != 0 {
		t.Errorf("a refused size warned about the server: %v", w.warned)
	}
}

// Entries edited by hand in Redis are misses with a CorruptError, are
// deleted, and a new Put repairs them.
func TestTamperedEntries(t *testing.T) {
	s := startRedis(t)
	tier, _ := openTier(t, s, Config{InlineBytes: 100, ChunkBytes: 100})
	ctx := context.Background()
	r := raw(t, s)
	small, big := payload(60, 4), payload(1000, 5)
	chunk := func() string {
		gen, err := r.HGet(ctx, "gocell:v1:{F}:m:big", "gen").Result()
		if err != nil {
			t.Fatalf("manifest of big: %v", err)
		}
		return "gocell:v1:{F}:c:big:" + gen + ":3"
	}
	cases := []struct {
		name, key string
		edit      func()
		reason    string
	}{
		{"inline data rewritten", "small", func() {
			r.HSet(ctx, "gocell:v1:{F}:m:small", "d", string(payload(60, 99)))
		}, "the data does not match the manifest's checksum"},
		{"inline data truncated", "small", func() {
			r.HSet(ctx, "gocell:v1:{F}:m:small", "d", string(small[:59]))
		}, "inline data is 59 bytes, the manifest says 60"},
		{"manifest size edited", "small", func() {
			r.HSet(ctx, "gocell:v1:{F}:m:small", "size", "59")
		}, "the manifest's own checksum does not match its fields"},
		{"manifest version", "small", func() {
			r.HSet(ctx, "gocell:v1:{F}:m:small", "v", "0")
		}, `manifest version "0", expected 1`},
		{"manifest replaced by a string", "small", func() {
			r.Set(ctx, "gocell:v1:{F}:m:small", "hello", 0)
		}, "the manifest key holds another kind of value"},
		{"chunk rewritten", "big", func() {
			r.SetRange(ctx, chunk(), 10, "XY")
		}, "the data does not match the manifest's checksum"},
		{"chunk truncated", "big", func() {
			k := chunk()
			r.Set(ctx, k, "short", 0)
		}, "chunk 4 of 10 is 5 bytes, the manifest says 100"},
		{"chunk deleted", "big", func() {
			r.Del(ctx, chunk())
		}, "chunk 4 of 10 is missing"},
		{"manifest copied to another key", "big", func() {
			r.Copy(ctx, "gocell:v1:{F}:m:small", "gocell:v1:{F}:m:big", 0, true)
		}, "the manifest's own checksum does not match its fields"},
	}
	for _, c := range cases {
		tier.Put(ctx, "F", "small", small, PutOptions{})
		tier.Put(ctx, "F", "big", big, PutOptions{})
		c.edit()
		got, ok, err := tier.Get(ctx, "F", c.key)
		var ce *CorruptError
		if ok || got != nil || !errors.As(err, &ce) {
			t.Errorf("%s: Get = ok %v, err %v; want a *CorruptError", c.name, ok, err)
			continue
		}
		if !bytes.Contains([]byte(ce.Reason), []byte(c.reason)) {
			t.Errorf("%s: reason %q, want %q", c.name, ce.Reason, c.reason)
		}
		mustMiss(t, tier, "F", c.key) // deleted, so a Put can repair it
	}
	tier.Put(ctx, "F", "big", big, PutOptions{})
	mustGet(t, tier, "F", "big", big)
	if st := tier.Stats().Funcs["F"]; st.Corrupt != int64(len(cases)) {
		t.Errorf("Corrupt = %d, want %d", st.Corrupt, len(cases))
	}
}
