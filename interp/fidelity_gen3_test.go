package interp

import (
	"strings"
	"testing"
)

// Generic code yaegi v0.16.1 compiles wrongly or not at all, as the
// session runs it: the right output, or an error that names the construct.

func TestGenericConversionToTypeParam(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Meters float64
type Celsius float64

func Convert[To, From ~float64](x From) To { return To(x) }

func Average[T ~float64 | ~int](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s / T(len(xs))
}

type Box[T any] struct{ v T }

func (b Box[T]) Scaled(f float64) T { return T(f) }`,
		`m := Convert[Meters](3.5)
fmt.Printf("%v %T\n", m, m)
fmt.Println(Average([]Celsius{20, 22, 27}))
fmt.Println(Average([]int{1, 2, 4}))
fmt.Println(Box[Meters]{}.Scaled(2.5), Box[int]{}.Scaled(2.9))`})
	want := "3.5 main.Meters\n23\n2\n2.5 2\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

func TestGenericConstructorTwiceInOneChunk(t *testing.T) {
	got, cerr := runCorpusCells([]string{`import "fmt"

type Cache[K comparable, V any] struct{ data map[K]V }

func NewCache[K comparable, V any]() *Cache[K, V] { return &Cache[K, V]{data: map[K]V{}} }

type UserID string`,
		`c := NewCache[UserID, string]()
sq := NewCache[int, int]()
c.data["ann"] = "x"
sq.data[2] = 4
fmt.Printf("%d %d %T %T\n", len(c.data), len(sq.data), c, sq)`})
	want := "1 1 *main.Cache[main.UserID,string] *main.Cache[int,int]\n"
	if cerr != "" || got != want {
		t.Fatalf("got %q, error %q; want %q", got, cerr, want)
	}
}

func TestGenericInstantiationInGenericBodyIsNamed(t *testing.T) {
	_, cerr := runCorpusCells([]string{`type Set[T comparable] map[T]struct{}

func NewSet[T comparable](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func (s Set[T]) Add(x T) { s[x] = struct{}{} }

func (s Set[T]) Union(o Set[T]) Set[T] {
	r := NewSet[T]()
	for k := range s {
		r.Add(k)
	}
	return r
}

type City string

var visited = NewSet[City]("Oslo")`, `println(len(visited))`})
	for _, want := range []string{"NewSet[T] in the method Union of the generic type Set", "line 14", "composite literal"} {
		if !strings.Contains(cerr, want) {
			t.Errorf("error %q does not say %q", cerr, want)
		}
	}
	if strings.Contains(cerr, "CFG") {
		t.Errorf("error %q keeps yaegi's internal text", cerr)
	}
}

func TestIterPullIsNamed(t *testing.T) {
	_, cerr := runCorpusCells([]string{`import (
	"fmt"
	"iter"
	"slices"
)`, `next, stop := iter.Pull(slices.Values([]int{1, 2}))
defer stop()
fmt.Println(next())`})
	if !strings.Contains(cerr, "iter.Pull is not available") || !strings.Contains(cerr, "for loop") {
		t.Errorf("error %q does not name iter.Pull and its workaround", cerr)
	}
}
