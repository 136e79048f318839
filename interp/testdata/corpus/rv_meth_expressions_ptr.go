package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

func (p Point) Dist() int         { return abs(p.X) + abs(p.Y) }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func main() {
	dist := Point.Dist
	scale := (*Point).Scale
	add := Point.Add
	pdist := (*Point).Dist
	p := Point{3, -4}
	fmt.Println(dist(p), pdist(&p))
	scale(&p, 2)
	fmt.Println(p, add(p, Point{1, 1}))
	fmt.Printf("%T\n", dist)
	fmt.Printf("%T\n", scale)
	pts := []Point{{5, 5}, {1, 0}, {-2, 2}}
	sort.Slice(pts, func(i, j int) bool { return dist(pts[i]) < dist(pts[j]) })
	fmt.Println(pts)
	apply := func(f func(*Point, int), ps []Point, k int) {
		for i := range ps {
			f(&ps[i], k)
		}
	}
	apply(scale, pts, -1)
	fmt.Println(pts)
	total := Point{}
	for _, q := range pts {
		total = add(total, q)
	}
	fmt.Println(total, dist(total))
}
