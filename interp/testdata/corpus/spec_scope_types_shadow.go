package main

import "fmt"

type T int

func (t T) String() string { return fmt.Sprintf("T(%d)", int(t)) }

const c = 10

func f() (int, string) { return 1, "a" }

func main() {
	fmt.Println(T(3), c)
	{
		type T string
		const c = "inner"
		var t T = "x"
		fmt.Printf("%v %T %v\n", t, t, c)
	}
	fmt.Println(T(4), c)
	len := func(s string) int { return 99 }
	fmt.Println(len("abc"))
	a, b := f()
	a, c := f()
	fmt.Println(a, b, c)
	true := false
	fmt.Println(true)
	n := 1
	n, m := 2, 3
	fmt.Println(n, m)
	var fmtv = fmt.Sprint
	fmt.Println(fmtv("shadow", 1))
}
