package main

import (
	"fmt"
	"sort"
	"strings"
)

type IntList []int

func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

func (l *IntList) Push(v ...int) { *l = append(*l, v...) }

func (l IntList) Len() int           { return len(l) }
func (l IntList) Less(i, j int) bool { return l[i] > l[j] }
func (l IntList) Swap(i, j int)      { l[i], l[j] = l[j], l[i] }

type Registry map[string][]string

func (r Registry) Add(k, v string) { r[k] = append(r[k], v) }

func (r Registry) String() string {
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%s;", k, strings.Join(r[k], ","))
	}
	return b.String()
}

type Transform func(string) string

func (t Transform) Then(u Transform) Transform {
	return func(s string) string { return u(t(s)) }
}

func main() {
	var l IntList
	l.Push(3, 1, 2)
	l.Push(10)
	fmt.Println(l, l.Sum(), len(l))
	sort.Sort(l)
	fmt.Println(l, l[1:].Sum())
	r := Registry{}
	r.Add("b", "2")
	r.Add("a", "1")
	r.Add("b", "3")
	fmt.Println(r, len(r))
	fmt.Printf("%v|%s\n", r, r)
	up := Transform(strings.ToUpper)
	ex := Transform(func(s string) string { return s + "!" })
	fmt.Println(up.Then(ex)("go"), ex.Then(ex).Then(up)("hi"))
	lists := []IntList{{1}, {2, 3}}
	for _, x := range lists {
		fmt.Print(x.Sum(), " ")
	}
	fmt.Println()
}
