package interp

import (
	"strings"
	"testing"
)

// Values of generic notebook types printed where the syntax does not tell
// their type: the right output or a clear error, never a value printed
// without its String method.

func TestGenericStringerInFieldAndIndex(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v:%v", p.Key, p.Value) }

type Ref[T any] struct{ v T }

func (r *Ref[T]) String() string { return fmt.Sprint("ref ", r.v) }

type Plain[T any] struct{ a, b T }

type Cache[K comparable, V any] struct {
	order []Pair[K, V]
	byKey map[K]Pair[K, V]
}`,
		`c := Cache[int, string]{byKey: map[int]Pair[int, string]{}}
c.order = append(c.order, Pair[int, string]{1, "a"}, Pair[int, string]{2, "b"})
c.byKey[7] = c.order[1]
fmt.Println(c.order, c.byKey)
fmt.Println(c.order[0], c.byKey[7])
fmt.Printf("%v|%s|%q|%d|%T\n", c.order[1], c.order, c.order[0], c.order[0], c.order[0])
refs := []*Ref[int]{{3}, nil}
fmt.Println(refs[0], refs, refs[1])
ps := []Plain[int]{{1, 2}}
fmt.Println(ps[0], ps)
fmt.Println(fmt.Errorf("wrapped %v", c.order[0]))`})
	want := "[1:a 2:b] map[7:2:b]\n1:a 2:b\n2:b|[1:a 2:b]|\"1:a\"|{1 %!d(string=a)}|main.Pair[int,string]\n" +
		"ref 3 [ref 3 <nil>] <nil>\n{1 2} [{1 2}]\nwrapped 1:a\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

// The check that finds such values runs only in notebooks whose generic
// types have a method fmt calls.
func TestGenericPrintCheckOnlyWithGenericPrinters(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Box[T any] struct{ v T }`,
		`bs := []Box[int]{{1}, {2}}
fmt.Println(bs, bs[1], len(bs))`})
	if want := "[{1} {2}] {2} 2\n"; cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
	if strings.Contains(got, "<nil>") {
		t.Fatalf("a value was lost: %q", got)
	}
}

// Two literals of one instantiation of several type arguments: yaegi
// compiles them to one node, so the first took the second's value.
func TestGenericLiteralsOfOneInstantiation(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

func first() Pair[int, string] { return Pair[int, string]{3, "c"} }

func second() Pair[int, string] { return Pair[int, string]{Key: 4, Value: "d"} }`,
		`fmt.Println(first(), second(), first())
p := Pair[int, string]{5, "e"}
q := &Pair[int, string]{6, "f"}
var xs []Pair[int, string]
xs = append(xs, Pair[int, string]{1, "a"}, Pair[int, string]{2, "b"})
fmt.Println(p, *q, xs)`})
	want := "{3 c} {4 d} {3 c}\n{5 e} {6 f} [{1 a} {2 b}]\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

// The same in generic bodies, where the instantiation names the type
// parameters: generic functions and methods building values of another
// generic type, instantiated with several sets of type arguments.
func TestGenericLiteralsInGenericBodies(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

type City struct{ Name string }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func Swap[K, V comparable](p Pair[K, V]) Pair[V, K] { return Pair[V, K]{Key: p.Value, Value: p.Key} }

func Ref[K comparable, V any](k K, v V) *Pair[K, V] { return &Pair[K, V]{Value: v, Key: k} }

type List[K comparable, V any] struct{ items []Pair[K, V] }

func (l *List[K, V]) Add(k K, v V) { l.items = append(l.items, Pair[K, V]{k, v}) }

func (l *List[K, V]) AddFront(k K, v V) {
	l.items = append([]Pair[K, V]{Pair[K, V]{k, v}}, l.items...)
}`,
		`a := MakePair(1, "a")
b := MakePair("x", 2.5)
c := MakePair(City{"Rome"}, 3)
fmt.Println(a, b, c, Swap(a), *Ref(7, true))
var l List[int, string]
l.Add(1, "one")
l.AddFront(0, "zero")
l.Add(2, "two")
fmt.Println(l.items)`})
	want := "{1 a} {x 2.5} {{Rome} 3} {a 1} {7 true}\n[{0 zero} {1 one} {2 two}]\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

// A declaration is replayed alone when the notebook is rebuilt (here after
// a type changes its fields): what the rewrite of its literals needs must
// be inside it.
func TestGenericLiteralsSurviveRebuild(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func top() Pair[int, string] { return Pair[int, string]{3, "c"} }

type Other struct{ A int }`,
		`fmt.Println(MakePair(1, "a"), top())`,
		`type Other struct{ A, B int }`,
		`fmt.Println(MakePair(2, "b"), top(), Other{1, 2})`})
	want := "{1 a} {3 c}\n{2 b} {3 c} {1 2}\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

// A generic type's String reached through a struct field, a generic call's
// result, and generic calls among a literal's elements.
func TestGenericStringerInStructFieldsAndCalls(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Value) }

func NewPair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T)      { s.items = append(s.items, v) }
func (s Stack[T]) String() string { return fmt.Sprintf("Stack%v", s.items) }

type Box[T any] struct{ v T }

func (b *Box[T]) String() string { return fmt.Sprint("box:", b.v) }

type Inventory struct {
	Name  string
	Items Stack[string]
	Tag   Pair[string, int]
	B     *Box[int]
}

func show(inv Inventory) { fmt.Println(inv) }`,
		`inv := Inventory{Name: "kit", Tag: NewPair("n", 2), B: &Box[int]{7}}
inv.Items.Push("pen")
fmt.Println(inv)
fmt.Printf("%+v\n", inv)
show(inv)
fmt.Println(NewPair("a", 1), []Pair[string, int]{NewPair("x", 1), NewPair("y", 2)})`})
	want := "{kit Stack[pen] n=2 box:7}\n{Name:kit Items:Stack[pen] Tag:n=2 B:box:7}\n{kit Stack[pen] n=2 box:7}\na=1 [x=1 y=2]\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

// Constraints built from other constraints, the constraints package's
// way: yaegi fails on a union of interfaces, the rewrite writes their
// terms out, also where the signature is rewritten for inference.
func TestGenericConstraintUnionsOfInterfaces(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import (
	"fmt"
	"sort"
)

type Integer interface{ ~int | ~int64 }

type Float interface{ ~float32 | ~float64 }

type Number interface{ Integer | Float }

func Scale[T Integer | Float](xs []T, k T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = x * k
	}
	return out
}`,
		`

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func SortBy[T any, K Number | ~string](xs []T, key func(T) K) {
	sort.Slice(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

type Age int`,
		`ages := []Age{40, 7, 21}
SortBy(ages, func(a Age) int { return int(a) })
names := []string{"bo", "al"}
SortBy(names, func(s string) string { return s })
fmt.Println(Sum(1, 2), Sum(0.5, 0.25), Sum[Age](ages...), ages, names, Scale([]float64{1, 2}, 0.5))`})
	want := "3 0.75 68 [7 21 40] [al bo] [0.5 1]\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

// A generic struct holding values of a notebook type with String: the
// instantiation is registered so that the printer finds the parts'
// methods; a generic slice type of them keeps its view.
func TestGenericStructHoldingStringers(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Vec[T any] []T

type Box[T any] struct{ V T }

type Named[T any] struct{ N string }

func (n Named[T]) String() string { return "named " + n.N }`,
		`v := Vec[Point]{{1, 2}}
b := Box[Point]{Point{3, 4}}
bs := []Box[Point]{b}
fmt.Println(v, b, bs, v[0], b.V)
fmt.Printf("%v %+v\n", b, b)`})
	want := "[(1,2)] {(3,4)} [{(3,4)}] (1,2) (3,4)\n{(3,4)} {V:(3,4)}\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}
