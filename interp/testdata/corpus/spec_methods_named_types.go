package main

import (
	"fmt"
	"sort"
	"strings"
)

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Add(v int) { *l = append(*l, v) }

type Set map[string]struct{}

func (s Set) Add(k string)      { s[k] = struct{}{} }
func (s Set) Has(k string) bool { _, ok := s[k]; return ok }
func (s Set) Keys() []string {
	ks := make([]string, 0, len(s))
	for k := range s {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Counter int

func (c *Counter) Inc() { *c++ }

type Path []string

func (p Path) String() string { return strings.Join(p, "/") }

func main() {
	var l IntList
	l.Add(1)
	l.Add(2)
	l.Add(39)
	fmt.Println(l, l.Sum(), len(l))
	s := Set{}
	s.Add("b")
	s.Add("a")
	fmt.Println(s.Has("a"), s.Has("z"), s.Keys())
	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add.Apply(2, 3))
	var c Counter
	c.Inc()
	c.Inc()
	fmt.Println(c)
	p := Path{"usr", "local", "bin"}
	fmt.Println(p)
	fmt.Printf("%v %s %d\n", p, p, len(p))
	f := l.Sum
	l.Add(100)
	fmt.Println(f(), l.Sum())
	g := (*Counter).Inc
	g(&c)
	fmt.Println(c)
}
