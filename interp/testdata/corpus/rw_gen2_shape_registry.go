package main

import "fmt"

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }
func (r Rect) Name() string  { return "rect" }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (c Circle) Name() string  { return "circle" }

func Largest[S Shape](shapes []S) S {
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

func TotalArea[S Shape](shapes ...S) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

type Registry[K comparable, V Shape] struct {
	items map[K]V
	order []K
}

func NewRegistry[K comparable, V Shape]() *Registry[K, V] {
	return &Registry[K, V]{items: map[K]V{}}
}

func (r *Registry[K, V]) Add(k K, v V) {
	if _, ok := r.items[k]; !ok {
		r.order = append(r.order, k)
	}
	r.items[k] = v
}

func (r *Registry[K, V]) Each(f func(K, V)) {
	for _, k := range r.order {
		f(k, r.items[k])
	}
}

func main() {
	rects := []Rect{{1, 2}, {3, 4}, {2, 2}}
	fmt.Println(Largest(rects))
	fmt.Println(TotalArea(Circle{1}, Circle{2}))
	shapes := []Shape{Rect{1, 1}, Circle{1}}
	fmt.Println(Largest(shapes).Name())
	reg := NewRegistry[string, Shape]()
	reg.Add("a", Rect{2, 3})
	reg.Add("b", Circle{1})
	reg.Add("a", Rect{1, 1})
	reg.Each(func(k string, s Shape) { fmt.Printf("%s: %s %.1f\n", k, s.Name(), s.Area()) })
}
