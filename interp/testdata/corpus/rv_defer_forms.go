package main

import (
	"errors"
	"fmt"
)

type Resource struct{ name string }

func (r *Resource) Close() { fmt.Println("close", r.name) }

func open(name string) *Resource {
	fmt.Println("open", name)
	return &Resource{name}
}

func work() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	a := open("a")
	defer a.Close()
	b := open("b")
	defer b.Close()
	panic("disk full")
}

func counter() (n int) {
	defer func() { n *= 2 }()
	for i := 0; i < 3; i++ {
		defer func(i int) { n += i }(i)
	}
	return 10
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = errors.New("division failed")
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println(work())
	fmt.Println(counter())
	fmt.Println(safeDiv(9, 3))
	fmt.Println(safeDiv(1, 0))
	x := 1
	defer fmt.Println("main deferred x =", x)
	x = 2
	func() {
		for _, s := range []string{"first", "second", "third"} {
			defer fmt.Print(s, " ")
		}
	}()
	fmt.Println()
	fmt.Println("end of main, x =", x)
}
