package interp

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/gocell/gocell/display"
)

// These run cells in one session and read the cache's hit and miss counts;
// the client tests show the same behaviour through Jupyter.

func counts(t *testing.T, s *Session, name string) (hits, misses uint64) {
	t.Helper()
	for _, st := range s.cache.Stats() {
		if st.Name == name {
			return st.Hits, st.Misses
		}
	}
	t.Fatalf("no stats for %s", name)
	return
}

func mustRun(t *testing.T, s *Session, name, code string) string {
	t.Helper()
	out, err := run(t, s, name, code)
	if err != nil {
		t.Fatalf("%s failed: %v\n%s", name, err, out)
	}
	return out
}

func TestCachedStateIsNotKey(t *testing.T) {
	s, _ := session(t)
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	mustRun(t, s, "cell1.go", `import "sync"

var calls int
var mu sync.Mutex
var memo = map[int]int{}
var log []int
var factor = 3

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

var opened Counter

func note(x int) { log = append(log, x) }

//%cache_data
func F(x int) int {
	mu.Lock()
	defer mu.Unlock()
	calls++
	memo[x] = x
	note(x)
	opened.Inc()
	return x * factor
}`)
	mustRun(t, s, "cell2.go", `F(2)`)
	mustRun(t, s, "cell3.go", `F(2)`)
	if h, m := counts(t, s, "F"); h != 1 || m != 1 {
		t.Fatalf("state changed the key: %d hits, %d misses", h, m)
	}
	mustRun(t, s, "cell4.go", `factor = 4
F(2)`)
	if h, m := counts(t, s, "F"); h != 1 || m != 2 {
		t.Fatalf("a global read is not in the key: %d hits, %d misses", h, m)
	}
	why := s.cache.Why("F")
	for _, want := range []string{"calls: F increments calls", "mu: F calls mu.Lock", "log: note appends to log", "opened: F calls opened.Inc", "memo: F assigns memo", "factor: by content"} {
		if !strings.Contains(why, want) {
			t.Errorf("why lacks %q:\n%s", want, why)
		}
	}
}

func TestCachedRevertAfterRedefinitionsHits(t *testing.T) {
	s, _ := session(t)
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	v1 := "//%cache_data\nfunc G(n int) int {\n\ttotal := 0\n\tfor i := range n {\n\t\ttotal += i\n\t}\n\treturn total\n}\n\nG(10)"
	v2 := "//%cache_data\nfunc G(n int) int {\n\ttotal := 1\n\tfor i := range n {\n\t\ttotal += i\n\t}\n\treturn total\n}\n\nG(10)"
	v2layout := "//%cache_data\nfunc G(n int) int { total := 1; for i := range n { total += i /* same */ }; return total }\n\nG(10)"
	mustRun(t, s, "cell1.go", v1)
	mustRun(t, s, "cell2.go", v2)
	mustRun(t, s, "cell3.go", v2layout)
	mustRun(t, s, "cell4.go", v1)
	if h, m := counts(t, s, "G"); h != 2 || m != 2 {
		t.Fatalf("layout edit and revert: %d hits, %d misses, want 2 and 2", h, m)
	}
}

func TestCachedKeyErrorInGoroutineIsACellError(t *testing.T) {
	s, _ := session(t)
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	mustRun(t, s, "cell1.go", "import \"sync\"\n\n//%cache_data\nfunc H(ch chan int) int { return 1 }")
	out, err := run(t, s, "cell2.go", "var wg sync.WaitGroup\nwg.Add(1)\ngo func() { defer wg.Done(); H(make(chan int)) }()\nwg.Wait()")
	if err == nil || !strings.Contains(err.EValue, "cannot hash argument ch") {
		t.Fatalf("want a cell error naming the argument, got %v\n%s", err, out)
	}
	out, err = run(t, s, "cell3.go", "H(make(chan int))")
	if err == nil || err.EName != "CacheKeyError" {
		t.Fatalf("want a CacheKeyError, got %v\n%s", err, out)
	}
	if out := mustRun(t, s, "cell4.go", `1 + 1`); !strings.Contains(out, "2") {
		t.Fatalf("session broken after key errors: %q", out)
	}
}

// outputsOf runs code and returns the text of its stream and display
// outputs, in order, one per line, with "(cached)" after replayed ones.
func outputsOf(t *testing.T, s *Session, name, code string) []string {
	t.Helper()
	if err := s.Execute(context.Background(), code, ExecuteOptions{Name: name}); err != nil {
		t.Fatalf("%s failed: %v", name, err)
	}
	testRec.mu.Lock()
	defer testRec.mu.Unlock()
	var lines []string
	for _, o := range testRec.out {
		text := o.Text
		if o.Kind == display.DisplayData {
			text, _ = o.Data["text/plain"].(string)
		}
		if o.Kind != display.Stream && o.Kind != display.DisplayData {
			continue
		}
		for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
			if g, ok := o.Metadata["gocell"].(map[string]any); ok && g["cached"] == true {
				l += " (cached)"
			}
			lines = append(lines, l)
		}
	}
	testRec.out = nil
	return lines
}

func TestConcurrentCachedCallsRecordOnlyTheirOwnOutputs(t *testing.T) {
	s, _ := session(t)
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	mustRun(t, s, "cell1.go", `import (
	"fmt"
	"sync"
	"time"
)

//%cache_data replay=all
func Work(name string, n int) int {
	for i := 0; i < n; i++ {
		fmt.Printf("%s step %d\n", name, i)
		display.Markdown(fmt.Sprintf("%s shows %d", name, i))
		done := make(chan bool)
		go func() { fmt.Printf("%s helper %d\n", name, i); done <- true }()
		<-done
		time.Sleep(5 * time.Millisecond)
	}
	return n
}

func both() {
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B"} {
		wg.Add(1)
		go func() { defer wg.Done(); Work(name, 4) }()
	}
	wg.Wait()
}`)
	first := outputsOf(t, s, "cell2.go", "both()")
	if len(first) != 24 {
		t.Fatalf("the miss showed %d lines, want 24:\n%s", len(first), strings.Join(first, "\n"))
	}
	for _, name := range []string{"A", "B"} {
		got := outputsOf(t, s, "cell3.go", fmt.Sprintf("Work(%q, 4)", name))
		var want []string
		for i := 0; i < 4; i++ {
			want = append(want, fmt.Sprintf("%s step %d (cached)", name, i), fmt.Sprintf("%s shows %d (cached)", name, i), fmt.Sprintf("%s helper %d (cached)", name, i))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("replay of %s:\n%s\nwant:\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
