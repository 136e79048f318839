package cachecells

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gocell/gocell/cachecells/redistier"
	"github.com/gocell/gocell/display"
)

// These tests drive the persist=redis path against a real redis-server
// started on 127.0.0.1 and a free port. Two harnesses with different cache
// folders and the same secret stand for two kernels.

type testRedis struct {
	port int
	cmd  *exec.Cmd
}

func startTestRedis(t testing.TB) *testRedis {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not installed (Debian package redis-server); the shared-cache tests need a real server")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &testRedis{port: port, cmd: cmd}
	t.Cleanup(r.stop)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if c, err := net.DialTimeout("tcp", r.addr(), time.Second); err == nil {
			c.Close()
			return r
		}
	}
	t.Fatalf("redis-server did not start on %s", r.addr())
	return nil
}

func (r *testRedis) addr() string { return fmt.Sprintf("127.0.0.1:%d", r.port) }
func (r *testRedis) url() string  { return "redis://" + r.addr() + "/0" }
func (r *testRedis) stop() {
	if r.cmd != nil {
		r.cmd.Process.Kill()
		r.cmd.Wait()
		r.cmd = nil
	}
}

func sharedWith(url string, secret []byte, more ...func(*redistier.Config)) func(*Config) {
	return func(c *Config) {
		cfg := &redistier.Config{URL: url, Namespace: "test"}
		for _, m := range more {
			m(cfg)
		}
		c.Shared = cfg
		c.Secret = secret
	}
}

var redisOpts = Options{Kind: Data, Persist: PersistRedis}

func (h *harness) closeOnCleanup() *harness {
	h.t.Cleanup(func() { h.c.Close() })
	return h
}

// Rule 15: a second kernel hits the first one's entry, with the displayed
// outputs replayed and the printed text not.
func TestSharedCrossKernelHit(t *testing.T) {
	r := startTestRedis(t)
	h1 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret)).closeOnCleanup()
	h2 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret)).closeOnCleanup()
	f1 := h1.register(spec[[]float64]("Load", redisOpts, true, "n"))
	f2 := h2.register(spec[[]float64]("Load", redisOpts, true, "n"))
	compute := func(h *harness) func() []any {
		return func() []any {
			h.print("loading\n")
			h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "chart"}})
			return []any{[]float64{1, 2, 3}, nil}
		}
	}
	out := h1.call(f1, []any{3}, compute(h1))
	if !equal(out[0], []float64{1, 2, 3}) {
		t.Fatalf("miss returned %v", out)
	}
	out = h2.call(f2, []any{3}, func() []any { t.Fatal("second kernel computed instead of hitting Redis"); return nil })
	if !equal(out[0], []float64{1, 2, 3}) || out[1] != nil {
		t.Fatalf("remote hit returned %v", out)
	}
	got := h2.outputs()
	if len(got) != 1 || !isCached(got[0]) || texts(got)[0] != "display_data:chart" {
		t.Fatalf("remote hit replayed %v, want the chart only, marked cached", texts(got))
	}
	st := h2.c.Stats()[0]
	if st.Hits != 1 || st.RemoteHits != 1 || st.Misses != 0 || st.Tier != "redis" || st.Remote == nil || st.Remote.Hits != 1 {
		t.Fatalf("stats after a remote hit: %+v", st)
	}
	// The entry is now in the second kernel's memory: no second Redis read.
	h2.call(f2, []any{3}, func() []any { t.Fatal("computed"); return nil })
	if st := h2.c.Stats()[0]; st.Hits != 2 || st.RemoteHits != 1 {
		t.Fatalf("memory hit after the remote one: %+v", st)
	}
	// Other arguments miss everywhere.
	var ran atomic.Int32
	h2.call(f2, []any{4}, func() []any { ran.Add(1); return []any{[]float64{4}, nil} })
	if ran.Load() != 1 {
		t.Fatal("a new key did not compute")
	}
	if w := h1.warnings(); len(w) != 0 {
		t.Fatalf("warnings: %v", w)
	}
	plain := RenderStats(h2.c.Stats())["text/plain"].(string)
	if !strings.Contains(plain, "remote hits") || !strings.Contains(plain, "redis") {
		t.Fatalf("stats table lacks the tier and remote hits:\n%s", plain)
	}
}

// An entry sealed with another secret (a foreign team, or a hand-made
// entry) is refused with a warning, deleted and recomputed; a kernel with
// another secret does not even see the first team's entries.
func TestSharedForeignEntryRefused(t *testing.T) {
	r := startTestRedis(t)
	h1 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret)).closeOnCleanup()
	f1 := h1.register(spec[int]("Sum", redisOpts, false, "n"))
	cs := f1.spec.Load()
	ck, err := cs.safeKeyOf([]any{5}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Forge: an entry claiming 666, sealed with a secret that is not the team's.
	forged, err := encodeEntry([]byte("someone else's secret, 32 bytes"), cs, &entry{key: ck.key, results: []any{666}, created: h1.now()})
	if err != nil {
		t.Fatal(err)
	}
	tier, err := h1.c.shared()
	if err != nil {
		t.Fatal(err)
	}
	if err := tier.Put(context.Background(), "Sum", sharedKey(ck.key), forged, redistier.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	out := h1.call(f1, []any{5}, func() []any { return []any{15} })
	if out[0] != 15 {
		t.Fatalf("forged entry served: %v", out)
	}
	if w := strings.Join(h1.warnings(), "\n"); !strings.Contains(w, "refusing the shared cache entry") || !strings.Contains(w, "GOCELL_CACHE_SECRET") {
		t.Fatalf("no warning about the forged entry: %q", w)
	}
	// The good result replaced it.
	h2 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret)).closeOnCleanup()
	f2 := h2.register(spec[int]("Sum", redisOpts, false, "n"))
	if out := h2.call(f2, []any{5}, func() []any { t.Fatal("computed"); return nil }); out[0] != 15 {
		t.Fatalf("got %v", out)
	}
	// Another team's kernel misses (its namespace differs) and warns nothing.
	h3 := newHarness(t, t.TempDir(), sharedWith(r.url(), []byte("another team's secret, 32 bytes!"))).closeOnCleanup()
	f3 := h3.register(spec[int]("Sum", redisOpts, false, "n"))
	var ran bool
	h3.call(f3, []any{5}, func() []any { ran = true; return []any{15} })
	if !ran || len(h3.warnings()) != 0 {
		t.Fatalf("other team: ran=%v warnings=%v", ran, h3.warnings())
	}
}

// Redis down: every call computes, one warning in all, and a hit again
// once the server is back.
func TestSharedServerDown(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	h := newHarness(t, t.TempDir(), sharedWith("redis://"+addr+"/0", testSecret)).closeOnCleanup()
	f := h.register(spec[int]("F", redisOpts, false, "n"))
	for i := 0; i < 5; i++ {
		start := time.Now()
		out := h.call(f, []any{i}, func() []any { return []any{i * 2} })
		if out[0] != i*2 {
			t.Fatalf("got %v", out)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("a call waited %v on a server that is down", d)
		}
	}
	w := h.warnings()
	if len(w) != 1 || !strings.Contains(w[0], "computing here") && !strings.Contains(w[0], "compute here") {
		t.Fatalf("want one warning, got %q", w)
	}
	if st := h.c.Stats()[0]; !st.RemoteDown || st.Misses != 5 {
		t.Fatalf("stats: %+v", st)
	}
}

// An entry over the size bound stays in this kernel, with a notice.
func TestSharedTooLarge(t *testing.T) {
	r := startTestRedis(t)
	small := func(c *redistier.Config) { c.MaxEntryBytes = 4096 }
	h1 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret, small)).closeOnCleanup()
	h2 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret, small)).closeOnCleanup()
	f1 := h1.register(spec[[]float64]("Big", redisOpts, false))
	f2 := h2.register(spec[[]float64]("Big", redisOpts, false))
	h1.call(f1, nil, func() []any { return []any{make([]float64, 10000)} })
	if w := strings.Join(h1.warnings(), "\n"); !strings.Contains(w, "kept in this kernel only") || !strings.Contains(w, RedisMaxEntryEnv) {
		t.Fatalf("no notice about the size bound: %q", w)
	}
	var ran bool
	h2.call(f2, nil, func() []any { ran = true; return []any{make([]float64, 10000)} })
	if !ran {
		t.Fatal("an entry over the bound was shared")
	}
	h1.call(f1, nil, func() []any { t.Fatal("the first kernel lost its local entry"); return nil })
}

// Rule 15: two kernels calling with one key at once compute once; the
// waiting one gets the result (and the outputs) from Redis.
func TestSharedComputeOnce(t *testing.T) {
	r := startTestRedis(t)
	var runs atomic.Int32
	var wg sync.WaitGroup
	results := make([]any, 4)
	hs := make([]*harness, 4)
	for i := range hs {
		hs[i] = newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret)).closeOnCleanup()
	}
	for i, h := range hs {
		f := h.register(spec[string]("Slow", redisOpts, false, "n"))
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := f.Call([]any{1}, func() []any {
				runs.Add(1)
				h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "done"}})
				time.Sleep(500 * time.Millisecond)
				return []any{"value"}
			})
			if err != nil {
				t.Error(err)
				return
			}
			results[i] = out[0]
		}()
	}
	wg.Wait()
	if n := runs.Load(); n != 1 {
		t.Fatalf("%d kernels computed the same key, want 1", n)
	}
	remote := 0
	for i, h := range hs {
		if results[i] != "value" {
			t.Fatalf("kernel %d got %v", i, results[i])
		}
		if got := texts(h.outputs()); len(got) != 1 || got[0] != "display_data:done" {
			t.Fatalf("kernel %d showed %v", i, got)
		}
		remote += int(h.c.Stats()[0].RemoteHits)
	}
	if remote != 3 {
		t.Fatalf("%d remote hits, want 3", remote)
	}
}

// `%cache clear F` clears this kernel and names the flag; `--shared`
// removes the Redis entries for everyone.
func TestSharedClearCommand(t *testing.T) {
	r := startTestRedis(t)
	h1 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret)).closeOnCleanup()
	h2 := newHarness(t, t.TempDir(), sharedWith(r.url(), testSecret)).closeOnCleanup()
	f1 := h1.register(spec[int]("F", redisOpts, false, "n"))
	h1.register(spec[int]("Local", Options{Kind: Data}, false))
	f2 := h2.register(spec[int]("F", redisOpts, false, "n"))
	for i := 0; i < 3; i++ {
		h1.call(f1, []any{i}, func() []any { return []any{i} })
	}
	msg, err := h1.c.ClearCommand([]string{"F"}, false)
	if err != nil || !strings.Contains(msg, "remain") || !strings.Contains(msg, "%cache clear --shared F") {
		t.Fatalf("clear F: %q, %v", msg, err)
	}
	// Still shared: the other kernel hits, and so does this one (from Redis).
	h2.call(f2, []any{0}, func() []any { t.Fatal("computed after a local clear"); return nil })
	h1.call(f1, []any{1}, func() []any { t.Fatal("computed after a local clear"); return nil })
	msg, err = h1.c.ClearCommand([]string{"F"}, true)
	if err != nil || !strings.Contains(msg, "Removed 3 shared entries") {
		t.Fatalf("clear --shared F: %q, %v", msg, err)
	}
	var ran bool
	h1.call(f1, []any{2}, func() []any { ran = true; return []any{2} })
	if !ran {
		t.Fatal("hit after clear --shared")
	}
	msg, err = h1.c.ClearCommand([]string{"Local"}, true)
	if err != nil || !strings.Contains(msg, "nothing was removed from Redis") {
		t.Fatalf("clear --shared Local: %q, %v", msg, err)
	}
	if _, err := h1.c.ClearCommand([]string{"Nope"}, true); err == nil {
		t.Fatal("clearing an unknown function succeeded")
	}
}

func TestSharedConfigFromEnv(t *testing.T) {
	t.Setenv(RedisURLEnv, "redis://example.org:6380/2")
	t.Setenv(RedisTimeoutEnv, "150ms")
	t.Setenv(RedisMaxEntryEnv, "300MB")
	cfg, err := SharedConfigFromEnv()
	if err != nil || cfg.URL != "redis://example.org:6380/2" || cfg.MissTimeout != 150*time.Millisecond || cfg.MaxEntryBytes != 300e6 {
		t.Fatalf("%+v, %v", cfg, err)
	}
	for env, bad := range map[string]string{RedisTimeoutEnv: "soon", RedisMaxEntryEnv: "lots"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, bad)
			if _, err := SharedConfigFromEnv(); err == nil || !strings.Contains(err.Error(), env) {
				t.Fatalf("%s=%s: %v", env, bad, err)
			}
		})
	}
	for in, want := range map[string]int64{"1024": 1024, "1KiB": 1024, "2 MiB": 2 << 20, "1.5GB": 1.5e9} {
		if n, err := parseBytes(in); err != nil || n != want {
			t.Errorf("parseBytes(%q) = %d, %v", in, n, err)
		}
	}
}
