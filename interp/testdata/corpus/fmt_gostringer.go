package main

import "fmt"

type Color struct{ R, G, B uint8 }

func (c Color) GoString() string { return fmt.Sprintf("RGB(%d, %d, %d)", c.R, c.G, c.B) }

type Hex Color

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

type Item struct {
	Name  string
	Price Money
	Tags  []string
	c     Color
}

func main() {
	c := Color{255, 128, 0}
	fmt.Printf("%v|%+v|%#v\n", c, c, c)
	fmt.Printf("%#v\n", []Color{c})
	fmt.Printf("%#v\n", Hex(c))
	it := Item{"pen", 1999, []string{"office"}, c}
	fmt.Printf("%v\n%+v\n", it, it)
	fmt.Printf("%#v\n", Money(5))
	fmt.Printf("%v %s %d\n", it.Price, it.Price, it.Price)
	fmt.Printf("%x %X\n", Money(255), "hi")
	fmt.Printf("%T %T\n", it, &it)
}
