package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

func First[T any](xs []T) (T, error) {
	var zero T
	if len(xs) == 0 {
		return zero, errors.New("empty")
	}
	return xs[0], nil
}

func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Apply[T any](x T, fs ...func(T) T) T {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func Ptr[T any](v T) *T { return &v }

type Temp float64

func main() {
	p := MakePair("a", 1)
	fmt.Printf("%v %+v\n", p.Key, p)
	fmt.Printf("%T\n", p)
	v, err := First([]string{})
	fmt.Printf("%q %v\n", v, err)
	w, err := First([]Temp{21.5})
	fmt.Printf("%v %T %v\n", w, w, err)
	ks := Keys(map[string]int{"b": 1, "a": 2})
	sort.Strings(ks)
	fmt.Println(ks)
	var total = Apply(3, func(x int) int { return x * 2 }, func(x int) int { return x + 1 })
	fmt.Println(total)
	s := Apply("go", strings.ToUpper, strings.TrimSpace)
	fmt.Println(s)
	d := Apply(time.Second, func(d time.Duration) time.Duration { return d * 90 })
	fmt.Println(d)
	ip := Ptr(42)
	*ip++
	fmt.Println(*ip)
	tp := Ptr(Temp(3))
	fmt.Printf("%T %v\n", tp, *tp)
}
