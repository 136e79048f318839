package main

import (
	"fmt"
	"strings"
)

type Namer interface{ Name() string }

type Sounder interface{ Sound() string }

type Animal interface {
	Namer
	Sounder
}

type Dog struct{ name string }

func (d Dog) Name() string  { return d.name }
func (d Dog) Sound() string { return "woof" }

type Cat struct{ name string }

func (c *Cat) Name() string   { return c.name }
func (c *Cat) Sound() string  { return "meow" }
func (c *Cat) String() string { return "Cat(" + c.name + ")" }

type Robot struct{ id int }

func (r Robot) Name() string { return fmt.Sprint("robot-", r.id) }

func introduce(things []any) {
	for _, t := range things {
		var parts []string
		if n, ok := t.(Namer); ok {
			parts = append(parts, "name="+n.Name())
		}
		if s, ok := t.(Sounder); ok {
			parts = append(parts, "sound="+s.Sound())
		}
		if a, ok := t.(Animal); ok {
			parts = append(parts, "animal:"+a.Name())
		}
		if st, ok := t.(fmt.Stringer); ok {
			parts = append(parts, "str="+st.String())
		}
		fmt.Println(strings.Join(parts, " "))
	}
}

func main() {
	animals := []Animal{Dog{"rex"}, &Cat{"tom"}}
	for _, a := range animals {
		fmt.Printf("%s says %s\n", a.Name(), a.Sound())
	}
	introduce([]any{Dog{"fido"}, &Cat{"kitty"}, Robot{7}, 42, "str"})
	var n Namer = animals[1]
	if a, ok := n.(Animal); ok {
		fmt.Println("namer is animal:", a.Sound())
	}
	_, isDog := n.(Dog)
	fmt.Println(isDog)
	fmt.Println(animals[1])
}
