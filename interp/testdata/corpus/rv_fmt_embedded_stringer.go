package main

import "fmt"

type Name struct{ First, Last string }

func (n Name) String() string { return n.First + " " + n.Last }

type Employee struct {
	Name
	Salary int
}

type Manager struct {
	*Employee
	Reports []Employee
}

type Tagged struct {
	ID int
	Name
}

func main() {
	e := Employee{Name{"Ada", "Lovelace"}, 100}
	fmt.Println(e)
	fmt.Printf("%v|%+v|%s\n", e, e, e)
	fmt.Println(e.String(), e.First)
	m := Manager{&e, []Employee{{Name{"Bob", "B"}, 1}}}
	fmt.Println(m)
	fmt.Println(m.Reports)
	fmt.Println(m.Last, m.String())
	t := Tagged{7, Name{"Cy", "C"}}
	fmt.Println(t)
	fmt.Printf("%d\n", t.ID)
	var s fmt.Stringer = t
	fmt.Println(s.String())
	list := []fmt.Stringer{e, t, Name{"X", "Y"}}
	for _, x := range list {
		fmt.Printf("%T %v\n", x, x)
	}
}
