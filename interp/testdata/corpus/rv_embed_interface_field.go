package main

import (
	"fmt"
	"strings"
)

type Speaker interface{ Speak() string }

type Dog struct{ Name string }

func (d Dog) Speak() string { return d.Name + " says woof" }

type Loud struct {
	Speaker
}

func (l Loud) Speak() string { return strings.ToUpper(l.Speaker.Speak()) }

type Counted struct {
	Speaker
	calls int
}

func (c *Counted) Speak() string {
	c.calls++
	return fmt.Sprintf("%s (#%d)", c.Speaker.Speak(), c.calls)
}

func chorus(ss ...Speaker) {
	for _, s := range ss {
		fmt.Println(s.Speak())
	}
}

func main() {
	d := Dog{"rex"}
	l := Loud{d}
	c := &Counted{Speaker: l}
	chorus(d, l, c, c)
	fmt.Println(c.calls)
	var empty Loud
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		empty.Speak()
	}()
	fmt.Printf("%v %+v\n", l, l)
	nested := Loud{Loud{Dog{"fido"}}}
	fmt.Println(nested.Speak())
}
