package main

import "fmt"

type Version struct {
	Major, Minor, Patch int
}

func (v Version) Less(o Version) bool {
	if v.Major != o.Major {
		return v.Major < o.Major
	}
	if v.Minor != o.Minor {
		return v.Minor < o.Minor
	}
	return v.Patch < o.Patch
}

type Config struct {
	Name    string
	Version Version
	Limits  struct {
		CPU int
		Mem int
	}
}

func main() {
	a, b := Version{1, 2, 3}, Version{1, 2, 3}
	fmt.Println(a == b, a.Less(Version{1, 10, 0}), a != Version{})
	c := Config{Name: "svc", Version: a}
	c.Limits.CPU = 2
	d := c
	d.Limits.Mem = 512
	fmt.Println(c == d, c.Limits, d.Limits)
	fmt.Printf("%v\n%+v\n", c, d)
	point := struct{ X, Y int }{3, 4}
	fmt.Println(point, point.X*point.Y)
	fmt.Printf("%T\n", point)
	rows := []struct {
		in   string
		want int
	}{{"a", 1}, {"bb", 2}}
	for _, r := range rows {
		fmt.Println(r.in, len(r.in) == r.want)
	}
	var zero Config
	fmt.Printf("%+v %v\n", zero, zero.Version == Version{})
	pv := &Version{Major: 2}
	pv.Minor = 5
	fmt.Println(*pv, pv.Less(a))
}
