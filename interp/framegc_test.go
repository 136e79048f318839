package interp

import (
	"runtime"
	"strings"
	"testing"
)

func heapMB() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc >> 20
}

// A cell's temporaries do not outlive it: re-running cells that compute
// 80 MB each and keep nothing must not grow the heap.
func TestBlockValuesDoNotOutliveTheCell(t *testing.T) {
	s, _ := session(t)
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	mustRun(t, s, "cell1.go", "//%cache_data\nfunc Big(n int) []float64 { return make([]float64, n) }\n\nfunc Plain(n int) []float64 { return make([]float64, n) }")
	for _, c := range []string{"len(Big(10_000_000))", "_ = Plain(10_000_000)", "for i := 0; i < 2; i++ { xs := Plain(10_000_000); _ = xs }"} {
		mustRun(t, s, "cell2.go", c)
		before := heapMB()
		for i := 0; i < 4; i++ {
			mustRun(t, s, "cell2.go", c)
		}
		if after := heapMB(); after > before+40 {
			t.Errorf("%q: the heap grew from %d MB to %d MB over 4 runs", c, before, after)
		}
	}
}

// What a finished cell still refers to keeps working: variables, pointers
// to its temporaries, closures and goroutines it made.
func TestBlockValuesStillReferencedStayIntact(t *testing.T) {
	s, _ := session(t)
	mustRun(t, s, "cell1.go", "import \"fmt\"\n\nvar p *[]int\nvar f func() string\nvar gs []int")
	mustRun(t, s, "cell2.go", "for i := 0; i < 1; i++ { xs := []int{1, 2, 3}; p = &xs }\nkept := []int{4, 5}\narr := [2]int{6, 7}\ngs = arr[:]")
	mustRun(t, s, "cell3.go", "word := \"closure\"\nfor i := 0; i < 1; i++ { w := word + \"!\"; f = func() string { return w } }")
	out := mustRun(t, s, "cell4.go", "fmt.Println(*p, kept, gs, f())")
	if !strings.Contains(out, "[1 2 3] [4 5] [6 7] closure!") {
		t.Fatalf("values a finished cell refers to changed: %q", out)
	}
}
