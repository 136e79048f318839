package main

import (
	"fmt"
	"strings"
)

type Temp float64

func (t Temp) Celsius() string  { return fmt.Sprintf("%.1fC", float64(t)) }
func (t *Temp) Warm(by float64) { *t += Temp(by) }

type Greeter struct{ Name string }

func (g Greeter) Greet(who string) string { return g.Name + " greets " + who }

func main() {
	t := Temp(20)
	show := t.Celsius // method value binds a copy of t now
	t.Warm(5)
	fmt.Println(show(), t.Celsius())
	warm := t.Warm // bound to &t
	warm(1.5)
	fmt.Println(t)
	f := Temp.Celsius
	fmt.Println(f(Temp(-3)))
	g := (*Temp).Warm
	g(&t, 10)
	fmt.Println(t.Celsius())
	greet := Greeter.Greet
	fmt.Println(greet(Greeter{"ann"}, "bob"))
	gs := []Greeter{{"x"}, {"y"}}
	var fs []func(string) string
	for _, gr := range gs {
		fs = append(fs, gr.Greet)
	}
	for _, fn := range fs {
		fmt.Println(fn("z"))
	}
	up := strings.ToUpper
	fmt.Println(up("done"))
	fmt.Printf("%T\n", f)
}
