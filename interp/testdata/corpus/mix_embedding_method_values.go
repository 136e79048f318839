package main

import (
	"fmt"
	"strings"
)

type Logger interface{ Log(string) }
type Named interface{ Name() string }
type NamedLogger interface {
	Logger
	Named
}

type Base struct{ id int }

func (b Base) Name() string  { return fmt.Sprintf("base-%d", b.id) }
func (b *Base) Log(m string) { fmt.Println(b.Name(), "says", m) }

type Service struct {
	*Base
	tags []string
}

func (s Service) Name() string { return "svc:" + s.Base.Name() }

func describe(n Named) string { return strings.ToUpper(n.Name()) }

func main() {
	s := Service{&Base{7}, []string{"x"}}
	var nl NamedLogger = s
	nl.Log("hi")
	fmt.Println(nl.Name(), describe(s), describe(s.Base))
	f := s.Name
	g := (*Base).Log
	s.Base = &Base{8}
	fmt.Println(f())
	g(s.Base, "direct")
	h := Base.Name
	fmt.Println(h(Base{9}))
	fmt.Printf("%v %+v\n", *s.Base, s.tags)
}
