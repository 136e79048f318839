package main

import (
	"cmp"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func Largest[T cmp.Ordered](xs ...T) T {
	best := xs[0]
	for _, x := range xs[1:] {
		if x > best {
			best = x
		}
	}
	return best
}

func Clamp[T cmp.Ordered](v, lo, hi T) T {
	return max(lo, min(v, hi))
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }

func main() {
	fmt.Println(Largest(3, 7, 1), Largest("b", "c", "a"))
	hot := Largest(Celsius(21), Celsius(30.5), Celsius(12))
	fmt.Println(hot)
	fmt.Printf("%v %.0f %T\n", hot, float64(hot), hot)
	fmt.Println(Clamp(15, 0, 10), Clamp(-2.5, -1, 1), Clamp(Celsius(50), 0, 40))
	s := Set[string]{}
	s.Add("go")
	fmt.Println(s.Has("go"), s.Has("rust"), len(s))
	seen := make(Set[Celsius])
	seen.Add(hot)
	fmt.Println(seen.Has(30.5))
}
