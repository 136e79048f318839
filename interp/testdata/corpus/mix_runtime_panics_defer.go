package main

import (
	"fmt"
	"os"
	"strings"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return a / b, nil
}

func writeNil() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	var m map[string]int
	m["a"] = 1
	return nil
}

func idx(xs []int, i int) (v int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return xs[i], nil
}

type T struct{ name string }

func (t *T) Hello() string { return "hi " + t.name }

func main() {
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(writeNil())
	fmt.Println(idx([]int{1, 2, 3}, 5))
	var any interface{} = "str"
	n, ok := any.(int)
	fmt.Println(n, ok)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = any.(int)
	}()
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteString("liftoff")
	fmt.Fprintln(os.Stdout, sb.String(), sb.Len())
	for i := 0; i < 3; i++ {
		defer fmt.Print(i, " ")
	}
	defer fmt.Println()
}
