package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Money struct {
	Cents int64
}

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m.Cents/100, m.Cents%100) }

func boiling() Celsius        { return 100 }
func price(c int64) Money     { return Money{c} }
func (m Money) Double() Money { return Money{m.Cents * 2} }

func main() {
	fmt.Println(boiling())
	fmt.Println("water boils at", boiling())
	fmt.Printf("%v and %s\n", boiling(), price(1999))
	s := fmt.Sprint(price(250))
	fmt.Println(s)
	fmt.Println(price(125).Double())
	t := Celsius(-40)
	fmt.Println(t, &t == nil)
}
