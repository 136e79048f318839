package interp

import "testing"

// Printed arguments reach fmt with their static types in every shape the
// notebook writes them: a notebook type named like a helper's type
// parameter, a variadic parameter, %#v of values whose parts have no
// methods, containers of types with String in notebooks that also declare
// generic types with String. Each case is what compiled Go prints.
func TestPrintRoutingShapes(t *testing.T) {
	cases := []struct {
		name  string
		cells []string
		want  string
	}{
		{"type named T", []string{
			`import "fmt"`,
			`type T struct{ S string }
func (t T) M() { fmt.Println(t.S) }
type I interface{ M() }`,
			`var i I = T{"hi"}
i.M()
total := 0.5
var e any = T{"x"}
fmt.Println(total, min(total, 2), e)
fmt.Printf("%v %+v %T\n", T{"y"}, T{"y"}, i)`,
		}, "hi\n0.5 0.5 {x}\n{y} {S:y} main.T\n"},
		{"types named like the package helpers' type parameters", []string{
			`import ("fmt"; "maps"; "slices")`,
			`type E struct{ A int }
type K string
type V struct{ B int }`,
			`s := []int{3, 1, 2}
slices.Sort(s)
m := map[K]int{"b": 2, "a": 1}
fmt.Println(s, slices.Index(s, 2), slices.Sorted(maps.Keys(m)), E{1}, V{2})`,
		}, "[1 2 3] 1 [a b] {1} {2}\n"},
		{"interface holding a nil pointer", []string{
			`import "fmt"`,
			`type I interface{ M() }
type T struct{ S string }
func (t *T) M() {}`,
			`var i I
var t *T
i = t
fmt.Printf("(%v, %T)\n", i, i)
var j any = 42
fmt.Printf("(%v, %T)\n", j, j)`,
		}, "(<nil>, *main.T)\n(42, int)\n"},
		{"variadic parameters", []string{
			`import "fmt"`,
			`type Color int
func (c Color) String() string { return [...]string{"red", "green"}[c] }
func show(prefix string, cs ...Color) { fmt.Println(prefix, cs); fmt.Printf("%v %#v\n", cs, cs) }
func sum(ns ...int) string { return fmt.Sprint(ns) }`,
			`show("a", 0, 1)
show("b")
fmt.Println(sum(1, 2), sum())`,
		}, "a [red green]\n[red green] []main.Color{0, 1}\nb []\n[] []main.Color(nil)\n[1 2] []\n"},
		{"%#v without methods", []string{
			`import "fmt"`,
			`type Color int
type Point struct{ X, Y int }`,
			`cs := []Color{0, 1}
fmt.Printf("%#v %#v %#v\n", cs, Point{1, 2}, map[string]Color{"a": 1})`,
		}, "[]main.Color{0, 1} main.Point{X:1, Y:2} map[string]main.Color{\"a\":1}\n"},
		{"containers beside generic printers", []string{
			`import "fmt"`,
			`type Pair[K comparable, V any] struct { Key K; Val V }
func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }
type Color int
func (c Color) String() string { return [...]string{"red", "green"}[c] }`,
			`p := Pair[string, int]{"a", 1}
ps := []Pair[string, int]{p, {"b", 2}}
cs := []Color{1, 0}
fmt.Println(p, ps, cs, map[string]Color{"k": 1})`,
		}, "a=1 [a=1 b=2] [green red] map[k:green]\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, _ := session(t)
			var out string
			for i, code := range c.cells {
				o, err := run(t, s, "cell.go", code)
				if err != nil {
					t.Fatalf("cell %d: %v\n%s", i+1, err, o)
				}
				out = o
			}
			if out != c.want {
				t.Errorf("got %q\nwant %q", out, c.want)
			}
		})
	}
}
