package main

import "fmt"

type Animal struct {
	Name string
}

func (a Animal) Describe() string { return "I am " + a.Name }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Speak() string { return d.Name + " says woof" }

type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

type Service struct {
	Logger
	calls int
}

func (s *Service) Handle() {
	s.calls++
	s.Log(fmt.Sprintf("call %d", s.calls))
}

func main() {
	d := Dog{Animal{"Rex"}, "lab"}
	fmt.Println(d.Describe(), "|", d.Speak(), "|", d.Animal.Name)
	d.Rename("Max")
	fmt.Println(d.Speak())
	s := &Service{Logger: Logger{"[svc] "}}
	s.Handle()
	s.Handle()
	fmt.Printf("%+v\n", d)
}
