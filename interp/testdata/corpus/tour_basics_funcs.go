package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func add(x, y int) int {
	return x + y
}

func swap(x, y string) (string, string) {
	return y, x
}

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

var c, python, java bool

var i, j int = 1, 2

var (
	ToBe   bool       = false
	MaxInt uint64     = 1<<64 - 1
	z      complex128 = cmplx.Sqrt(-5 + 12i)
)

func main() {
	fmt.Println(add(42, 13))
	a, b := swap("hello", "world")
	fmt.Println(a, b)
	fmt.Println(split(17))
	var k int
	fmt.Println(k, c, python, java)
	var cc, py, jv = true, false, "no!"
	fmt.Println(i, j, cc, py, jv)
	fmt.Printf("Type: %T Value: %v\n", ToBe, ToBe)
	fmt.Printf("Type: %T Value: %v\n", MaxInt, MaxInt)
	fmt.Printf("Type: %T Value: %v\n", z, z)
	var f float64
	var s string
	fmt.Printf("%v %v %q\n", k, f, s)
	x, y := 3, 4
	ff := math.Sqrt(float64(x*x + y*y))
	var zz uint = uint(ff)
	fmt.Println(x, y, zz)
	v := 42.5
	fmt.Printf("v is of type %T\n", v)
	w := 0.867 + 0.5i
	fmt.Printf("w is of type %T\n", w)
	fmt.Printf("Now you have %g problems.\n", math.Sqrt(7))
	fmt.Println(math.Pi)
}
