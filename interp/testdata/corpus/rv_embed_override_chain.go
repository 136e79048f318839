package main

import "fmt"

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }
func (b Base) Kind() string     { return "base" }
func (b *Base) SetID(id int)    { b.ID = id }

type Mid struct {
	Base
	Name string
}

func (m Mid) Kind() string { return "mid(" + m.Base.Kind() + ")" }

type Top struct {
	Mid
	Extra bool
}

func (t Top) Describe() string { return "top over " + t.Mid.Describe() }

type Describer interface{ Describe() string }
type Kinder interface{ Kind() string }

func main() {
	t := Top{Mid{Base{1}, "m"}, true}
	fmt.Println(t.Describe(), "|", t.Kind(), "|", t.ID, t.Name)
	t.SetID(42)
	fmt.Println(t.ID, t.Mid.ID, t.Base.ID, t.Mid.Base.Describe())
	var ds []Describer = []Describer{t, t.Mid, t.Base, &t}
	for _, d := range ds {
		fmt.Println(d.Describe())
	}
	var k Kinder = t
	fmt.Println(k.Kind())
	fmt.Printf("%v\n%+v\n", t, t)
	m := &Mid{Name: "ptr"}
	m.SetID(7)
	fmt.Println(m.Describe(), m.Kind(), *m)
	if _, ok := k.(Describer); ok {
		fmt.Println("Top is also a Describer")
	}
}
