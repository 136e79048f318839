package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Segment struct {
	From, To Point
	Label    string
}

func origin() Point { return Point{} }

func pair() (Point, Point) { return Point{1, 1}, Point{2, 2} }

func main() {
	p := Point{3, 4}
	fmt.Println(p, &p)
	fmt.Println([]Point{{5, 6}})
	fmt.Println([2]Point{{1, 2}, {3, 4}})
	fmt.Println(map[string]Point{"home": {7, 8}})
	fmt.Println(Segment{Point{0, 0}, Point{1, 1}, "diag"})
	fmt.Printf("%v %+v\n", Segment{To: Point{9, 9}}, Segment{To: Point{9, 9}})
	var s fmt.Stringer = p
	fmt.Println(s, s.String())
	var anything any = Point{2, 3}
	fmt.Println(anything)
	fmt.Println(origin())
	fmt.Println(pair())
	fmt.Printf("%v|%s|%d\n", p, p, p)
	fmt.Println([]*Point{&p})
	fmt.Println(fmt.Sprint(Point{-1, -2}), fmt.Sprintf("%10v|", p))
	pts := []Point{{1, 0}, {0, 1}}
	fmt.Println(pts[0], pts[1:])
	fmt.Println(map[Point]string{{1, 2}: "a"})
	fmt.Println([][]Point{{{1, 1}}, {{2, 2}, {3, 3}}})
}
