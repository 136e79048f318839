package main

import "fmt"

var x = "package"

func show() string { return x }

func main() {
	fmt.Println(x, show())
	x := "main"
	fmt.Println(x, show())
	{
		x := "block"
		fmt.Println(x)
		{
			x = "block2"
			x := 3
			x++
			fmt.Println(x)
		}
		fmt.Println(x)
	}
	for x := 0; x < 2; x++ {
		x := x * 10
		fmt.Println("for", x)
	}
	if x := len(x); x > 2 {
		fmt.Println("if", x)
	} else if y := x * 2; y > 0 {
		fmt.Println("else if", x, y)
	}
	switch x := 5; {
	case x > 3:
		x := "case"
		fmt.Println(x)
	}
	for _, x := range []string{"r1", "r2"} {
		fmt.Println(x)
	}
	func() {
		x := 1.5
		fmt.Println("func", x)
	}()
	fmt.Println(x, show())
	var err error
	if true {
		_, err := fmt.Sscan("12", new(int))
		fmt.Println("inner err", err)
	}
	fmt.Println("outer err", err)
}
