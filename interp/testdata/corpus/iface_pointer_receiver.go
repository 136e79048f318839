package main

import "fmt"

type Counter interface {
	Inc()
	Value() int
}

type Clicks struct{ n int }

func (c *Clicks) Inc()       { c.n++ }
func (c *Clicks) Value() int { return c.n }

type Fixed struct{ v int }

func (f Fixed) Inc()       { f.v++ }
func (f Fixed) Value() int { return f.v }

func bump(c Counter, times int) {
	for range times {
		c.Inc()
	}
}

func main() {
	c := &Clicks{}
	bump(c, 3)
	fmt.Println(c.Value(), c.n)
	f := Fixed{10}
	bump(f, 3)
	fmt.Println(f.Value())
	bump(&f, 3)
	fmt.Println(f.Value())
	counters := []Counter{&Clicks{}, Fixed{1}, &Fixed{2}}
	for _, k := range counters {
		k.Inc()
		fmt.Printf("%T %d\n", k, k.Value())
	}
	m := map[string]Counter{"a": &Clicks{n: 5}}
	m["a"].Inc()
	fmt.Println(m["a"].Value())
	var cc Clicks
	cc.Inc() // addressable value: Go takes &cc
	fmt.Println(cc.Value())
}
