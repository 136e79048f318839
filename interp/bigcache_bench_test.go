package interp

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
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

// bigDiskSetup declares a persist=disk cached function returning n
// float64s; in a new session over the same cache folder (a restarted
// kernel) its first call is a disk hit.
const bigDiskSetup = `import (
	"os"
	"time"
)

//%cache_data persist=disk
func BigOnDisk(n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i)
	}
	return xs
}

var ys []float64
var raw []byte
var hitNs, readNs int64`

// bigDiskCell times, in one cell, the disk hit and an os.ReadFile of a file
// holding the same 80 MB; readFirst swaps their order.
func bigDiskCell(ref string, readFirst bool) string {
	hit := "t0 := time.Now()\nys = BigOnDisk(10_000_000)\nhitNs = int64(time.Since(t0))\n"
	read := "t1 := time.Now()\nraw, _ = os.ReadFile(" + strconv.Quote(ref) + ")\nreadNs = int64(time.Since(t1))\n"
	if readFirst {
		return read + hit
	}
	return hit + read
}

// BenchmarkCachedBigDiskHit measures, from a cell of a new session (as
// after a kernel restart), a persist=disk hit returning an 80 MB []float64
// against os.ReadFile of the same number of bytes in the same cell. Each op
// is one new session; the ratio's min, median and max are reported.
func BenchmarkCachedBigDiskHit(b *testing.B) {
	dir := b.TempDir()
	b.Setenv("GOCELL_CACHE_DIR", dir)
	b.Setenv("GOCELL_CACHE_SECRET", "a benchmark secret of 32 bytes!!")
	ref := filepath.Join(b.TempDir(), "reference.bin")
	if err := os.WriteFile(ref, make([]byte, 8*10_000_000), 0o600); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	first := newBenchSession(b)
	if cerr := first.Execute(ctx, bigDiskSetup+"\nys = BigOnDisk(10_000_000)", ExecuteOptions{Name: "cell1.go"}); cerr != nil {
		b.Fatal(cerr)
	}
	first = nil
	var ratios, hits, reads []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		runtime.GC()
		s := newBenchSession(b)
		if cerr := s.Execute(ctx, bigDiskSetup, ExecuteOptions{Name: "cell1.go"}); cerr != nil {
			b.Fatal(cerr)
		}
		b.StartTimer()
		if cerr := s.Execute(ctx, bigDiskCell(ref, i%2 == 1), ExecuteOptions{Name: "cell2.go"}); cerr != nil {
			b.Fatal(cerr)
		}
		g := s.currentGlobals()
		h, r := g["hitNs"].Int(), g["readNs"].Int()
		if g["ys"].Len() != 10_000_000 || g["raw"].Len() != 8*10_000_000 {
			b.Fatalf("the cell got %d floats and %d bytes", g["ys"].Len(), g["raw"].Len())
		}
		ratios = append(ratios, float64(h)/float64(r))
		hits = append(hits, float64(h)/1e6)
		reads = append(reads, float64(r)/1e6)
	}
	if len(ratios) < 3 {
		return
	}
	for _, xs := range [][]float64{ratios, hits, reads} {
		sort.Float64s(xs)
	}
	mid := len(ratios) / 2
	b.ReportMetric(ratios[0], "min-ratio")
	b.ReportMetric(ratios[mid], "median-ratio")
	b.ReportMetric(ratios[len(ratios)-1], "max-ratio")
	b.ReportMetric(hits[0], "min-hit-ms")
	b.ReportMetric(hits[mid], "median-hit-ms")
	b.ReportMetric(hits[len(hits)-1], "max-hit-ms")
	b.ReportMetric(reads[mid], "median-read-ms")
}
