package main

import "fmt"

var counter = 0

func next() int {
	counter++
	return counter
}

type Point struct{ X, Y int }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

func main() {
	a, b := next(), next()
	fmt.Println(a, b, counter)
	x := 10
	if x := 5; x > 3 {
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	p := Point{1, 2}
	q := p
	q.Scale(3)
	fmt.Println(p, q, p.Add(q))
	pts := []Point{{1, 1}, {2, 2}}
	for i := range pts {
		pts[i].Scale(2)
	}
	for _, pt := range pts {
		pt.Scale(100)
	}
	fmt.Println(pts)
	m := map[string]*Point{"o": {0, 0}}
	m["o"].Scale(5)
	m["o"].X = 7
	fmt.Println(*m["o"])
	arr := [3]int{1, 2, 3}
	brr := arr
	brr[0] = 99
	s := arr[:]
	s[1] = 42
	fmt.Println(arr, brr, len(s), cap(s[1:]))
	funcs := []func() int{}
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var ip *int
	fmt.Println(ip == nil, fmt.Sprintf("%v", ip))
	defer fmt.Println("deferred", x)
	x = 20
}
