package main

import "fmt"

type Vertex struct {
	X int
	Y int
}

var (
	v1 = Vertex{1, 2}
	v2 = Vertex{X: 1}
	v3 = Vertex{}
	p  = &Vertex{1, 2}
)

func main() {
	i, j := 42, 2701
	p := &i
	fmt.Println(*p)
	*p = 21
	fmt.Println(i)
	p = &j
	*p = *p / 37
	fmt.Println(j)

	v := Vertex{1, 2}
	v.X = 4
	fmt.Println(v.X, v)
	q := &v
	q.X = 1e9
	fmt.Println(v)
	(*q).Y = 7
	fmt.Println(v, *q)
	fmt.Println(v1, v2, v3)
	fmt.Printf("%v %+v\n", *p2(), v2)
	fmt.Println(p2().X, p2().Y)
	fmt.Printf("%+v %#v\n", v1, v1)
	fmt.Printf("%v\n", &v1)
}

func p2() *Vertex { return p }
