package redistier

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

// A long session of two kernels sharing one server, steps drawn at random:
// writes of every size class, reads from either kernel, locked
// computations, clears, hand edits, a frozen server, a restart. Whatever
// happens, a hit returns exactly the bytes last written for that key; an
// entry written since the last fault is a hit from the other kernel; and
// each outage warns each kernel once.
func TestScenarioSession(t *testing.T) {
	s := startRedis(t)
	cfg := Config{InlineBytes: 2 << 10, ChunkBytes: 8 << 10, RetryInterval: 100 * time.Millisecond, MissTimeout: 300 * time.Millisecond}
	a, wa := openTier(t, s, cfg)
	b, wb := openTier(t, s, cfg)
	tiers := []*Tier{a, b}
	r := rand.New(rand.NewPCG(42, 7))
	ctx := context.Background()
	type state struct {
		data  []byte
		fresh bool // written since the last fault that may have lost it
	}
	model := map[string]*state{} // fn/key → last value written
	fns := []string{"Load", "(*T).Fit", "plot"}
	outages := 0
	recoverAll := func() {
		// Wait until both kernels reach the server again.
		deadline := time.Now().Add(10 * time.Second)
		for _, tier := range tiers {
			for tier.Ping(ctx) != nil {
				if time.Now().After(deadline) {
					t.Fatal("the tier did not recover")
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
	}
	for step := 0; step < 300; step++ {
		fn := fns[r.IntN(len(fns))]
		key := fmt.Sprint("k", r.IntN(6))
		id := fn + "/" + key
		tier := tiers[r.IntN(2)]
		switch op := r.IntN(100); {
		case op < 32: // write
			size := []int{0, 100, 2 << 10, 2<<10 + 1, 20 << 10, 70<<10 + 5}[r.IntN(6)]
			data := payload(size, r.Uint64())
			if err := tier.Put(ctx, fn, key, data, PutOptions{}); err != nil {
				t.Fatalf("step %d: Put %s: %v", step, id, err)
			}
			model[id] = &state{data: data, fresh: true}
		case op < 70: // read
			got, ok, err := tier.Get(ctx, fn, key)
			m := model[id]
			switch {
			case err != nil:
				t.Fatalf("step %d: Get %s: %v", step, id, err)
			case ok && (m == nil || !bytes.Equal(got, m.data)):
				t.Fatalf("step %d: Get %s returned bytes that were not the last written", step, id)
			case !ok && m != nil && m.fresh:
				t.Fatalf("step %d: Get %s missed an entry written since the last fault", step, id)
			}
		case op < 86: // a computation under the lock, from both kernels at once
			want := payload(5000, r.Uint64())
			var computed atomic.Int32
			done := make(chan []byte, 2)
			for _, k := range tiers {
				go func() {
					got, err := getOrCompute(ctx, k, fn, key, func() []byte { computed.Add(1); return want })
					if err != nil {
						t.Errorf("step %d: %v", step, err)
					}
					done <- got
				}()
			}
			g1, g2 := <-done, <-done
			if m := model[id]; m != nil && m.fresh {
				want = m.data // a fresh entry is a hit: nothing computes
			}
			if !bytes.Equal(g1, want) || !bytes.Equal(g2, want) {
				t.Fatalf("step %d: the two kernels got different values for %s", step, id)
			}
			if m := model[id]; m == nil || !m.fresh {
				if n := computed.Load(); n != 1 {
					t.Fatalf("step %d: %s computed %d times", step, id, n)
				}
				model[id] = &state{data: want, fresh: true}
			}
		case op < 90: // clear one function
			if _, err := tier.Clear(ctx, fn); err != nil {
				t.Fatalf("step %d: Clear: %v", step, err)
			}
			for k := range model {
				if len(k) > len(fn) && k[:len(fn)+1] == fn+"/" {
					delete(model, k)
				}
			}
		case op < 95: // hand edit of an entry's manifest
			k, _ := tier.keys(fn, key)
			raw(t, s).HSet(ctx, k.manifest, "sum", "0")
			if _, ok, err := tier.Get(ctx, fn, key); ok {
				t.Fatalf("step %d: an edited entry was a hit", step)
			} else if m := model[id]; m != nil && m.fresh {
				var ce *CorruptError
				if !errors.As(err, &ce) {
					t.Fatalf("step %d: edited entry: %v, want a CorruptError", step, err)
				}
			}
			delete(model, id)
		case op < 98: // the server freezes for a while
			s.pause()
			for i := 0; i < 5; i++ {
				if _, _, err := tiers[i%2].Get(ctx, fn, key); !errors.Is(err, ErrUnavailable) {
					t.Fatalf("step %d: Get on a frozen server: %v", step, err)
				}
			}
			s.resume()
			outages++
			recoverAll()
		default: // the server restarts, empty
			s.stop()
			for _, k := range tiers {
				if _, _, err := k.Get(ctx, fn, key); !errors.Is(err, ErrUnavailable) {
					t.Fatalf("step %d: Get on a stopped server: %v", step, err)
				}
			}
			s.start()
			outages++
			model = map[string]*state{}
			recoverAll()
		}
	}
	for i, w := range []*warnings{wa, wb} {
		if n, rec := w.count(); n != outages || rec != outages {
			t.Errorf("kernel %d: %d warnings and %d recoveries for %d outages", i, n, rec, outages)
		}
	}
	if outages == 0 {
		t.Error("no outage in the session")
	}
	t.Logf("%d outages; stats %+v", outages, a.Stats().Total)
}
