package interp

import (
	"context"
	"strings"
	"testing"
)

// Generic functions and types across cells: declared in one cell, called
// at the top level of later cells and inside functions declared later,
// with arguments whose types earlier cells established. The expected
// outputs are what go run prints for the same code in one program.
func TestGenericsAcrossCells(t *testing.T) {
	cases := []struct {
		name  string
		cells []string
		want  string
	}{{
		name: "inference through function arguments",
		cells: []string{
			`import ("fmt"; "strings")
type Person struct { Name string; Age int }
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs { out = append(out, f(x)) }
	return out
}
func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs { if keep(x) { out = append(out, x) } }
	return out
}`,
			`people := []Person{{"ann", 31}, {"bob", 17}, {"cid", 45}}`,
			`words := strings.Fields("a bb ccc")`,
			`adults := Filter(people, func(p Person) bool { return p.Age >= 18 })`,
			`names := Map(adults, func(p Person) string { return p.Name })
fmt.Println(names, len(adults))`,
			`lens := Map(words, func(s string) int { return len(s) })
fmt.Println(lens)`,
			`func Names(ps []Person) []string { return Map(ps, func(p Person) string { return p.Name }) }`,
			`fmt.Println(Names(people))`,
			`up := Map(names, strings.ToUpper)
fmt.Printf("%v %T\n", up, up)`,
		},
		want: "[ann cid] 2\n[1 2 3]\n[ann bob cid]\n[ANN CID] []string\n",
	}, {
		name: "variadic generic and notebook types",
		cells: []string{
			`import ("cmp"; "fmt")
type Celsius float64
func Largest[T cmp.Ordered](xs ...T) T {
	best := xs[0]
	for _, x := range xs[1:] { if x > best { best = x } }
	return best
}`,
			`hot := Largest(Celsius(21), Celsius(30.5), Celsius(12))`,
			`fmt.Printf("%v %T\n", hot, hot)`,
			`fmt.Println(Largest(3, 7, 1), Largest("b", "c", "a"))`,
			`temps := []Celsius{1, 5, 2}`,
			`fmt.Println(Largest(temps...))`,
			`var best Celsius
best = Largest(temps...)
fmt.Println(best + 1)`,
		},
		want: "30.5 main.Celsius\n7 c\n5\n6\n",
	}, {
		name: "a generic function redefined",
		cells: []string{
			`import "fmt"
func Pick[T any](a, b T) T { return a }`,
			`x := Pick(1, 2)
fmt.Println(x)`,
			`func Pick[T any](a, b T, second bool) T { if second { return b }; return a }`,
			`y := Pick("p", "q", true)
fmt.Println(y)`,
		},
		want: "1\nq\n",
	}, {
		name: "generic types with methods",
		cells: []string{
			`import "fmt"
type Stack[T any] struct{ items []T }
func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 { return zero, false }
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
type Pair[K comparable, V any] struct { Key K; Val V }
func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }`,
			`var st Stack[Pair[string, int]]
st.Push(MakePair("a", 1))
st.Push(MakePair("b", 2))`,
			`top, ok := st.Pop()
fmt.Printf("%v %v %T\n", top.Key, ok, top)`,
			`p := MakePair(3.5, []string{"x"})
fmt.Printf("%+v %T\n", p, p)`,
		},
		want: "b true main.Pair[string,int]\n{Key:3.5 Val:[x]} main.Pair[float64,[]string]\n",
	}, {
		name: "several results",
		cells: []string{
			`import "fmt"
type Num interface{ ~int | ~float64 }
func Sum[T Num](xs ...T) (total T, n int) { for _, x := range xs { total += x; n++ }; return }
var pa, pb = Sum(1.5, 2)`,
			`var a, b = Sum(1, 2, 3)
t, n := Sum(2.5)
fmt.Printf("%v %v %v %v %v %T\n", pa, pb, a, b, t+float64(n), t)`,
		},
		want: "3.5 2 6 3 3.5 float64\n",
	}, {
		name: "methods of generic results",
		cells: []string{
			`import ("fmt"; "strings")
type Optional[T any] struct { value T; set bool }
func Some[T any](v T) Optional[T] { return Optional[T]{v, true} }
func None[T any]() Optional[T] { return Optional[T]{} }
func (o Optional[T]) OrElse(d T) T { if o.set { return o.value }; return d }`,
			`name := Some("gopher").OrElse("anon")
fmt.Println(name, None[string]().OrElse("anon"), strings.Repeat("=", Some(3).OrElse(0)))`,
		},
		want: "gopher anon ===\n",
	}}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			got, cerr := runCorpusCells(c.cells)
			if cerr != "" || got != c.want {
				t.Errorf("got %q%s\nwant %q", got, cerr, c.want)
			}
		})
	}
}

// A top-level assignment of nil to notebook variables already declared.
func TestAssignNilTopLevel(t *testing.T) {
	cells := []string{
		`import "fmt"`,
		`ys := []int{1, 2}
zs := []string{"a"}
var m map[string]int = map[string]int{"a": 1}
var err error = fmt.Errorf("x")
var p *int = new(int)`,
		`ys, zs = nil, nil
m = nil
err = nil
p = nil
fmt.Println(ys == nil, zs == nil, len(ys), m == nil, err == nil, p == nil)`,
		`ys = append(ys, 3)
fmt.Println(ys)`,
	}
	got, cerr := runCorpusCells(cells)
	want := "true true 0 true true true\n[3]\n"
	if cerr != "" || got != want {
		t.Errorf("got %q%s\nwant %q", got, cerr, want)
	}
}

// BenchmarkGenericCell measures a cell calling a generic function of the
// notebook (type-checked, then run with its type arguments written out)
// against the same cell calling a plain function (the reference).
func BenchmarkGenericCell(b *testing.B) {
	s := newBenchSession(b)
	setup := `import "fmt"
type Person struct { Name string; Age int }
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs { out = append(out, f(x)) }
	return out
}
func MapPS(xs []Person, f func(Person) string) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs { out = append(out, f(x)) }
	return out
}
var people = []Person{{"ann", 31}, {"bob", 17}}
var n int`
	if cerr := s.Execute(context.Background(), setup, ExecuteOptions{Name: "cell1.go"}); cerr != nil {
		b.Fatal(cerr.EValue)
	}
	for _, c := range []struct{ name, cell string }{
		{"plain", "n = len(MapPS(people, func(p Person) string { return p.Name }))"},
		{"generic", "n = len(Map(people, func(p Person) string { return p.Name }))"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if cerr := s.Execute(context.Background(), c.cell, ExecuteOptions{Name: "cell2.go"}); cerr != nil {
					b.Fatal(cerr.EValue)
				}
			}
		})
	}
}

// A generic function that looks at the dynamic type of its type
// parameter's values, instantiated with a notebook type of non-struct
// underlying type, is refused with an error naming the construct: the
// interpreter would see the underlying type.
func TestGenericTypeSwitchOnNamedTypeIsRefused(t *testing.T) {
	decls := `import "fmt"
type Celsius float64
type Code int
func Show[T any](v T) string { return fmt.Sprintf("%T", v) }
func Kind[T any](v T) string {
	switch any(v).(type) {
	case int:
		return "int"
	}
	return "other"
}
func Only[T any](v T) string {
	if _, ok := any(v).(string); ok {
		return "string"
	}
	return "other"
}`
	for _, c := range []struct{ cell, want string }{
		{`fmt.Println(Show(Celsius(1)))`, "inside Show, %T on a value of type parameter T, instantiated with Celsius, would see float64"},
		{`k := Kind(Code(2))`, "inside Kind, a type switch on a value of type parameter T, instantiated with Code, would see int"},
	} {
		got, cerr := runCorpusCells([]string{decls, c.cell})
		if got != "" || !strings.Contains(cerr, c.want) {
			t.Errorf("%s: got %q%s\nwant an error saying %q", c.cell, got, cerr, c.want)
		}
	}
	// Where the type cannot be mistaken, the calls run.
	got, cerr := runCorpusCells([]string{decls, `fmt.Println(Only(Code(1)), Kind(2), Kind(2.5), Show(3))`})
	if want := "other int other int\n"; cerr != "" || got != want {
		t.Errorf("got %q%s, want %q", got, cerr, want)
	}
}
