package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: %v\n", name, r)
			if e, ok := r.(error); ok {
				fmt.Printf("  runtime error? %v\n", e.Error() != "")
			}
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	nums := []int{1, 2, 3}
	idx := 5
	try("index", func() { fmt.Println(nums[idx]) })
	try("slice", func() { fmt.Println(nums[2:idx]) })
	var m map[string]int
	try("nil map read", func() { fmt.Println(m["x"]) })
	try("nil map write", func() { m["x"] = 1 })
	zero := 0
	try("divide", func() { fmt.Println(10 / zero) })
	var n *Node
	try("nil pointer", func() { fmt.Println(n.Val) })
	var v any = "text"
	try("assertion", func() { fmt.Println(v.(int)) })
	try("custom", func() { panic(fmt.Sprintf("bad input %d", 42)) })
	try("fine", func() {})
}
