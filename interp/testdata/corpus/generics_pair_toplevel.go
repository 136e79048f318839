package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Value) }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Color string

func main() {
	p := MakePair("age", 42)
	fmt.Println(p, p.Key, p.Value)
	q := Pair[Color, []int]{"red", []int{1, 2}}
	fmt.Println(q)
	fmt.Printf("%v %+v\n", q.Key, q.Value)
	ps := []Pair[string, int]{{"a", 1}, {"b", 2}}
	for _, x := range ps {
		fmt.Println(x.Key, x.Value)
	}
	idx := map[Color]Pair[string, float64]{"blue": MakePair("w", 1.5)}
	fmt.Println(idx["blue"].Value)
}
