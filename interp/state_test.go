package interp

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gocell/gocell/interp/snapshot"
)

// restoredSession runs cells in a session that keeps its state in a
// directory, then returns a second session that restored the notebook
// from it, as a new executor does after a crash. Every cell must succeed
// and the restore must lose nothing.
func restoredSession(t *testing.T, cells ...string) *Session {
	t.Helper()
	t.Setenv(snapshot.EnvDir, t.TempDir())
	s, _ := session(t)
	for i, c := range cells {
		if out, err := run(t, s, fmt.Sprintf("cell%d.go", i+1), c); err != nil {
			t.Fatalf("cell %d: %v\n%s", i+1, err, out)
		}
	}
	s2, _ := session(t)
	if lost := s2.Restore(); len(lost) != 0 {
		t.Fatalf("lost %v", lost)
	}
	testRec.take()
	return s2
}

// restart returns a new session restored from the directory of s, and
// what it lost.
func restart(t *testing.T) (*Session, []string) {
	t.Helper()
	s2, _ := session(t)
	lost := s2.Restore()
	testRec.take()
	return s2, lost
}

func TestRestoreKeepsValuesAndSkipsFailedCells(t *testing.T) {
	t.Setenv(snapshot.EnvDir, t.TempDir())
	s, _ := session(t)
	cells := []string{
		`import ("fmt"; "strings")`,
		`type P struct{ X int; Tags []string }
func (p *P) Add(t string) { p.Tags = append(p.Tags, t) }
func (p P) String() string { return fmt.Sprintf("P(%d %s)", p.X, strings.Join(p.Tags, ",")) }`,
		`func good() int { return 7 }`,
		`func bad() int { return undefinedThing }`,
		`x := 42
m := map[string]int{"a": 1}
p := &P{X: 1}
q := p
px := &x
var s []int
for i := 0; i < 5; i++ { s = append(s, i*i) }`,
		`m["b"] = 2; p.Add("t"); *px = 43`,
		`func Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }`,
	}
	for i, c := range cells {
		_, err := run(t, s, fmt.Sprintf("cell%d.go", i+1), c)
		if (err != nil) != (i == 3) {
			t.Fatalf("cell %d: %v", i+1, err)
		}
	}
	s2, lost := restart(t)
	if len(lost) != 0 {
		t.Fatalf("lost %v", lost)
	}
	out, err := run(t, s2, "cell9.go", `fmt.Println(good(), x, m, *p, q == p, *px, px == &x, s, len(Map(s, func(i int) string { return fmt.Sprint(i) })))`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "7 43 map[a:1 b:2] P(1 t) true 43 true [0 1 4 9 16] 5\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
	if _, err := run(t, s2, "cell10.go", `bad()`); err == nil {
		t.Fatal("the failed cell's function exists after the restore")
	}
	// A rebuild (after that failed compile) keeps pointers into variables.
	if out, _ := run(t, s2, "cell10b.go", `*px++; fmt.Println(x, px == &x)`); out != "44 true\n" {
		t.Fatalf("after a rebuild: %q", out)
	}
	// The restored session saves on: a second crash keeps the new values.
	run(t, s2, "cell11.go", `m["c"] = 3; p.Add("u")`)
	s3, lost := restart(t)
	if len(lost) != 0 {
		t.Fatalf("lost %v", lost)
	}
	if out, err := run(t, s3, "cell12.go", `fmt.Println(m, p, q == p, x, *px, px == &x)`); out != "map[a:1 b:2 c:3] P(1 t,u) true 44 44 true\n" {
		t.Fatalf("after the second restore: %q %v", out, err)
	}
}

// Each blocking kind stops in place: one Interrupted error, the session
// and its values kept, the code after the blocked call never runs (not
// even after later cells).
func TestInterruptBlockingCallsKeepsSession(t *testing.T) {
	s, _ := session(t)
	run(t, s, "cell1.go", `import ("fmt"; "net/http"; "net/http/httptest"; "os/exec"; "sync"; "time")`)
	if out, err := run(t, s, "cell2.go", `after := 0
var mu sync.Mutex
var rw sync.RWMutex
var wg sync.WaitGroup
cond := sync.NewCond(&mu)
srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { time.Sleep(time.Hour) }))
data := []int{1, 2, 3}`); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	kinds := []struct{ name, code string }{
		{"sleep", `time.Sleep(time.Hour)`},
		{"waitgroup", `wg.Add(1); wg.Wait()`},
		{"mutex", `mu.Lock(); mu.Lock()`},
		{"rwmutex", `rw.Lock(); rw.RLock()`},
		{"cond", `mu.Lock(); cond.Wait()`},
		{"channel", `ch := make(chan int); <-ch`},
		{"select", `select {}`},
		{"timer", `<-time.After(time.Hour)`},
		{"loop", `for {}`},
		{"http", `http.Get(srv.URL)`},
		{"exec", `exec.Command("sleep", "3600").Run()`},
		{"goroutine", `done := make(chan bool); go func() { time.Sleep(time.Hour); after = -1; done <- true }(); <-done`},
	}
	for i, k := range kinds {
		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		time.AfterFunc(150*time.Millisecond, cancel)
		cerr := s.Execute(ctx, k.code+"\nafter++", ExecuteOptions{Name: fmt.Sprintf("cell%d.go", 10+i)})
		took := time.Since(start) - 150*time.Millisecond
		cancel()
		out := testRec.take()
		if cerr == nil || cerr.EName != "Interrupted" || cerr.Stuck {
			t.Fatalf("%s: want a clean interrupt, got %+v %s", k.name, cerr, out)
		}
		t.Logf("%s: interrupted in %v", k.name, took)
		// Reset what the cell held, for the next kind.
		run(t, s, "reset.go", `mu = sync.Mutex{}; rw = sync.RWMutex{}; wg = sync.WaitGroup{}; cond = sync.NewCond(&mu)`)
	}
	time.Sleep(100 * time.Millisecond)
	if out, err := run(t, s, "cell40.go", `fmt.Println(after, data)`); err != nil || out != "0 [1 2 3]\n" {
		t.Fatalf("after the interrupts: %q %v", out, err)
	}
}
