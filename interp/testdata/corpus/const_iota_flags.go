package main

import (
	"fmt"
	"strings"
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	if p == 0 {
		return "none"
	}
	var parts []string
	for _, f := range []struct {
		bit  Perm
		name string
	}{{Read, "r"}, {Write, "w"}, {Exec, "x"}} {
		if p&f.bit != 0 {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(parts, "|")
}

type Level int

const (
	Debug Level = iota * 10
	Info
	_
	Error
)

const (
	a, b = iota, iota * 100
	c, d
)

func main() {
	fmt.Println(Read, Write, Exec)
	rw := Read | Write
	fmt.Printf("%v %d %08b %s\n", rw, rw, rw, rw)
	all := Read | Write | Exec
	fmt.Println(all, all&^Write, Perm(0))
	fmt.Println(Debug, Info, Error)
	fmt.Println(a, b, c, d)
	perms := map[string]Perm{"owner": all, "guest": Read}
	fmt.Println(perms["owner"], perms["guest"])
	fmt.Printf("%v\n", []Perm{Read, Exec | Read})
}
