package main

import "fmt"

type Box struct{ W, H int }

func (b *Box) String() string { return fmt.Sprintf("Box(%dx%d)", b.W, b.H) }

type Crate struct {
	Inner  Box
	PInner *Box
}

func newBox(w, h int) *Box { return &Box{w, h} }

func main() {
	b := Box{2, 3}
	fmt.Println(b)
	fmt.Println(&b)
	fmt.Println(newBox(4, 5))
	fmt.Println([]*Box{&b, newBox(1, 1)})
	fmt.Println([]Box{b})
	fmt.Println(Crate{b, &b})
	fmt.Printf("%v %s\n", &b, &b)
	fmt.Printf("%+v\n", Crate{Inner: b})
	var s fmt.Stringer = &b
	fmt.Println(s)
	m := map[string]*Box{"k": &b}
	fmt.Println(m)
	b.W = 10
	fmt.Println(s, m["k"])
	var nb *Box
	fmt.Println(nb == nil)
	fmt.Printf("%v\n", nb)
}
