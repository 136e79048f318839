package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Pusher() func(int) {
	return func(v int) { s.items = append(s.items, v) }
}

func (s *Stack) Popper() func() (int, bool) {
	return func() (int, bool) {
		if len(s.items) == 0 {
			return 0, false
		}
		v := s.items[len(s.items)-1]
		s.items = s.items[:len(s.items)-1]
		return v, true
	}
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

type Handler struct {
	Name string
	Run  func(string) string
}

func main() {
	next := fibGen()
	for i := 0; i < 8; i++ {
		fmt.Print(next(), " ")
	}
	fmt.Println()
	s := &Stack{}
	push, pop := s.Pusher(), s.Popper()
	for i := 1; i <= 3; i++ {
		push(i * i)
	}
	for {
		v, ok := pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(s.items))
	prefix := "[x]"
	hs := []Handler{
		{"upper", func(s string) string { return prefix + " " + s + "!" }},
		{"twice", func(s string) string { return s + s }},
	}
	prefix = "[y]"
	for _, h := range hs {
		fmt.Println(h.Name, h.Run("go"))
	}
	var funcs []func() int
	for i := range 3 {
		funcs = append(funcs, func() int { return i * 100 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	memo := map[int]int{}
	var fact func(int) int
	fact = func(n int) int {
		if n <= 1 {
			return 1
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = n * fact(n-1)
		return memo[n]
	}
	fmt.Println(fact(10), len(memo))
}
