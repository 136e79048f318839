package main

import "fmt"

type Point struct{ X, Y int }

type Line struct {
	A, B Point
	Tag  string
}

type Holder struct {
	Arr [3]int
	Sl  []int
}

func modify(h Holder) {
	h.Arr[0] = 100
	h.Sl[0] = 100
}

func main() {
	p1, p2 := Point{1, 2}, Point{1, 2}
	fmt.Println(p1 == p2, p1 != Point{2, 1})
	l1 := Line{p1, Point{3, 4}, "x"}
	l2 := l1
	l2.B.X = 9
	fmt.Println(l1 == l2, l1.B, l2.B)
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 42
	fmt.Println(a, b, a == [3]int{1, 2, 3})
	h := Holder{Arr: [3]int{1, 2, 3}, Sl: []int{1, 2, 3}}
	modify(h)
	fmt.Println(h.Arr, h.Sl)
	pts := map[Point]string{{0, 0}: "origin", {1, 2}: "p"}
	fmt.Println(pts[p1], pts[Point{}])
	s := []Point{{1, 1}, {2, 2}}
	for _, p := range s {
		p.X = 99
	}
	fmt.Println(s)
	for i := range s {
		s[i].X = 99
	}
	fmt.Println(s)
	m := map[string]Point{"a": {1, 1}}
	pt := m["a"]
	pt.Y = 7
	m["a"] = pt
	fmt.Println(m)
	anon1 := struct{ A int }{1}
	anon2 := struct{ A int }{1}
	fmt.Println(anon1 == anon2)
	arrOfArr := [2][2]int{{1, 2}, {3, 4}}
	cp := arrOfArr
	cp[1][1] = 0
	fmt.Println(arrOfArr, cp)
	var ifa, ifb any = Point{1, 2}, Point{1, 2}
	fmt.Println(ifa == ifb)
}
