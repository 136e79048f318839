package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g())
	}
	fmt.Println()
	var ps []*int
	for i := range 3 {
		ps = append(ps, &i)
	}
	fmt.Println(*ps[0], *ps[1], *ps[2])
	var hs []func() int
	for i := 0; i < 6; i++ {
		if i%2 == 0 {
			i++
		}
		hs = append(hs, func() int { return i })
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()
	counter := 0
	inc := func() { counter++ }
	for range 5 {
		inc()
	}
	fmt.Println(counter)
	x := 1
	get := func() int { return x }
	x = 10
	fmt.Println(get())
	m := map[string]func(int) int{}
	for _, k := range []int{2, 3} {
		m[fmt.Sprint(k)] = func(n int) int { return n * k }
	}
	fmt.Println(m["2"](5), m["3"](5))
}
