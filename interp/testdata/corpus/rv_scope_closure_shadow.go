package main

import "fmt"

var total = 1000

func report() string { return fmt.Sprint("package total=", total) }

func main() {
	total := 0
	add := func(n int) { total += n }
	var fns []func() int
	{
		total := 50
		fns = append(fns, func() int { return total })
		total++
	}
	add(5)
	add(6)
	fmt.Println("notebook total:", total)
	fmt.Println("block closure sees:", fns[0]())
	fmt.Println(report())
	counter := func() func() int {
		total := 0
		return func() int {
			total++
			return total
		}
	}()
	counter()
	counter()
	fmt.Println("counter:", counter(), "total still:", total)
	name := "outer"
	greet := func(name string) string { return "hello " + name }
	fmt.Println(greet("param"), name)
	x := 1
	inc := func() { x++ }
	if x := 10; x > 5 {
		inc()
		fmt.Println("if x:", x)
	}
	fmt.Println("x:", x)
}
