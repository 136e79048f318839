package main

import (
	"fmt"
	"sort"
	"strings"
)

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}
func (s Stack) Len() int { return len(s) }

type Counter map[string]int

func (c Counter) Add(w string) { c[w]++ }
func (c Counter) Top(n int) []string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if c[keys[i]] != c[keys[j]] {
			return c[keys[i]] > c[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string { return b.name }

type Dog struct {
	Base
	breed string
}

func (d Dog) Sound() string { return "woof" }

type Cat struct{ *Base }

func (c Cat) Sound() string { return "meow" }

type Temp float64

func (t Temp) F() Temp        { return t*9/5 + 32 }
func (t *Temp) Inc()          { *t++ }
func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

func main() {
	var s Stack
	for i := 1; i <= 4; i++ {
		s.Push(i * i)
	}
	fmt.Println(s.Pop(), s.Pop(), s.Len(), s)
	push := s.Push
	push(100)
	fmt.Println(s)

	c := Counter{}
	for _, w := range strings.Fields("the cat the dog the end cat") {
		c.Add(w)
	}
	fmt.Println(c.Top(2), len(c))

	animals := []Animal{Dog{Base{"rex"}, "lab"}, Cat{&Base{"tom"}}}
	for _, a := range animals {
		fmt.Printf("%s says %s\n", a.Name(), a.Sound())
	}
	d := Dog{Base{"fido"}, "pug"}
	fmt.Println(d.name, d.Base.Name(), d)

	t := Temp(20)
	t.Inc()
	fmt.Println(t, t.F())
	f := Temp.F
	g := (*Temp).Inc
	g(&t)
	fmt.Println(f(t), t)
	temps := []Temp{30, 10, 20}
	sort.Slice(temps, func(i, j int) bool { return temps[i] < temps[j] })
	fmt.Println(temps)
	m := map[string]Temp{"a": 1.5}
	fmt.Println(m, m["a"])
	var st fmt.Stringer = t
	fmt.Println(st.String(), st)
}
