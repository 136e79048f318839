package main

import (
	"fmt"
	"strconv"
)

func lookup(key string) (int, bool) {
	m := map[string]int{"a": 1, "b": 2}
	v, ok := m[key]
	return v, ok
}

func main() {
	v := 100
	ok := "notebook ok"
	err := "notebook err"
	if v, ok := lookup("a"); ok {
		fmt.Println("if:", v, ok)
	}
	fmt.Println("after if:", v, ok)
	if n, err := strconv.Atoi("x1"); err != nil {
		fmt.Println("parse failed:", n, err != nil)
	} else {
		fmt.Println("parsed", n)
	}
	fmt.Println("err is still:", err)
	switch v := v * 2; {
	case v > 150:
		fmt.Println("switch big:", v)
	default:
		fmt.Println("switch small:", v)
	}
	fmt.Println("after switch:", v)
	switch ok := v > 50; ok {
	case true:
		fmt.Println("switch tag:", ok)
	}
	fmt.Printf("%v %q\n", v, ok)
	var x any = 3.5
	switch v := x.(type) {
	case float64:
		fmt.Printf("type switch: %T %v\n", v, v)
	}
	fmt.Printf("%T %v\n", v, v)
}
