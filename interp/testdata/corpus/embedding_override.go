package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.Legs) }
func (a Animal) Sound() string    { return "..." }
func (a Animal) Speak() string    { return a.Name + " says " + a.Sound() }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Sound() string { return "woof" }

type Logger struct{ prefix string }

func (l *Logger) Log(msg string) string { return l.prefix + msg }

type Service struct {
	*Logger
	Name string
}

type Speaker interface{ Sound() string }

func main() {
	d := Dog{Animal{"rex", 4}, "lab"}
	fmt.Println(d.Name, d.Legs, d.Describe())
	fmt.Println(d.Sound(), d.Animal.Sound())
	fmt.Println(d.Speak()) // Animal.Speak calls Animal.Sound: no virtual dispatch
	fmt.Printf("%v\n%+v\n", d, d)
	s := Service{&Logger{"[svc] "}, "api"}
	fmt.Println(s.Log("started"))
	var sp Speaker = d
	fmt.Println(sp.Sound())
	sp = d.Animal
	fmt.Println(sp.Sound())
	d.Name = "max"
	fmt.Println(d.Animal.Name)
}
