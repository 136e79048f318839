package interp

import (
	"strings"
	"testing"
)

// Goroutines started in a loop see their own iteration's variables and
// arguments. yaegi reads the frame a goroutine's literal was made in when
// the goroutine runs, and writes a literal's slot back when a call of it
// returns; before go statements were started by the runtime from a maker
// function, about 1 trial in 30 of these summed wrong, and some hung on a
// WaitGroup of another iteration.
func TestGoroutinesInLoopsSeeTheirIteration(t *testing.T) {
	cells := []string{
		`import ("fmt"; "sync"; "sync/atomic")`,
		// The sum of i over 50 goroutines is 1225 in every trial.
		`bad := 0
for trial := 0; trial < 40; trial++ {
	var wg sync.WaitGroup
	var hits atomic.Int64
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(int64(i))
		}()
	}
	wg.Wait()
	if hits.Load() != 1225 { bad++ }
}
fmt.Println("closure:", bad)`,
		`bad = 0
for trial := 0; trial < 40; trial++ {
	var wg sync.WaitGroup
	var hits atomic.Int64
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			hits.Add(int64(k))
		}(i)
	}
	wg.Wait()
	if hits.Load() != 1225 { bad++ }
}
fmt.Println("argument:", bad)`,
		`func add(wg *sync.WaitGroup, hits *atomic.Int64, k int) { defer wg.Done(); hits.Add(int64(k)) }
func inFunc() int {
	bad := 0
	for trial := 0; trial < 40; trial++ {
		var wg sync.WaitGroup
		var hits atomic.Int64
		for i := range 50 {
			wg.Add(2)
			go func() {
				defer wg.Done()
				hits.Add(int64(i))
			}()
			go add(&wg, &hits, i)
		}
		wg.Wait()
		if hits.Load() != 2*1225 { bad++ }
	}
	return bad
}
fmt.Println("in a function:", inFunc())`,
	}
	out, cerr := runCorpusCells(cells)
	if cerr != "" {
		t.Fatalf("cells failed%s\noutput so far:\n%s", cerr, out)
	}
	want := "closure: 0\nargument: 0\nin a function: 0\n"
	if out != want {
		t.Errorf("got\n%swant\n%s", out, want)
	}
	if strings.Count(out, "\n") != 3 {
		t.Errorf("output lines: %q", out)
	}
}

// Function literals handed to compiled functions in loops (time.AfterFunc,
// sync.OnceFunc, wg.Go) capture their own iteration, in a cell and in a
// function; yaegi alone printed the last iteration's value each time.
func TestLoopLiteralsHandedToHostFunctions(t *testing.T) {
	cells := []string{
		`import ("fmt"; "sort"; "sync"; "time")`,
		`var fs []func()
for i := 0; i < 3; i++ {
	fs = append(fs, sync.OnceFunc(func() { fmt.Print(i, " ") }))
}
for _, f := range fs { f() }
fmt.Println("OnceFunc")`,
		`done := make(chan int, 3)
for i := range 3 {
	time.AfterFunc(time.Duration(i)*time.Millisecond, func() { done <- i * 10 })
}
got := []int{<-done, <-done, <-done}
sort.Ints(got)
fmt.Println(got, "AfterFunc")`,
		`func squares(n int) []int {
	var wg sync.WaitGroup
	out := make([]int, n)
	for i := range n {
		wg.Go(func() { out[i] = i * i })
	}
	wg.Wait()
	return out
}
fmt.Println(squares(5), "wg.Go")`,
		`var wg sync.WaitGroup
wg.Go(func() { var m map[string]int; m["x"] = 1 })
wg.Wait()`,
	}
	out, cerr := runCorpusCells(cells)
	want := "0 1 2 OnceFunc\n[0 10 20] AfterFunc\n[0 1 4 9 16] wg.Go\n"
	if out != want {
		t.Errorf("got\n%swant\n%s", out, want)
	}
	// A panic in wg.Go's goroutine is the cell's error, as a go
	// statement's is, and the executor goes on.
	if !strings.Contains(cerr, "cell 5") || !strings.Contains(cerr, "assignment to entry in nil map") {
		t.Errorf("the panicking wg.Go cell: %q", cerr)
	}
}
