package main

import "fmt"

type Animal interface {
	Sound() string
	Name() string
}

type Base struct {
	name string
}

func (b Base) Name() string     { return b.name }
func (b *Base) Rename(n string) { b.name = n }
func (b Base) Describe() string { return "I am " + b.Name() }

type Dog struct {
	Base
	breed string
}

func (d Dog) Sound() string { return "woof" }

type Loud struct {
	*Dog
	volume int
}

func (l Loud) Sound() string { return "WOOF" }

func main() {
	d := Dog{Base{"rex"}, "lab"}
	fmt.Println(d.Name(), d.Sound(), d.Describe(), d.name)
	d.Rename("max")
	fmt.Println(d.Name(), d.Base.name)
	var a Animal = d
	fmt.Println(a.Name(), a.Sound())
	l := Loud{&d, 11}
	fmt.Println(l.Name(), l.Sound(), l.Dog.Sound(), l.volume)
	l.Rename("buddy")
	fmt.Println(d.Name(), l.Name())
	a = l
	fmt.Println(a.Sound(), a.Name())
	animals := []Animal{d, l, &d}
	for _, an := range animals {
		fmt.Print(an.Name(), ":", an.Sound(), " ")
	}
	fmt.Println()
	fmt.Printf("%+v\n", d)
}
