package snapshot

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// timePer runs f n times and returns the mean time of one run.
func timePer(n int, f func()) time.Duration {
	start := time.Now()
	for i := 0; i < n; i++ {
		f()
	}
	return time.Since(start) / time.Duration(n)
}

// BenchmarkSaveChanged80MB saves a changed 80 MB []float64 (encode, hash,
// write the file) and reports the ratio to copying it in memory, measured
// in the same run: with one element changed, and with every element
// changed.
func BenchmarkSaveChanged80MB(b *testing.B) {
	for _, every := range []bool{false, true} {
		name := "one-element"
		if every {
			name = "every-element"
		}
		b.Run(name, func(b *testing.B) {
			yi := newInterp(b, "")
			eval(b, yi, `big := make([]float64, 10<<20); for i := range big { big[i] = float64(i) }`)
			g := yi.Globals()
			src := g["big"].Interface().([]float64)
			dst := make([]float64, len(src))
			s := NewSaver(b.TempDir(), 0)
			s.Save(g, nil, nil)
			var copyT, saveT time.Duration
			for i := 0; i < b.N; i++ {
				copyT += timePer(1, func() { copy(dst, src) })
				if every {
					for j := range src {
						src[j]++
					}
				} else {
					src[(i*7919)%len(src)]++
				}
				saveT += timePer(1, func() {
					if r := s.Save(g, []string{"big"}, nil); len(r.Saved) != 1 {
						b.Fatal("not saved", r.NotSaved)
					}
				})
			}
			b.ReportMetric(float64(saveT)/float64(copyT), "x-copy")
			b.ReportMetric(float64(saveT.Microseconds())/1e3/float64(b.N), "ms/save")
			b.ReportMetric(float64(copyT.Microseconds())/1e3/float64(b.N), "ms/copy")
		})
	}
}

// BenchmarkEncode80MB is the encoding and hashing alone (no file).
func BenchmarkEncode80MB(b *testing.B) {
	yi := newInterp(b, "")
	eval(b, yi, `big := make([]float64, 10<<20)`)
	g := yi.Globals()
	src := g["big"].Interface().([]float64)
	dst := make([]float64, len(src))
	enc := NewEncoder(g, nil)
	var copyT, encT time.Duration
	for i := 0; i < b.N; i++ {
		copyT += timePer(1, func() { copy(dst, src) })
		encT += timePer(1, func() { _, _ = enc.Encode("big", "", g["big"], 0) })
	}
	b.ReportMetric(float64(encT)/float64(copyT), "x-copy")
}

// BenchmarkUnchanged measures a save after a cell that changed nothing,
// checking every variable (names nil) or only the one the cell names, and
// reports it against a trivial Eval on the same interpreter (the floor of
// a cell's round trip inside the executor).
func BenchmarkUnchanged(b *testing.B) {
	for _, tc := range []struct{ name, setup string }{
		{"1000small", func() string {
			var s strings.Builder
			for i := 0; i < 1000; i++ {
				fmt.Fprintf(&s, "v%d := map[string]int{\"a\": %d}\nw%d := %d\n", i, i, i, i)
			}
			return s.String()
		}()},
		{"80MB", `big := make([]float64, 10<<20); small := 1`},
	} {
		yi := newInterp(b, "")
		eval(b, yi, tc.setup)
		g := yi.Globals()
		s := NewSaver(b.TempDir(), 0)
		s.Save(g, nil, nil)
		b.Run(tc.name+"/all", func(b *testing.B) {
			var evalT, saveT time.Duration
			for i := 0; i < b.N; i++ {
				evalT += timePer(1, func() { eval(b, yi, "_ = 0") })
				saveT += timePer(1, func() {
					if r := s.Save(g, nil, nil); len(r.Saved) != 0 {
						b.Fatal("saved", r.Saved)
					}
				})
			}
			b.ReportMetric(float64(saveT.Microseconds())/float64(b.N), "µs/save")
			b.ReportMetric(float64(saveT)/float64(evalT), "x-trivial-eval")
		})
		b.Run(tc.name+"/touched", func(b *testing.B) {
			var evalT, saveT time.Duration
			for i := 0; i < b.N; i++ {
				evalT += timePer(1, func() { eval(b, yi, "_ = 0") })
				saveT += timePer(1, func() { s.Save(g, []string{"w1", "small"}, nil) })
			}
			b.ReportMetric(float64(saveT.Microseconds())/float64(b.N), "µs/save")
			b.ReportMetric(float64(saveT)/float64(evalT), "x-trivial-eval")
		})
	}
}

// BenchmarkRestore100 restores 100 variables of assorted kinds (as 100
// cells would leave them) into a fresh interpreter: load, declare, decode.
func BenchmarkRestore100(b *testing.B) {
	yi := newInterp(b, "type P struct{ X, Y float64; Tag string }")
	var s strings.Builder
	hints := map[string]string{}
	for i := 0; i < 100; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&s, "v%d := make([]float64, 1000)\n", i)
		case 1:
			fmt.Fprintf(&s, "v%d := map[string]int{\"a\": %d, \"b\": 2}\n", i, i)
		case 2:
			fmt.Fprintf(&s, "v%d := &P{X: %d, Tag: \"t\"}\n", i, i)
			hints[fmt.Sprint("v", i)] = "*P"
		case 3:
			fmt.Fprintf(&s, "v%d := []string{\"a\", \"b\", \"c\"}\n", i)
		}
	}
	eval(b, yi, s.String())
	dir := b.TempDir()
	if r := NewSaver(dir, 0).Save(yi.Globals(), nil, hints); len(r.Saved) != 100 {
		b.Fatalf("saved %d", len(r.Saved))
	}
	var newT time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		newT += timePer(1, func() { newInterp(b, "type P struct{ X, Y float64; Tag string }") })
		_, _, lost := restoreInto(b, dir, "type P struct{ X, Y float64; Tag string }")
		if len(lost) != 0 {
			b.Fatal(lost)
		}
	}
	b.ReportMetric(float64(newT)/float64(b.N)/1e6, "ms-new-interp")
}
