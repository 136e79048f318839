package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func (n *Node) String() string {
	if n == nil {
		return "end"
	}
	return fmt.Sprintf("%d -> %v", n.Val, n.Next)
}

type Fragile struct{ p *int }

func (f Fragile) String() string { return fmt.Sprint("fragile ", *f.p) }

type Careless struct{ name string }

func (c *Careless) String() string { return "careless " + c.name }

func main() {
	list := &Node{1, &Node{2, &Node{3, nil}}}
	fmt.Println(list)
	var empty *Node
	fmt.Println(empty)
	fmt.Printf("%v|%s\n", empty, empty)
	x := 5
	fmt.Println(Fragile{&x})
	fmt.Println(Fragile{})
	var c *Careless
	fmt.Println(c)
	fmt.Printf("[%v]\n", c)
	fmt.Println([]*Node{nil, {Val: 9}})
	holder := struct{ Head *Node }{list.Next}
	fmt.Printf("%v %+v\n", holder, holder)
}
