package main

import (
	"fmt"
	"strings"
)

type Counter struct{ hits map[string]int }

func NewCounter() Counter { return Counter{hits: map[string]int{}} }

func (c Counter) Add(word string) { c.hits[strings.ToLower(word)]++ }

func (c Counter) Top() (string, int) {
	best, n := "", 0
	for w, k := range c.hits {
		if k > n || k == n && w < best {
			best, n = w, k
		}
	}
	return best, n
}

type Stack []string

func (s *Stack) Push(v string) { *s = append(*s, v) }
func (s *Stack) Pop() string {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}
func (s Stack) Peek() string { return s[len(s)-1] }

func main() {
	c := NewCounter()
	for _, w := range strings.Fields("Go go GO rust Rust zig") {
		c.Add(w)
	}
	fmt.Println(c.Top())
	w, n := c.Top()
	fmt.Println(w, n, len(c.hits))
	var st Stack
	st.Push("a")
	st.Push("b")
	st.Push("c")
	fmt.Println(st.Peek(), st.Pop(), st.Pop(), st, len(st))
	stacks := map[string]*Stack{"x": {}}
	stacks["x"].Push("1")
	fmt.Println(*stacks["x"])
}
