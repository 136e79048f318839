package main

import (
	"fmt"
	"strings"
)

type step struct{ name string }

func (s step) done(note string) { fmt.Println("done", s.name, note) }

func run(names []string) (log string) {
	var b strings.Builder
	for i, n := range names {
		defer fmt.Println("cleanup", i, n)
		defer step{n}.done(strings.ToUpper(n))
		fmt.Fprintf(&b, "%s;", n)
	}
	return b.String()
}

func main() {
	fmt.Println(run([]string{"a", "b", "c"}))
	total := 1
	defer fmt.Println("total at defer:", total)
	total = 100
	fmt.Println("total now:", total)
}
