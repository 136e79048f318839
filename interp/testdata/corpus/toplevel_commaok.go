package main

import (
	"fmt"
	"strings"
)

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

func main() {
	ages := map[string]int{"ann": 31, "bob": 27}
	age, ok := ages["ann"]
	fmt.Println(age, ok)
	if _, ok := ages["cy"]; !ok {
		fmt.Println("no cy")
	}
	seen := map[string]bool{}
	for _, w := range strings.Fields("a b a c b") {
		if seen[w] {
			continue
		}
		if _, dup := seen[w]; !dup {
			seen[w] = true
		}
	}
	fmt.Println(len(seen))
	var v any = Sq{2}
	s, isSq := v.(Sq)
	fmt.Println(isSq, s.Area())
	if n, ok := v.(int); ok {
		fmt.Println("int", n)
	} else {
		fmt.Println("not an int")
	}
	ch := make(chan string, 2)
	ch <- "x"
	close(ch)
	for {
		msg, open := <-ch
		if !open {
			break
		}
		fmt.Println("got", msg)
	}
	switch n := len(ages); {
	case n > 1:
		fmt.Println("many")
	}
}
