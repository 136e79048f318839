package main

import (
	"errors"
	"fmt"
)

type Stack struct{ data []int }

func (s *Stack) Pop() int {
	v := s.data[len(s.data)-1]
	s.data = s.data[:len(s.data)-1]
	return v
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: recovered %v\n", name, r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func nested() (out []string) {
	defer func() { out = append(out, "outer") }()
	func() {
		defer func() { out = append(out, "inner") }()
		out = append(out, "body")
	}()
	return out
}

func rethrow() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("wrapped: %v", r)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("again ", r))
		}
	}()
	panic("first")
}

var ErrEmpty = errors.New("empty")

func main() {
	try("custom", func() { panic(ErrEmpty) })
	try("fine", func() {})
	try("sprintf", func() { panic(fmt.Sprintf("code %d", 7)) })
	s := &Stack{data: []int{1}}
	try("pop", func() { fmt.Println(s.Pop()) })
	fmt.Println(nested())
	fmt.Println(rethrow())
	for i := 0; i < 3; i++ {
		defer func(n int) { fmt.Print(n, " ") }(i)
	}
	x := 10
	defer fmt.Println("x at defer:", x)
	x = 20
	func() {
		defer fmt.Println("closure defer")
		fmt.Println("closure body")
	}()
	fmt.Println("end main", x)
}
