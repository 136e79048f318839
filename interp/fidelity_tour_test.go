package interp

import (
	"strconv"
	"strings"
	"testing"
)

// Focused fidelity tests for constructs of the Tour of Go and the Go spec
// that yaegi gets wrong on its own: each runs cells in a fresh session and
// compares with what go run prints.

// tourCase is cells run in order, and what they must print together (or,
// with errWant, the error the last cell must stop with).
type tourCase struct {
	name    string
	cells   []string
	want    string
	errWant string
}

func runTourCases(t *testing.T, cases []tourCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, _ := session(t)
			var got strings.Builder
			for i, code := range c.cells {
				out, cerr := run(t, s, "cell.go", code)
				got.WriteString(out)
				if cerr != nil {
					if c.errWant != "" && i == len(c.cells)-1 && strings.Contains(cerr.EValue, c.errWant) {
						return
					}
					t.Fatalf("cell %d: %s: %s\n%s", i+1, cerr.EName, cerr.EValue, strings.Join(cerr.Traceback, "\n"))
				}
			}
			if c.errWant != "" {
				t.Fatalf("no error, want one with %q; printed:\n%s", c.errWant, got.String())
			}
			if got.String() != c.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got.String(), c.want)
			}
		})
	}
}

func TestFidelityTourStatements(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "reader loop with break", cells: []string{`import ("fmt"; "io"; "strings")`, `
r := strings.NewReader("Hello!")
b := make([]byte, 4)
for {
	n, err := r.Read(b)
	fmt.Printf("%d %v %q\n", n, err, b[:n])
	if err == io.EOF {
		break
	}
}`}, want: "4 <nil> \"Hell\"\n2 <nil> \"o!\"\n0 EOF \"\"\n"},
		{name: "multi-value declaration in a case clause", cells: []string{`import ("fmt"; "strconv")`, `
for _, s := range []string{"1", "x"} {
	switch {
	case s != "":
		n, err := strconv.Atoi(s)
		fmt.Println(n, err != nil)
	}
}`}, want: "1 false\n0 true\n"},
		{name: "notebook variable declared again after use", cells: []string{`import "fmt"
var x = "package"
func show() string { return x }`, `
fmt.Println(x, show())
x := "main"
fmt.Println(x, show())`, `fmt.Println(x)`}, want: "package package\nmain package\nmain\n"},
		{name: "type declared in a block", cells: []string{`import "fmt"`, `
{
	type Pair struct{ A, B int }
	var p Pair = Pair{1, 2}
	fmt.Printf("%v %T\n", p, p)
}`}, want: "{1 2} main.Pair\n"},
		{name: "local type hiding a notebook type", cells: []string{`type T int`, `
func f() {
	type T string
	var t T = "x"
	_ = t
}`}, errWant: "type T declared inside a function or block hides the notebook's type T"},
	})
}

func TestFidelityTourConstants(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "constants of comparisons", cells: []string{`import "fmt"
const Big = 1 << 100
const (
	N     = 7
	IsBig = N > 5
	Both  = IsBig && N%2 == 1
	S     = "go" + "pher"
	Eq    = S == "gopher"
)
const Not = !IsBig`, `
const local = N <= 3
fmt.Println(IsBig, Both, Eq, Not, local)
if IsBig {
	fmt.Println("big")
}`}, want: "true true true false false\nbig\n"},
		{name: "comparisons of constants too big for int", cells: []string{`import "fmt"
const Big = 1 << 100
const Small = Big >> 99`, `const Over = Big > 10
fmt.Println(Big > 1, Big < Small, Big/(1<<98) == 4, Over)`, `Big := 3
fmt.Println(Big > 1, Big < 2)`}, want: "true false true true\ntrue false\n"},
		{name: "comparison of another cell's constant", cells: []string{`const Limit = 10`, `import "fmt"
const Over = Limit > 5
fmt.Println(Over)`}, want: "true\n"},
		{name: "typed constant shifted by iota", cells: []string{`import "fmt"
type ByteSize float64
const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
)`, `fmt.Println(KB, MB, GB)
fmt.Printf("%T\n", MB)`}, want: "1024 1.048576e+06 1.073741824e+09\nmain.ByteSize\n"},
		{name: "%T of typed constants and their arithmetic", cells: []string{`import "fmt"
type Color int
const (
	Red Color = iota
	Green
)
type Celsius float64
const Boiling Celsius = 100
type Name string`, `
c := Boiling * 2
var nm Name = "go"
fmt.Printf("%T %T %T %T %v\n", Green, c, nm+"!", (c-32)*5/9, c)`}, want: "main.Color main.Celsius main.Name main.Celsius 200\n"},
	})
}

func TestFidelityTourFmt(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "%#v of notebook types", cells: []string{`import "fmt"
type Vertex struct{ X, Y int }
type Point struct{ X, Y int } // the same layout: yaegi's reflect types are one
type Color int`, `
v := Vertex{1, 2}
fmt.Printf("%#v %#v %#v\n", v, &v, []Vertex{v})
fmt.Printf("%#v %#v %#v\n", []Color{0, 1}, map[string]Color{"a": 1}, "s")
fmt.Printf("%v %+v %#v\n", v, v, 3)`}, want: "main.Vertex{X:1, Y:2} &main.Vertex{X:1, Y:2} []main.Vertex{main.Vertex{X:1, Y:2}}\n" +
			"[]main.Color{0, 1} map[string]main.Color{\"a\":1} \"s\"\n{1 2} {X:1 Y:2} 3\n"},
		{name: "os.Stdout and fmt keep their order", cells: []string{`import ("fmt"; "io"; "os"; "strings")`, `
for i := 0; i < 20; i++ {
	io.Copy(os.Stdout, strings.NewReader("copied "))
	fmt.Println(i)
	fmt.Fprint(os.Stdout, "F")
	fmt.Print("p")
}
fmt.Println()`}, want: tourOrdered()},
	})
}

// tourOrdered is what the ordering case prints.
func tourOrdered() string {
	var b strings.Builder
	for i := 0; i < 20; i++ {
		b.WriteString("copied ")
		b.WriteString(strconv.Itoa(i))
		b.WriteString("\nFp")
	}
	b.WriteString("\n")
	return b.String()
}

func TestFidelityInitOrder(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "spec example", cells: []string{`import "fmt"
var (
	a = c + b // == 9
	b = f()   // == 4
	c = f()   // == 5
	d = 3     // == 5 after initialization has finished
)

func f() int {
	d++
	return d
}

var total = sum(values)

var values = []int{1, 2, 3}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

var trace []string

func init() { trace = append(trace, fmt.Sprint("init a=", a)) }`, `fmt.Println(a, b, c, d, total, trace)`},
			want: "9 4 5 5 6 [init a=9]\n"},
		{name: "in order as written", cells: []string{`import "fmt"
var n = 1
func next() int { n++; return n }
var m = next()`, `fmt.Println(n, m)`}, want: "2 2\n"},
		{name: "statements after the declarations", cells: []string{`import "fmt"
func twice() int { return 2 * base }
var doubled = twice()
var base = 21
fmt.Println(doubled, base)
base = 1
fmt.Println(twice())`}, want: "42 21\n2\n"},
	})
}

func TestFidelityEmbeddedInterface(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "method promoted from an embedded interface", cells: []string{`import "fmt"
type Logger interface{ Log(string) }
type buf struct{ lines []string }
func (b *buf) Log(s string) { b.lines = append(b.lines, s) }
type Base struct{ ID int }
func (b Base) Describe() string { return fmt.Sprint("#", b.ID) }
type Service struct {
	Base
	Logger
	Name string
}
func (s Service) Run() { s.Log("run " + s.Name) }`, `
b := &buf{}
s := Service{Base{7}, b, "svc"}
s.Log("hello")
s.Run()
p := &s
p.Log("via pointer")
fmt.Println(b.lines, s.Describe())`}, want: "[hello run svc via pointer] #7\n"},
	})
}
