package interp

import (
	"context"
	"os"
	"sort"
	"testing"
)

// bigSetup declares a cached function returning n float64s, computes the
// 80 MB entry once, and a source slice of the same size for the reference.
const bigSetup = `import "time"

//%cache_data
func Big(n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i)
	}
	return xs
}

src := Big(10_000_000)
var ys, zs []float64
var hitNs, copyNs int64`

// bigCell times, in one cell, a hit of Big and a make+copy of the same
// size; both results are dropped first, so each round holds what the last
// one did.
const bigCell = `ys = nil
zs = nil
t0 := time.Now()
ys = Big(10_000_000)
hitNs = int64(time.Since(t0))
t1 := time.Now()
zs = make([]float64, len(src))
copy(zs, src)
copyNs = int64(time.Since(t1))`

// bigSession is made once for every round of the benchmark: each holds
// 320 MB (the entry, the source, the two results).
var bigSession *Session

// BenchmarkCachedBigHit measures, from a cell, a cache_data hit returning an
// 80 MB []float64 against a make+copy of the same size in the same cell
// (the reference: a hit costs about one copy, rule 14). Each op runs the
// cell once; the ratio's min, median and max over the ops are reported.
func BenchmarkCachedBigHit(b *testing.B) {
	if bigSession == nil {
		dir, err := os.MkdirTemp("", "gocell-bench-")
		if err != nil {
			b.Fatal(err)
		}
		defer os.RemoveAll(dir)
		b.Setenv("GOCELL_CACHE_DIR", dir)
		bigSession = newBenchSession(b)
		if cerr := bigSession.Execute(context.Background(), bigSetup, ExecuteOptions{Name: "cell1.go"}); cerr != nil {
			b.Fatal(cerr)
		}
	}
	s := bigSession
	var ratios, hits, copies []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if cerr := s.Execute(context.Background(), bigCell, ExecuteOptions{Name: "cell2.go"}); cerr != nil {
			b.Fatal(cerr)
		}
		g := s.currentGlobals()
		h, c := g["hitNs"].Int(), g["copyNs"].Int()
		ratios = append(ratios, float64(h)/float64(c))
		hits = append(hits, float64(h)/1e6)
		copies = append(copies, float64(c)/1e6)
	}
	if len(ratios) < 3 {
		return
	}
	for _, xs := range [][]float64{ratios, hits, copies} {
		sort.Float64s(xs)
	}
	mid := len(ratios) / 2
	b.ReportMetric(ratios[0], "min-ratio")
	b.ReportMetric(ratios[mid], "median-ratio")
	b.ReportMetric(ratios[len(ratios)-1], "max-ratio")
	b.ReportMetric(hits[0], "min-hit-ms")
	b.ReportMetric(hits[mid], "median-hit-ms")
	b.ReportMetric(hits[len(hits)-1], "max-hit-ms")
	b.ReportMetric(copies[mid], "median-copy-ms")
}
