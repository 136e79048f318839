package main

import "fmt"

type Address struct {
	City string
	Zip  int
}

type Person struct {
	Name    string
	Age     int
	Home    Address
	Work    *Address
	Tags    []string
	Scores  map[string]int
	private bool
}

func main() {
	p := Person{Name: "Kim", Age: 30, Home: Address{"Oslo", 150}, Tags: []string{"a"}, Scores: map[string]int{"go": 9}}
	fmt.Printf("%v\n", p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p.Home)
	fmt.Printf("%#v\n", p.Tags)
	fmt.Printf("%#v\n", p.Scores)
	pa := &p.Home
	fmt.Printf("%v %+v\n", pa, pa)
	fmt.Printf("%#v\n", []Address{{"A", 1}})
	fmt.Printf("%#v\n", map[string]Address{"x": {"B", 2}})
	anon := struct {
		Label string
		N     int
	}{"anon", 1}
	fmt.Printf("%v %+v\n", anon, anon)
	fmt.Printf("%#v\n", anon)
	ptrs := []*Address{{"C", 3}}
	fmt.Println(len(ptrs), *ptrs[0])
	var nilp *Person
	fmt.Printf("%v %+v\n", nilp, nilp)
	pp := &Person{Name: "Lee"}
	fmt.Printf("%v\n", pp)
	fmt.Printf("%+v\n", pp)
	fmt.Println(Address{}, [2]Address{}, []Person(nil) == nil)
	fmt.Printf("%#v %#v %#v\n", 42, "s", []int(nil))
	fmt.Printf("%#v %#v\n", map[string]int{}, [0]int{})
}
