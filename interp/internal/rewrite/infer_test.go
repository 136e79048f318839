package rewrite

import (
	"strings"
	"testing"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// genericsNotebook is what earlier cells of the tests below declared.
const genericsNotebook = `type Person struct { Name string; Age int }
type Stack[T any] struct{ items []T }
func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
type Pair[K comparable, V any] struct { Key K; Val V }
type Number interface { ~int | ~float64 }
type Score int
func Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }
func Largest[T int | float64 | string](xs ...T) T { return xs[0] }
func Sum[T Number](xs []T) T { var s T; for _, x := range xs { s += x }; return s }
func Convert[To, From Number](xs []From) []To { return nil }
func Double[T Number](x T) T { return x * 2 }
func ApplyAll(xs []int, f func(int) int) []int { return xs }
func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }`

// genericsRegistry returns a registry holding genericsNotebook and a
// variable people of type []Person.
func genericsRegistry(t *testing.T) *names.Registry {
	t.Helper()
	reg := &names.Registry{}
	d, err := Declarations(reg, "cell1.go", cell.Chunk{Kind: cell.Decls, Text: genericsNotebook, Line: 1, Col: 1})
	if err != nil {
		t.Fatal(err)
	}
	reg.Add(d.Decls)
	for _, s := range []string{`people := []Person{{"ann", 31}}`, `scores := []Score{1, 2}`, `words := strings.Fields("a b")`} {
		if _, err := Statements(reg, s); err != nil {
			t.Fatal(err)
		}
		reg.NoteVarHints(s)
	}
	return reg
}

func TestInferGenericCalls(t *testing.T) {
	UsePackageTypes(nil)
	cases := []struct{ in, want string }{
		// Inferred through a function argument; Map was compiled with
		// the type parameters [T, T__2, U].
		{`fmt.Println(Map(people, func(p Person) string { return p.Name }))`,
			`Map[Person, Person, string](people, func(p Person) string { return p.Name })`},
		// A cell-level variable declared from a generic call.
		{`names := Map(people, func(p Person) string { return p.Name })`,
			`var names []string; names = Map[Person, Person, string](people, `},
		// A variadic generic function.
		{`fmt.Println(Largest(3, 7, 1), Largest("b", "a"))`, `__gocellfix.Val((Largest[int](3, 7, 1))), __gocellfix.Val((Largest[string]("b", "a")))`},
		// %T of a result of a notebook type.
		{`fmt.Printf("%T\n", Sum(scores))`, `__gocellfix.Named("main.Score", Sum[Score](scores))`},
		// A partial instantiation is completed.
		{`c := Convert[float64]([]int{1})`, `var c []float64; c = Convert[float64, int]([]int{1})`},
		// A generic function as a value.
		{`fmt.Println(ApplyAll([]int{1}, Double))`, `ApplyAll([]int{1}, func(__gocell_a0 int) int { return Double[int](__gocell_a0) })`},
		// A generic type of several arguments inside another.
		{`fmt.Println(MakePair("a", Pair[string, int]{"b", 1}))`, `type __gocell_inst1 = Pair[string, int]; type __gocell_inst2 = Pair[string, int]; fmt.Println(__gocellfix.Val((MakePair[string, __gocell_inst1]("a", __gocell_inst2{"b", 1}))))`},
		// Parallel assignments of nil run in sequence when that means the same.
		{"var a, b []int\na, b = nil, nil", "a = nil; b = nil"},
		{"var a, b []int\na, b = nil, a", "a, b = nil, a"},
	}
	for _, c := range cases {
		reg := genericsRegistry(t)
		got, err := Statements(reg, c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%s:\n got %s\nwant it to contain %s", c.in, got, c.want)
		}
	}
}

// A call is left to the interpreter when its type arguments are not all
// known: an argument of unknown type, or type parameters of the enclosing
// generic function (yaegi instantiates f[T] inside a generic body wrongly).
func TestInferGenericCallsLeftAlone(t *testing.T) {
	UsePackageTypes(nil)
	for _, in := range []string{
		`fmt.Println(Map(mystery, func(p Person) string { return p.Name }))`,
		`fmt.Println(Map(words, strings.ToUpper))`, // no package types given
	} {
		reg := genericsRegistry(t)
		got, err := Statements(reg, in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if strings.Contains(got, "Map[") {
			t.Errorf("%s: rewritten to %s", in, got)
		}
	}
	reg := genericsRegistry(t)
	d, err := Declarations(reg, "cell2.go", cell.Chunk{Kind: cell.Decls, Text: "func Avg[T Number](xs []T) float64 { return float64(Sum(xs)) / float64(len(xs)) }", Line: 1, Col: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "float64(Sum(xs))") {
		t.Errorf("a call inside a generic body was instantiated: %s", d.Text)
	}
}

// BenchmarkGenericCallRewrite measures what the type check adds to the
// rewrite of a cell calling a generic function of the notebook: the same
// cell calling a plain function with the same signature is the reference.
func BenchmarkGenericCallRewrite(b *testing.B) {
	reg := &names.Registry{}
	d, err := Declarations(reg, "cell1.go", cell.Chunk{Kind: cell.Decls, Line: 1, Col: 1, Text: genericsNotebook +
		"\nfunc MapPS(xs []Person, f func(Person) string) []string { return nil }"})
	if err != nil {
		b.Fatal(err)
	}
	reg.Add(d.Decls)
	if _, err := Statements(reg, `people := []Person{{"ann", 31}}`); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, cell string }{
		{"plain", "names := MapPS(people, func(p Person) string { return p.Name })\nfmt.Println(names)"},
		{"generic", "names := Map(people, func(p Person) string { return p.Name })\nfmt.Println(names)"},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Statements(reg, c.cell); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
