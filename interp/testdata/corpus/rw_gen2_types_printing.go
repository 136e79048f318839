package main

import "fmt"

type Box[T any] struct{ V T }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T) { s[v] = struct{}{} }

func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }

type Celsius float64

type Opt[T any] struct {
	v *T
}

func Of[T any](v T) Opt[T] { return Opt[T]{&v} }

func (o Opt[T]) Get() (T, bool) {
	if o.v == nil {
		var z T
		return z, false
	}
	return *o.v, true
}

func main() {
	b := Box[int]{1}
	p := &Pair[string, Celsius]{"t", 21.5}
	fmt.Printf("%T %T %v %+v\n", b, p, b, *p)
	fmt.Println(&b, p.Val, p)
	s := Set[string]{}
	s.Add("x")
	fmt.Println(s.Has("x"), s.Has("y"), len(s), s)
	fmt.Printf("%T\n", s)
	o := Of(Celsius(3))
	v, ok := o.Get()
	fmt.Println(v, ok)
	fmt.Printf("%T %v\n", v, v)
	var e Opt[string]
	_, ok = e.Get()
	fmt.Println(ok)
	bs := []Box[Celsius]{{1.5}, {2}}
	fmt.Printf("%v %+v %T\n", bs, bs[0], bs)
}
