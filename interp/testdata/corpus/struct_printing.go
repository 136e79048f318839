package main

import "fmt"

type account struct {
	owner   string
	balance float64
	Tags    []string
}

type Order struct {
	ID    int
	Items []string
	note  string
}

func main() {
	a := account{owner: "zoe", balance: 12.5, Tags: []string{"vip"}}
	fmt.Printf("%v\n%+v\n", a, a)
	o := &Order{ID: 3, Items: []string{"pen"}, note: "rush"}
	fmt.Printf("%v %+v\n", o, *o)
	fmt.Println(a, o.note)
	s := fmt.Sprintf("%+v", struct {
		label string
		N     int
	}{"anon", 2})
	fmt.Println(s)
}
