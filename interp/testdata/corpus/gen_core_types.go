package main

import (
	"fmt"
	"slices"
	"strings"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func Peek[T any](s *Stack[T]) (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	return s.items[len(s.items)-1], true
}

func FirstOf[S ~[]E, E any](s S) E { return s[0] }

func Sum[T ~int | ~float64](xs ...T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

var total = Sum(1, 2, 3)

type Names []string

func Contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

type Employee struct {
	Name string
	Dept string
}

func main() {
	fmt.Println(total)
	var st Stack[Employee]
	st.Push(Employee{"ann", "ops"})
	top, ok := Peek(&st)
	fmt.Println(top.Name, ok)
	names := Names{"x", "y"}
	fmt.Println(FirstOf(names), FirstOf([]int{9, 8}))
	fmt.Println(Contains(names, "y"), Contains([]Employee{{"a", "b"}}, Employee{"a", "b"}))
	emps := []Employee{{"bo", "dev"}, {"al", "ops"}}
	slices.SortFunc(emps, func(a, b Employee) int { return strings.Compare(a.Name, b.Name) })
	fmt.Println(emps)
	idx := slices.IndexFunc(emps, func(e Employee) bool { return e.Dept == "dev" })
	fmt.Println(idx, Sum(1.5, 2))
}
