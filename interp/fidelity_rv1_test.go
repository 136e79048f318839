package interp

import "testing"

// Focused fidelity tests for scope, constants, statement forms and
// printing that yaegi v0.16.1 gets wrong on its own: each is fixed by a
// rewrite, or refused with an error naming the construct. The expected
// outputs are what go run prints for the same code in a main.

func TestFidelityRVScope(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "redeclared from itself", cells: []string{`import "fmt"`, `x := 5`, `x := x + 1
fmt.Println(x)`}, want: "6\n"},
		{name: "swap by redeclaration", cells: []string{`import "fmt"`, `var a, b = "A", "B"`, `a, b := b, a
fmt.Println(a, b)`}, want: "B A\n"},
		{name: "append redeclared", cells: []string{`import "fmt"`, `data := []int{1}`, `data := append(data, 2)
fmt.Println(data, len(data))`}, want: "[1 2] 2\n"},
		{name: "redeclared with a new variable", cells: []string{`import "strconv"`, `n := 5`, `n, err := strconv.Atoi(strconv.Itoa(n))`},
			errWant: "reads the notebook variable n it declares again"},
		{name: "const in a nested block", cells: []string{`import "fmt"`, `const limit = 10`, `if true {
	const limit = 2.5
	fmt.Println(limit * 2)
}
fmt.Println(limit)`}, want: "5\n10\n"},
		{name: "predeclared name hidden in a block", cells: []string{`import "fmt"`, `{
	cap := "capital"
	fmt.Println(cap)
}
fmt.Println(cap([]int{1, 2}))`}, want: "capital\n2\n"},
		{name: "variable named like a predeclared type", cells: []string{`string := "s"`},
			errWant: "a notebook variable named string hides the predeclared type string"},
		{name: "variable named like a notebook function others call", cells: []string{`func sum(xs ...int) int { t := 0; for _, x := range xs { t += x }; return t }
func avg(xs ...int) int { return sum(xs...) / len(xs) }`, `sum := 0`},
			errWant: "a notebook variable named sum would replace the notebook function sum"},
		{name: "variable named like a notebook function nobody calls", cells: []string{`import "fmt"`, `func greet() string { return "hi" }`, `greet := "hello"
fmt.Println(greet)`}, want: "hello\n"},
		{name: "multi-value init in a top-level loop", cells: []string{`import ("fmt"; "strings")`, `for _, s := range []string{"a=1", "b"} {
	if k, v, ok := strings.Cut(s, "="); ok {
		fmt.Println(k, v)
	} else if !ok {
		fmt.Println("no value:", k)
	}
}
{
	k, v, _ := strings.Cut("c=3", "=")
	fmt.Println(k, v)
}`}, want: "a 1\nno value: b\nc 3\n"},
		{name: "renamed variable named as written in an error", cells: []string{`msg := "x"
ch := make(chan string)
_ = ch`, `for i := 0; i < 1; i++ {
	select {
	case msg, ok := <-undefinedChan():
		_, _ = msg, ok
	default:
	}
}`}, errWant: "msg, ok := "},
	})
}

func TestFidelityRVStatements(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "switch init with a tag expression", cells: []string{`import "fmt"`, `func f(words []string) {
	for _, w := range words {
		switch n := len(w); n % 2 {
		case 0:
			fmt.Println(w, "even")
		default:
			fmt.Println(w, "odd")
		}
	}
}`, `f([]string{"ab", "abc"})
switch s := "hey"; len(s) {
case 3:
	fmt.Println("three")
}`}, want: "ab even\nabc odd\nthree\n"},
		{name: "range assigning existing variables", cells: []string{`import "fmt"`, `key, idx := "K", -1
for key = range map[string]bool{"only": true} {
}
for idx = range []int{7, 8, 9} {
}
fmt.Println(key, idx)`, `func last(xs []string) (i int, s string) {
	for i, s = range xs {
	}
	return
}
fmt.Println(last([]string{"a", "b"}))`}, want: "only 2\n1 b\n"},
		{name: "builtin call among returned values", cells: []string{`import "fmt"`, `func sizes(s string) (string, int) { return s, len(s) }
func grow(xs []int) (int, []int) { return len(xs), append(xs, 1) }`, `fmt.Println(sizes("abc"))
fmt.Println(grow(nil))`}, want: "abc 3\n0 [1]\n"},
		{name: "select receive assigning a variable", cells: []string{`import "fmt"`, `n := 0
done := make(chan int, 1)
done <- 7
select {
case n = <-done:
}
fmt.Println(n)`, `func recv(ch chan int) (v int) {
	select {
	case v = <-ch:
	}
	return
}
c := make(chan int, 1)
c <- 9
fmt.Println(recv(c))`}, want: "7\n9\n"},
		{name: "select receive from a notebook function's channel", cells: []string{`import "fmt"`, `func feed() <-chan string {
	ch := make(chan string, 1)
	ch <- "one"
	close(ch)
	return ch
}`, `ch := feed()
for i := 0; i < 2; i++ {
	select {
	case s, ok := <-ch:
		fmt.Println(s, ok)
	}
}
r, ok := <-ch
fmt.Printf("%q %v\n", r, ok)`}, want: "one true\n false\n\"\" false\n"},
		{name: "deferred method call copies a value receiver", cells: []string{`import "fmt"`, `type Logger struct{ prefix string }
func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }
func (l *Logger) SetPrefix(p string) { l.prefix = p }
func work() {
	l := Logger{"[a] "}
	defer l.Log("deferred")
	l.SetPrefix("[b] ")
	l.Log("now")
}`, `work()`}, want: "[b] now\n[a] deferred\n"},
		{name: "elided pointer elements of a named slice type", cells: []string{`import "fmt"`, `type Stack []string
func (s *Stack) Push(v string) { *s = append(*s, v) }`, `m := map[string]*Stack{"x": {}, "y": {"a"}}
m["x"].Push("1")
fmt.Println(*m["x"], *m["y"])`}, want: "[1] [a]\n"},
		{name: "method value through a pointer", cells: []string{`import "fmt"`, `type C struct{ n int }
func (c C) Show() int { return c.n }`, `c := C{1}
p := &c
show := p.Show
p.n = 2
fmt.Println(show(), p.Show())`}, want: "1 2\n"},
		{name: "value stored in an interface is a copy", cells: []string{`import "fmt"`, `type C struct{ n int }
func (c C) Show() int { return c.n }
type Shower interface{ Show() int }`, `c := C{1}
var s Shower = c
var a any = c
l := []Shower{c}
c.n = -1
fmt.Println(s.Show(), a, l[0].Show())`}, want: "1 {1} 1\n"},
	})
}

func TestFidelityRVConstants(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "typed constants from iota expressions", cells: []string{`import "fmt"`, `type Status int
const (
	Active Status = iota + 1
	Suspended
)
const Limit Status = 2 + 3
func (s Status) String() string {
	if s == Active {
		return "active"
	}
	return fmt.Sprintf("status %d", int(s))
}`, `var s Status = 1
var a any = Suspended
fmt.Println(s == Active, Active, Suspended, Limit == 5)
fmt.Printf("%T %v\n", a, a)`}, want: "true active status 2 true\nmain.Status status 2\n"},
		{name: "non-constant shift of an untyped constant", cells: []string{`import "fmt"`, `type Flag uint16
func (f Flag) Has(i int) bool { return f&(1<<i) != 0 }`, `var f Flag = 5
var b uint8 = 5
for _, x := range []Flag{f} {
	fmt.Println(x&(1<<2) != 0, f.Has(1), b&(1<<2))
}`}, want: "true false 4\n"},
		{name: "typed constant operation in an interface", cells: []string{`import "fmt"`, `type Suit int
const (
	Spades Suit = iota
	Hearts
	Diamonds
	Clubs
)
func (s Suit) String() string { return [...]string{"S", "H", "D", "C"}[s] }`, `var x any = Hearts | Diamonds
xs := []any{Spades, Suit(3)}
fmt.Println(x)
fmt.Println(xs...)`}, want: "C\nS C\n"},
		{name: "integer division in untyped and typed constants", cells: []string{`import "fmt"`, `const a = 5 / 2 * 2.0
const b = 7/2 + 0.25`, `var f float64 = 1 / 3
const c = 3 + 2i
fmt.Println(a, b, f, real(c), imag(c*1i))`}, want: "4 3.25 0 3 3\n"},
	})
}

func TestFidelityRVPrinting(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "function value results with String", cells: []string{`import "fmt"`, `type Temp float64
func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }`, `getters := []func() Temp{func() Temp { return 1 }, func() Temp { return 2 }}
fmt.Println(getters[1](), fmt.Sprint(getters[0]()))`}, want: "2.0° 1.0°\n"},
		{name: "nil embedded pointer", cells: []string{`import "fmt"`, `type Config struct{ Host string }
type Server struct {
	*Config
	Name string
}`, `func() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var s Server
	fmt.Println(s.Host)
}()`}, want: "recovered: runtime error: invalid memory address or nil pointer dereference\n"},
		{name: "type switch on recover with case error", cells: []string{`import ("errors"; "fmt"; "runtime")`, `type VE struct{ F string }
func (v *VE) Error() string { return "invalid " + v.F }
func guard(f func()) (err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case runtime.Error:
			err = fmt.Errorf("runtime: %v", r)
		case error:
			err = fmt.Errorf("error: %w", r)
		default:
			err = fmt.Errorf("value: %v", r)
		}
	}()
	f()
	return nil
}`, `err := guard(func() { panic(&VE{"age"}) })
var ve *VE
fmt.Println(err, errors.As(err, &ve), ve.F)
fmt.Println(guard(func() { var a []int; _ = a[1] }))
fmt.Println(guard(func() { panic("text") }))
fmt.Println(recover())`}, want: "error: invalid age true age\nruntime: runtime error: index out of range [1] with length 0\nvalue: text\n<nil>\n"},
		{name: "assertion to an interface type literal", cells: []string{`import "fmt"`, `type Square struct{ S float64 }
func (s Square) Area() float64 { return s.S * s.S }
type Shape interface{ Area() float64 }`, `var sh Shape = Square{2}
a := sh.(interface{ Area() float64 })
fmt.Println(a.Area())
func() {
	defer func() { fmt.Println(recover()) }()
	_ = sh.(interface{ Perimeter() float64 })
}()`}, want: "4\ninterface conversion: main.Square is not interface { Perimeter() float64 }: missing method Perimeter\n"},
		{name: "global any from a composite literal asserted to a notebook interface", cells: []string{`import "fmt"`, `type Square struct{ S float64 }
func (s Square) Area() float64 { return s.S * s.S }
type areaer interface{ Area() float64 }`, `var v any = Square{2}
a, ok := v.(areaer)
fmt.Println(ok, a.Area())`}, want: "true 4\n"},
		{name: "index of a resliced array where a panic is recovered", cells: []string{`import "fmt"`, `func catch(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}`, `arr := [3]int{1, 2, 3}
s := arr[:]
i := 3
catch(func() { _ = s[i] })`}, want: "runtime error: index out of range [3] with length 3\n"},
	})
}
