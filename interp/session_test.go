package interp

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/internal/goid"
)

// recorder collects a session's outputs.
type recorder struct {
	mu  sync.Mutex
	out []display.Output
}

func (r *recorder) publish(o display.Output) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.out = append(r.out, o)
}

// take returns the outputs so far as text: streams joined, results as "=> v".
func (r *recorder) take() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, o := range r.out {
		switch o.Kind {
		case display.Stream:
			b.WriteString(o.Text)
		case display.ExecuteResult:
			b.WriteString("=> " + o.Data["text/plain"].(string) + "\n")
		}
	}
	r.out = nil
	return b.String()
}

var testRec = &recorder{}

// session returns a fresh session whose outputs go to testRec. Sessions
// share the process-wide display publisher, so tests using them must not
// run in parallel.
func session(t *testing.T) (*Session, *recorder) {
	t.Helper()
	s, err := NewSession(testRec.publish)
	if err != nil {
		t.Fatal(err)
	}
	testRec.take()
	return s, testRec
}

func run(t *testing.T, s *Session, name, code string) (string, *CellError) {
	t.Helper()
	err := s.Execute(context.Background(), code, ExecuteOptions{Name: name})
	return testRec.take(), err
}

func TestMixedCellAndState(t *testing.T) {
	s, _ := session(t)
	out, err := run(t, s, "cell1.go", `import "fmt"
type P struct{ X, Y int }
func add(a, b int) int { return a + b }
p := P{1, 2}
fmt.Println("sum", add(p.X, p.Y))
n := 40
n += 2
m := n * 2
m`)
	if err != nil {
		t.Fatalf("unexpected error: %v %v", err, err.Traceback)
	}
	if want := "sum 3\n=> 84\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
	out, err = run(t, s, "cell2.go", "fmt.Println(n)\n[]int{1, 2, 3}")
	if err != nil || out != "42\n=> [1 2 3]\n" {
		t.Fatalf("got %q, %v", out, err)
	}
	out, err = run(t, s, "cell3.go", `fmt.Println("no result")`)
	if err != nil || out != "no result\n" {
		t.Fatalf("got %q, %v", out, err)
	}
}

func TestCompileErrorNamesLine(t *testing.T) {
	s, _ := session(t)
	_, err := run(t, s, "cell9.go", "x := 1\n_ = x\n  undefinedThing(3)\n")
	if err == nil {
		t.Fatal("expected a compile error")
	}
	if !strings.Contains(err.Traceback[0], "cell9.go:3:3") || !strings.Contains(err.EValue, "line 3") {
		t.Fatalf("error does not name the cell line: %q %q", err.EValue, err.Traceback)
	}
}

func TestPanicTraceback(t *testing.T) {
	s, _ := session(t)
	_, err := run(t, s, "cell10.go", "func boom(i int) int { var a []int; return a[i] }\nboom(5)\n")
	if err == nil || err.EName != "panic" {
		t.Fatalf("expected a panic, got %v", err)
	}
	tb := strings.Join(err.Traceback, "\n")
	if !strings.Contains(tb, "index out of range") || !strings.Contains(tb, "cell 10, line 1, column 28, in main.boom") {
		t.Fatalf("traceback lacks value or frame: %s", tb)
	}
}

// TestInterruptStuckHostCall interrupts a cell blocked in a host call that
// cannot be stopped (a read of a pipe nobody writes): the session must say
// it is stuck, since the cell could resume later, and refuse more cells.
func TestInterruptStuckHostCall(t *testing.T) {
	s, _ := session(t)
	if _, cerr := run(t, s, "cell1.go", `import "os"
r, w, _ := os.Pipe()`); cerr != nil {
		t.Fatal(cerr.EValue)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := s.Execute(ctx, "b := make([]byte, 1)\nr.Read(b)\n_ = w", ExecuteOptions{Name: "cell2.go"})
	if err == nil || err.EName != "Interrupted" || !err.Stuck {
		t.Fatalf("want an interrupt that reports a stuck cell, got %+v", err)
	}
	if d := time.Since(start); d < stuckGrace {
		t.Fatalf("declared stuck after %v, before the grace of %v", d, stuckGrace)
	}
	if cerr := s.Execute(context.Background(), "1+1", ExecuteOptions{Name: "cell3.go"}); cerr == nil || !cerr.Stuck {
		t.Fatalf("a stuck session ran another cell: %+v", cerr)
	}
	// The executor would now be replaced. Here the test process goes on:
	// let the cell finish, so that no later test sees its goroutine.
	w, ok := globals(s.yi)["w"].Interface().(*os.File)
	if !ok {
		t.Fatal("the notebook variable w is not the pipe")
	}
	w.Write([]byte{1})
	for deadline := time.Now().Add(5 * time.Second); goid.Running(yaegiExecute); {
		if time.Now().After(deadline) {
			t.Fatal("the stuck cell did not finish after its read returned")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestInterrupt(t *testing.T) {
	s, _ := session(t)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := s.Execute(ctx, "for {}", ExecuteOptions{Name: "cell11.go"})
	if err == nil || err.EName != "Interrupted" || err.Stuck {
		t.Fatalf("want a clean interrupt, got %+v", err)
	}
	if out, err := run(t, s, "cell12.go", "1+1"); err != nil || out != "=> 2\n" {
		t.Fatalf("after interrupt: %q %v", out, err)
	}
}
