package interp

import (
	"strings"
	"testing"
)

// TestMissingReturn checks that a function with results whose end can be
// reached is refused, as the Go compiler refuses it, instead of returning
// zero values; and that every form of terminating statement is accepted.
func TestMissingReturn(t *testing.T) {
	s, _ := session(t)
	if _, cerr := run(t, s, "cell1.go", `import ("errors"; "fmt")`); cerr != nil {
		t.Fatal(cerr.EValue)
	}
	refused := []string{
		"func mul(a, b int) int {\n}",
		"f := func() int { if true { return 1 } }\n_ = f",
		"func firstPositive(xs []int) int { for _, x := range xs { if x > 0 { return x } } }",
		"func loopBreaks(x int) int { for { if x > 0 { break }; x++ } }",
		"func labelled(ch chan int) int { L: for { select { case <-ch: break L } } }",
		"func noDefault(x int) string { switch { case x > 0: return \"+\"; case x <= 0: return \"-\" } }",
		"type T int\nfunc (t T) Get() (int, error) { if t > 0 { return int(t), nil } }",
		"func exits(err error) int { if err != nil { return 1 }; fmt.Println(err) }",
	}
	for i, code := range refused {
		_, cerr := run(t, s, "cell2.go", code)
		if cerr == nil || !strings.Contains(cerr.EValue, "missing return") {
			t.Errorf("case %d: %q: want a missing return error, got %+v", i, code, cerr)
		}
	}
	accepted := `
func loops(x int) int { for { if x > 3 { return x }; x++ } }
func switches(x int) string { switch { case x > 0: return "+"; case x < 0: fallthrough; default: return "0-" } }
func typeSwitch(v any) string { switch v.(type) { case int: return "int"; default: return "other" } }
func chains(x int) (int, error) { if x > 0 { return 1, nil } else if x < 0 { return -1, nil } else { return 0, errors.New("zero") } }
func selects(ch chan int) int { for { select { case v := <-ch: return v } } }
func innerBreak(ch chan int) int { for { select { case <-ch: break }; return 7 } }
func panics(x int) int { if x > 0 { return x }; panic("not positive") }
func blocks(x int) int { { return x * 2 } }
func labelledLoop(x int) int { Outer: for { for { if x > 5 { continue Outer }; return x } } }
func gotos(x int) int { again: if x < 3 { x++; goto again }; return x }
double := func(x int) int { return 2 * x }
ch := make(chan int, 2)
ch <- 5
ch <- 6
fmt.Println(loops(1), switches(-1), typeSwitch(2), selects(ch), innerBreak(ch), panics(4), blocks(3), labelledLoop(2), gotos(0), double(21))
v, err := chains(0)
fmt.Println(v, err)`
	out, cerr := run(t, s, "cell3.go", accepted)
	if cerr != nil {
		t.Fatalf("Go accepts these functions: %s", cerr.EValue)
	}
	if want := "4 0- int 5 7 4 6 2 3 42\n0 zero\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}
