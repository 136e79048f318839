package main

import "fmt"

type Greeter struct{ greeting string }

func (g Greeter) Greet(name string) string { return g.greeting + ", " + name }

func main() {
	// A method value with a value receiver binds a copy of the receiver.
	hello := Greeter{"Hello"}
	f := hello.Greet
	hello.greeting = "Bye"
	fmt.Println(f("ann"), hello.Greet("bob"))
}
