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
	// The session is intact, and goroutines outlive their cell as in Go.
	if out, err := run(t, s, "cell3.go", "go func(msg string) { time.Sleep(50 * time.Millisecond); fmt.Println(msg) }(\"later\")\n1 + 1"); err != nil || out != "=> 2\n" {
		t.Fatalf("after a goroutine panic: %q %v", out, err)
	}
	time.Sleep(200 * time.Millisecond)
	s.stdout.flush()
	if out := rec.take(); out != "later\n" {
		t.Fatalf("background goroutine output: %q", out)
	}
	// Arguments are evaluated when the go statement runs, as in Go.
	if out, err := run(t, s, "cell4.go", "ch := make(chan int)\nn := 1\ngo func(v int) { ch <- v }(n)\nn = 2\n<-ch"); err != nil || out != "=> 1\n" {
		t.Fatalf("go statement arguments: %q %v", out, err)
	}
}
