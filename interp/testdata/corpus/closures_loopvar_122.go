package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() string
	for i, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return fmt.Sprint(i, s) })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()
	var ptrs []*int
	for i := range 3 {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("deferred", i) }()
	}
	var hs []func() int
	for i := 0; i < 6; i++ {
		if i%2 == 1 {
			i++ // modifies this iteration's copy, which the next iteration starts from
		}
		hs = append(hs, func() int { return i })
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()
}
