package interp

import (
	"strings"
	"testing"
	"time"
)

func TestGoroutinePanicEndsCellWithError(t *testing.T) {
	s, rec := session(t)
	run(t, s, "cell1.go", "import (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\nfunc work(id int, wg *sync.WaitGroup) {\n\tdefer wg.Done()\n\tif id == 2 {\n\t\tpanic(fmt.Sprint(\"worker \", id, \" failed\"))\n\t}\n}")
	_, err := run(t, s, "cell2.go", "var wg sync.WaitGroup\nfor i := 0; i < 3; i++ {\n\twg.Add(1)\n\tgo work(i, &wg)\n}\nwg.Wait()")
	if err == nil || !strings.Contains(err.EValue, "worker 2 failed") {
		t.Fatalf("want the goroutine's panic as the cell's error, got %v", err)
	}
	// The session is intact, and goroutines outlive their cell as in Go: this
	// one waits for a later cell to release it (the end of a cell gives its
	// goroutines only goroutineGrace to report a panic).
	if out, err := run(t, s, "cell3.go", "release := make(chan bool)\ngo func(msg string) { <-release; fmt.Println(msg) }(\"later\")\n1 + 1"); err != nil || out != "=> 2\n" {
		t.Fatalf("after a goroutine panic: %q %v", out, err)
	}
	out, err := run(t, s, "cell3b.go", "close(release)")
	if err != nil {
		t.Fatal(err.EValue)
	}
	time.Sleep(200 * time.Millisecond)
	s.stdout.flush()
	if out += rec.take(); out != "later\n" {
		t.Fatalf("background goroutine output: %q", out)
	}
	// Arguments are evaluated when the go statement runs, as in Go.
	if out, err := run(t, s, "cell4.go", "ch := make(chan int)\nn := 1\ngo func(v int) { ch <- v }(n)\nn = 2\n<-ch"); err != nil || out != "=> 1\n" {
		t.Fatalf("go statement arguments: %q %v", out, err)
	}
}

// A cell that ends in a value runs its go statements wrapped too: the
// value's capture used to be added to the text before the go statements
// were rewritten, and the panic ended the process.
func TestGoroutinePanicInCellWithValue(t *testing.T) {
	s, _ := session(t)
	run(t, s, "cell1.go", "import \"sync\"")
	_, err := run(t, s, "cell2.go", "var wg sync.WaitGroup\nwg.Add(1)\ngo func() { defer wg.Done(); panic(\"boom before a value\") }()\nwg.Wait()\n1 + 1")
	if err == nil || !strings.Contains(err.EValue, "boom before a value") {
		t.Fatalf("want the goroutine's panic as the cell's error, got %v", err)
	}
	if out, err := run(t, s, "cell3.go", "2 + 2"); err != nil || out != "=> 4\n" {
		t.Fatalf("after the panic: %q, %v", out, err)
	}
}

// A new executor restores the notebook's functions through the same
// pipeline a cell runs them through: a goroutine a restored function starts
// keeps its recover wrapper, so its panic ends the cell with an error
// instead of ending the process (and this test binary with it).
func TestRestoredFunctionKeepsGoroutineWrapper(t *testing.T) {
	s := restoredSession(t,
		"import \"sync\"\nfunc Boom() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tpanic(\"boom in a goroutine\")\n\t}()\n\twg.Wait()\n}",
		"//%cache_data\nfunc Sq(n int) int { return n * n }",
	)
	_, err := run(t, s, "cell3.go", "Boom()")
	if err == nil || !strings.Contains(err.EValue+strings.Join(err.Traceback, "\n"), "boom in a goroutine") {
		t.Fatalf("a goroutine panic in a restored function: %v", err)
	}
	// The executor still runs cells, and the restored cached function is
	// still cached.
	out, err := run(t, s, "cell4.go", "Sq(4)\nSq(4)\ncache.Stats()[0].Hits")
	if err != nil || out != "=> 1\n" {
		t.Fatalf("after the panic: %q, %v", out, err)
	}
}
