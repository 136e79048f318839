package interp

import (
	"context"
	"fmt"
	"testing"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/snapshot"
)

func newBenchSession(b *testing.B) *Session {
	b.Helper()
	s, err := NewSession(func(display.Output) {})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkTrivialCell measures the executor's share of a trivial cell's
// round trip: split, compile and run `x := 1`, and flush the streams. Each
// cell is a file of its own, as the kernel numbers them.
func BenchmarkTrivialCell(b *testing.B) {
	s := newBenchSession(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if cerr := s.Execute(context.Background(), "x := 1", ExecuteOptions{Name: fmt.Sprintf("cell%d.go", i+1)}); cerr != nil {
			b.Fatal(cerr)
		}
	}
}

// BenchmarkTrivialCellSnapshot measures what saving the snapshot adds to
// a trivial cell: without a snapshot directory (the reference), with one,
// and with one while the notebook also holds 20 small variables and an
// 80 MB []float64 the cell does not name.
func BenchmarkTrivialCellSnapshot(b *testing.B) {
	for _, c := range []struct {
		name, setup string
		dir         bool
	}{
		{"none", "", false},
		{"dir", "", true},
		{"dir+80MB", "big := make([]float64, 10_000_000)\nbig[5] = 1\n" + smallVars(20), true},
	} {
		b.Run(c.name, func(b *testing.B) {
			if c.dir {
				b.Setenv(snapshot.EnvDir, b.TempDir())
			} else {
				b.Setenv(snapshot.EnvDir, "")
			}
			s := newBenchSession(b)
			if c.setup != "" {
				if cerr := s.Execute(context.Background(), c.setup, ExecuteOptions{Name: "cell0.go"}); cerr != nil {
					b.Fatal(cerr)
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if cerr := s.Execute(context.Background(), "x := 1", ExecuteOptions{Name: "cell1.go"}); cerr != nil {
					b.Fatal(cerr)
				}
			}
		})
	}
}

func smallVars(n int) string {
	var out string
	for i := 0; i < n; i++ {
		out += fmt.Sprintf("v%d := map[string]int{\"k\": %d}\n", i, i)
	}
	return out
}

// notebookCells returns n cells of the kind a notebook holds: a type, a
// function using it and a variable.
func notebookCells(n int) []string {
	cells := []string{"import (\n\t\"fmt\"\n\t\"strings\"\n)"}
	for i := 0; i < n-1; i++ {
		cells = append(cells, fmt.Sprintf("type T%d struct{ A, B int; S string }\n\nfunc F%d(t T%d) string {\n\treturn strings.Repeat(t.S, t.A) + fmt.Sprint(t.B)\n}\n\nv%d := F%d(T%d{2, %d, \"x\"})", i, i, i, i, i, i, i))
	}
	return cells
}

// BenchmarkRestore measures bringing a new executor's session back to a
// notebook of N earlier cells, as after a crash: a fresh interpreter, then
// Restore of the declarations and the saved values. Compare with
// BenchmarkNewSession, the fixed part.
func BenchmarkRestore(b *testing.B) {
	for _, n := range []int{10, 100} {
		cells := notebookCells(n)
		b.Run(fmt.Sprintf("cells=%d", n), func(b *testing.B) {
			b.Setenv(snapshot.EnvDir, b.TempDir())
			s := newBenchSession(b)
			for i, c := range cells {
				if cerr := s.Execute(context.Background(), c, ExecuteOptions{Name: fmt.Sprintf("cell%d.go", i+1)}); cerr != nil {
					b.Fatal(cerr)
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s := newBenchSession(b)
				if lost := s.Restore(); len(lost) != 0 {
					b.Fatalf("lost %v", lost)
				}
			}
		})
	}
}

// BenchmarkNewSession is the fixed cost of an interpreter with the standard
// library loaded.
func BenchmarkNewSession(b *testing.B) {
	for i := 0; i < b.N; i++ {
		newBenchSession(b)
	}
}

// BenchmarkRedefine measures redefining a function in a notebook of N
// cells: a rebuild that replays every declaration and moves every variable.
func BenchmarkRedefine(b *testing.B) {
	for _, n := range []int{10, 100} {
		b.Run(fmt.Sprintf("cells=%d", n), func(b *testing.B) {
			s := newBenchSession(b)
			for i, c := range notebookCells(n) {
				if cerr := s.Execute(context.Background(), c, ExecuteOptions{Name: fmt.Sprintf("cell%d.go", i+1)}); cerr != nil {
					b.Fatal(cerr)
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				code := fmt.Sprintf("func F0(t T0) string { return fmt.Sprint(t.A + %d) }", i)
				if cerr := s.Execute(context.Background(), code, ExecuteOptions{Name: "redef.go"}); cerr != nil {
					b.Fatal(cerr)
				}
			}
		})
	}
}

// BenchmarkCachedHit measures, from a cell, a call of a cached function with
// two int arguments that hits, against a call of the same function without
// the directive; both loop 1000 times inside one cell.
func BenchmarkCachedHit(b *testing.B) {
	b.Setenv("GOCELL_CACHE_DIR", b.TempDir())
	s := newBenchSession(b)
	setup := "//%cache_data\nfunc Cached(a, b int) int { return a + b }\nfunc Plain(a, b int) int { return a + b }\nCached(1, 2)"
	if cerr := s.Execute(context.Background(), setup, ExecuteOptions{Name: "cell1.go"}); cerr != nil {
		b.Fatal(cerr)
	}
	for _, fn := range []string{"Plain", "Cached"} {
		b.Run(fn, func(b *testing.B) {
			code := "for i := 0; i < 1000; i++ { _ = " + fn + "(1, 2) }"
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if cerr := s.Execute(context.Background(), code, ExecuteOptions{Name: "cell2.go"}); cerr != nil {
					b.Fatal(cerr)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/call")
		})
	}
}
