package main

import "fmt"

type Vertex struct{ X, Y float64 }

func (v Vertex) Abs() float64 { return v.X*v.X + v.Y*v.Y }

func (v *Vertex) Scale(f float64) {
	v.X *= f
	v.Y *= f
}

type Path struct {
	Points []Vertex
	Name   string
}

func (p *Path) Add(v Vertex) *Path {
	p.Points = append(p.Points, v)
	return p
}

func (p Path) Len() int { return len(p.Points) }

func main() {
	v := Vertex{3, 4}
	v.Scale(2)
	fmt.Println(v, v.Abs())
	p := &v
	p.Scale(0.5)
	fmt.Println(*p, p.Abs())
	vs := []Vertex{{1, 1}, {2, 2}}
	for i := range vs {
		vs[i].Scale(10)
	}
	for _, x := range vs {
		x.Scale(100)
	}
	fmt.Println(vs)
	var path Path
	path.Add(Vertex{0, 1}).Add(Vertex{1, 0})
	fmt.Println(path.Len(), path)
	fmt.Printf("%+v\n", path)
	m := map[string]*Vertex{"a": {1, 2}}
	m["a"].Scale(3)
	fmt.Println(*m["a"])
	arr := [2]Vertex{{1, 0}, {0, 1}}
	arr[1].Scale(5)
	fmt.Println(arr, len(arr))
}
