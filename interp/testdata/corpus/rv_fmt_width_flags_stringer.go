package main

import "fmt"

type Status int

const (
	Active Status = iota + 1
	Suspended
)

func (s Status) String() string {
	if s == Active {
		return "active"
	}
	return "suspended"
}

type User struct {
	Name   string
	Status Status
	Score  float64
}

func main() {
	users := []User{{"alice", Active, 93.456}, {"bob", Suspended, 7.1}, {"christina", Active, 100}}
	fmt.Printf("|%-10s|%10s|%8s|\n", "name", "status", "score")
	for _, u := range users {
		fmt.Printf("|%-10s|%10v|%8.2f|\n", u.Name, u.Status, u.Score)
	}
	fmt.Printf("%q %x %X %.3s %5.2s|\n", Active, Active, Suspended, Suspended, Active)
	fmt.Printf("%v %d %+d %05d %-4d|\n", Active, Active, Suspended, Suspended, Active)
	fmt.Printf("%08.3f|%+8.2f|%-8.1f|%8.0f|\n", 3.14159, 2.5, -1.25, 99.5)
	fmt.Printf("%x|% x|%#x|%X\n", "hi", "hi", "hi", []byte("hi"))
	fmt.Printf("%6.2e|%g|%g|%g\n", 123456.789, 1e21, 1e-7, 100000.0)
	fmt.Printf("%t|%v|%p\n", true, nil, nil)
	fmt.Printf("%d|%s\n", "str", 5)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!|%z\n", 3)
	fmt.Printf("%v|%v\n", int8(-5), uint8(250))
	fmt.Printf("%c|%c|%U\n", 'é', 0x4E16, '⌘')
	fmt.Printf("%3c|%-3c|%q\n", 'a', 'b', '\n')
	fmt.Printf("%s\n", []Status{Active, Suspended})
	fmt.Printf("%10.4v|%-10v|\n", 3.14159265, Active)
}
