package main

import (
	"fmt"
	"strings"
)

type Middleware func(string) string

func chain(ms ...Middleware) Middleware {
	return func(s string) string {
		for i := len(ms) - 1; i >= 0; i-- {
			s = ms[i](s)
		}
		return s
	}
}

func prefix(p string) Middleware { return func(s string) string { return p + s } }

type Memo struct {
	calls int
	cache map[int]int
}

func (m *Memo) Fib() func(int) int {
	var fib func(int) int
	fib = func(n int) int {
		m.calls++
		if v, ok := m.cache[n]; ok {
			return v
		}
		if n < 2 {
			return n
		}
		v := fib(n-1) + fib(n-2)
		m.cache[n] = v
		return v
	}
	return fib
}

func main() {
	h := chain(prefix("<"), strings.ToUpper, prefix(">"))
	fmt.Println(h("go"))
	m := &Memo{cache: map[int]int{}}
	f := m.Fib()
	fmt.Println(f(30), m.calls)
	counters := map[string]func() int{}
	for _, name := range []string{"a", "b"} {
		n := 0
		counters[name] = func() int { n++; return n }
	}
	counters["a"]()
	counters["a"]()
	fmt.Println(counters["a"](), counters["b"]())
	adders := make([]func(int) int, 3)
	for i := range adders {
		adders[i] = func(x int) int { return x + i }
	}
	fmt.Println(adders[0](10), adders[2](10))
}
