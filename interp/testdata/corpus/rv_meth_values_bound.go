package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func (c Counter) Show() string { return fmt.Sprintf("%s=%d", c.name, c.n) }
func (c *Counter) Add(k int)   { c.n += k }

type Op func(int) int

func (o Op) Twice(x int) int { return o(o(x)) }

func main() {
	c := Counter{name: "hits"}
	show := c.Show
	add := c.Add
	add(5)
	add(2)
	fmt.Println(show(), c.Show())
	shows := []func() string{}
	for i := 0; i < 3; i++ {
		c.n = i * 10
		shows = append(shows, c.Show)
	}
	for _, f := range shows {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	pc := &c
	pshow := pc.Show
	pc.n = 99
	fmt.Println(pshow(), pc.Show())
	inc := Op(func(x int) int { return x + 1 })
	fmt.Println(inc.Twice(5), Op(func(x int) int { return x * 3 }).Twice(2))
	twice := inc.Twice
	fmt.Println(twice(0))
	m := map[string]func(int){"add": c.Add}
	m["add"](1)
	fmt.Println(c.n)
	var iface interface{ Show() string } = c
	f := iface.Show
	c.n = -1
	fmt.Println(f())
}
