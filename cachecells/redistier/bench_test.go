package redistier

import (
	"context"
	"testing"
	"time"
)

// pairedWall times subject and reference b.N times each, alternating, and
// reports both per op and their ratio. Wall time, because most of the cost
// is the server's and the socket's, not this thread's CPU; alternating
// makes both sides see the same load of a shared machine.
func pairedWall(b *testing.B, subject, reference func()) {
	var subj, ref time.Duration
	subject()
	reference()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		subject()
		subj += time.Since(start)
		start = time.Now()
		reference()
		ref += time.Since(start)
	}
	b.StopTimer()
	b.ReportMetric(float64(subj.Nanoseconds())/float64(b.N), "ns/get")
	b.ReportMetric(float64(ref.Nanoseconds())/float64(b.N), "ref-ns/get")
	b.ReportMetric(float64(subj)/float64(ref), "ratio")
}

// A hit of an entry holding a []float64 of 1 MB and of 80 MB (plus a
// header of the size the cache writes), against a plain GET of the same
// bytes stored under one key, with the same client.
func BenchmarkGet(b *testing.B) {
	s := startRedis(b)
	tier, _ := openTier(b, s, Config{})
	ctx := context.Background()
	for _, c := range []struct {
		name string
		size int
	}{{"1MB", 8*131072 + 256}, {"80MB", 8*10_000_000 + 256}} {
		b.Run(c.name, func(b *testing.B) {
			data := payload(c.size, 1)
			if err := tier.Put(ctx, "F", c.name, data, PutOptions{}); err != nil {
				b.Fatal(err)
			}
			if err := tier.rdb.Set(ctx, "raw:"+c.name, data, 0).Err(); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(c.size))
			pairedWall(b, func() {
				got, ok, err := tier.Get(ctx, "F", c.name)
				if !ok || err != nil || len(got) != c.size {
					b.Fatalf("Get: %d bytes, %v, %v", len(got), ok, err)
				}
			}, func() {
				got, err := tier.rdb.Get(ctx, "raw:"+c.name).Bytes()
				if err != nil || len(got) != c.size {
					b.Fatalf("GET: %d bytes, %v", len(got), err)
				}
			})
		})
	}
}

// The miss check: Get of a key that is not there, against a plain GET of a
// missing key; then the cost of a call while the server is down, with the
// circuit open (the normal case) and when every call probes (connection
// refused each time).
func BenchmarkMissCheck(b *testing.B) {
	ctx := context.Background()
	b.Run("up", func(b *testing.B) {
		s := startRedis(b)
		tier, _ := openTier(b, s, Config{})
		pairedWall(b, func() {
			if _, ok, err := tier.Get(ctx, "F", "absent"); ok || err != nil {
				b.Fatal(ok, err)
			}
		}, func() {
			if err := tier.rdb.Get(ctx, "absent").Err(); err == nil {
				b.Fatal("hit")
			}
		})
	})
	for _, c := range []struct {
		name  string
		retry time.Duration
	}{{"down-circuit-open", time.Hour}, {"down-probing-every-call", time.Nanosecond}} {
		b.Run(c.name, func(b *testing.B) {
			s := startRedis(b)
			tier, _ := openTier(b, s, Config{RetryInterval: c.retry})
			tier.Ping(ctx)
			s.stop()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, _, err := tier.Get(ctx, "F", "absent"); err == nil {
					b.Fatal("no error with the server down")
				}
			}
		})
	}
}
