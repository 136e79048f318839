package main

import (
	"fmt"
	"strings"
)

type Color int

func (c Color) String() string {
	return [...]string{"red", "green", "blue"}[c]
}

type Animal struct{ Name string }

func (a Animal) String() string { return "animal:" + a.Name }

// Join works on anything with a String method.
func Join[T fmt.Stringer](xs []T, sep string) string {
	parts := make([]string, 0, len(xs))
	for _, x := range xs {
		parts = append(parts, x.String())
	}
	return strings.Join(parts, sep)
}

type Named interface {
	Name() string
}

type User struct{ First, Last string }

func (u User) Name() string { return u.First + " " + u.Last }

func Names[T Named](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.Name())
	}
	return out
}

type IntStringer interface {
	~int
	String() string
}

func Describe[T IntStringer](v T) string {
	return fmt.Sprintf("%d=%s", int(v), v.String())
}

func main() {
	fmt.Println(Join([]Color{0, 2, 1}, ","))
	fmt.Println(Join([]Animal{{"cat"}, {"dog"}}, " & "))
	fmt.Println(Names([]User{{"Ada", "Lovelace"}, {"Alan", "Turing"}}))
	fmt.Println(Describe(Color(1)))
	s := Join([]Color{2}, "")
	fmt.Println(s, len(s))
}
