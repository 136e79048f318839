package main

import "fmt"

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Person struct {
	Name string
	Age  int
}

func main() {
	nums := []int{1, 2, 3, 4, 5, 6}
	evens := Filter(nums, func(n int) bool { return n%2 == 0 })
	squares := Map(evens, func(n int) int { return n * n })
	sum := Reduce(squares, 0, func(a, n int) int { return a + n })
	fmt.Println(evens, squares, sum)

	people := []Person{{"Ann", 31}, {"Bob", 17}, {"Cid", 45}}
	adults := Filter(people, func(p Person) bool { return p.Age >= 18 })
	names := Map(adults, func(p Person) string { return p.Name })
	fmt.Println(names)
	oldest := Reduce(people, Person{}, func(best, p Person) Person {
		if p.Age > best.Age {
			return p
		}
		return best
	})
	fmt.Printf("%+v\n", oldest)
	strs := Map[int, string](nums, func(n int) string { return fmt.Sprint(n, "!") })
	fmt.Printf("%q\n", strs)
}
