package interp

import (
	"strings"
	"testing"

	"github.com/gocell/gocell/display"
)

// Notebook values held in interfaces: assertions and type switches to
// error, fmt.Stringer and notebook interfaces, and errors.As and == on
// notebook errors whose Error method has a value receiver.
func TestNotebookInterfaceAssertions(t *testing.T) {
	prev := display.SetPublisher(nil)
	defer display.SetPublisher(prev)
	decls := `import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Missing struct{ Key string }

func (m *Missing) Error() string { return m.Key + " missing" }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Bad struct{ A, B string }

func (b Bad) Error() string { return b.A + b.B }

func kind(v any) string {
	if s, ok := v.(Shape); ok {
		return fmt.Sprint("shape ", s.Area())
	}
	if e, ok := v.(error); ok {
		return "error " + e.Error()
	}
	if s, ok := v.(fmt.Stringer); ok {
		return "stringer " + s.String()
	}
	return "other"
}`
	cases := []struct{ stmts, want, wantErr string }{
		{stmts: `for _, v := range []any{Sq{2}, &Missing{"k"}, Temp(3), errors.New("x"), 4} {
	fmt.Println(kind(v))
}`, want: "shape 4\nerror k missing\nstringer 3.0°\nerror x\nother\n"},
		{stmts: `var v any = &Missing{"a"}
switch x := v.(type) {
case Shape:
	fmt.Println("shape", x.Area())
case error:
	fmt.Println("error", x)
}`, want: "error a missing\n"},
		{stmts: `var v any = 3
defer func() { fmt.Println(recover()) }()
_ = v.(Shape)`, want: "interface conversion: int is not main.Shape: missing method Area\n"},
		{stmts: `err := fmt.Errorf("ctx: %w", Bad{"x", "y"})
var b Bad
fmt.Println(errors.As(err, &b), b.A, b.B)
fmt.Printf("%T %v\n", errors.Unwrap(err), errors.Unwrap(err) == Bad{"x", "y"})
if b2, ok := errors.Unwrap(err).(Bad); ok {
	fmt.Println(b2.B)
}`, want: "true x y\nmain.Bad true\ny\n"},
		{stmts: `var e error = Bad{"p", "q"}
fmt.Println(e)
var s Shape
fmt.Println(errors.As(fmt.Errorf("w: %w", e), &s))`, want: "pq\nfalse\n"},
		{stmts: `err := fmt.Errorf("ctx: %w", &Missing{"z"})
var m *Missing
fmt.Println(errors.As(err, &m), m.Key)`, want: "true z\n"},
	}
	for _, c := range cases {
		got, cerr := runCorpusCells([]string{decls, c.stmts})
		if c.wantErr != "" {
			if !strings.Contains(cerr, c.wantErr) {
				t.Errorf("%s\n--- got %q, error %q; want an error containing %q", c.stmts, got, cerr, c.wantErr)
			}
			continue
		}
		if cerr != "" || got != c.want {
			t.Errorf("%s\n--- got %q (error %q), want %q", c.stmts, got, cerr, c.want)
		}
	}
}

// Runtime panics recovered and printed carry Go's runtime errors: indexes
// and slices in code that recovers say their index and length, nil
// dereferences and failed assertions read as Go's.
func TestRecoveredRuntimeErrors(t *testing.T) {
	prev := display.SetPublisher(nil)
	defer display.SetPublisher(prev)
	decls := `import "fmt"

type Node struct{ Next *Node }

func try(f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Println(r, isErr)
	}()
	f()
}

func get(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("get: %v", r)
		}
	}()
	return xs[i], nil
}`
	stmts := `nums := []int{1, 2, 3}
i, j := 7, 1
try(func() { fmt.Println(nums[i]) })
try(func() { fmt.Println(nums[2:j]) })
try(func() { fmt.Println(nums[:i]) })
var n *Node
try(func() { fmt.Println(n.Next) })
var v any = "s"
try(func() { fmt.Println(v.(int)) })
fmt.Println(get(nums, -2))
fmt.Println(get(nums, 1))`
	want := "runtime error: index out of range [7] with length 3 true\n" +
		"runtime error: slice bounds out of range [2:1] true\n" +
		"runtime error: slice bounds out of range [:7] with capacity 3 true\n" +
		"runtime error: invalid memory address or nil pointer dereference true\n" +
		"interface conversion: interface {} is string, not int true\n" +
		"0 get: runtime error: index out of range [-2]\n" +
		"2 <nil>\n"
	for name, cells := range map[string][]string{"split": {decls, stmts}, "mixed": {decls + "\n" + stmts}} {
		if got, cerr := runCorpusCells(cells); cerr != "" || got != want {
			t.Errorf("%s: got %q (error %q), want %q", name, got, cerr, want)
		}
	}
}
