package main

import "fmt"

const limit = 10

var label = "global label"

type Unit int

func (u Unit) String() string { return fmt.Sprintf("%du", int(u)) }

func main() {
	fmt.Println(limit, label, Unit(3))
	{
		const limit = "ten"
		var label = 42
		type pair struct{ a, b int }
		p := pair{1, 2}
		fmt.Println(limit, label, p, p.a+p.b)
	}
	fmt.Println(limit*2, label)
	if true {
		const limit = 2.5
		fmt.Println(limit * 2)
	}
	for i := 0; i < 2; i++ {
		type item struct {
			N    int
			Name string
		}
		var label = item{i, fmt.Sprint("it", i)}
		fmt.Printf("%v %+v\n", label, label)
	}
	switch {
	case limit > 5:
		var label Unit = 7
		fmt.Println("switch label:", label)
	}
	fmt.Println("final:", limit, label)
}
