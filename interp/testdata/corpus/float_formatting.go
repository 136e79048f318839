package main

import (
	"fmt"
	"math"
	"strconv"
)

func main() {
	fmt.Println(0.1+0.2, 0.1+0.2 == 0.3)
	a, b := 0.1, 0.2
	fmt.Println(a+b, a+b == 0.3)
	fmt.Println(1e21, 1e20, 123456789.0, 0.000001, 0.0000001)
	var f32 float32 = 16777216
	fmt.Println(f32+1, float32(0.1), float64(float32(0.1)))
	x := 2.0 / 3
	fmt.Printf("%v|%f|%.3f|%8.2f|%-8.1f|%e|%E|%g|%G\n", x, x, x, x, x, x, x, x, x)
	fmt.Printf("%6.2f|%+.1f|%06.1f\n", math.Pi, math.Pi, -2.5)
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), -0.0, math.Copysign(0, -1))
	nan := math.NaN()
	fmt.Println(nan == nan, math.IsNaN(nan))
	fmt.Println(math.Round(2.5), math.Round(-2.5), math.Floor(-1.5), math.Trunc(-1.5), math.Ceil(1.1))
	fmt.Println(strconv.FormatFloat(1.5, 'f', 3, 64), strconv.FormatFloat(1234.5, 'e', -1, 64))
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Mod(7, 3), math.Abs(-3.2))
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero)
	fmt.Printf("%v %v\n", float32(1)/3, 1.0/3)
	fmt.Printf("%.0f %.0f %.1f\n", 0.5, 1.5, 0.25)
	fmt.Println(int(math.Floor(7.9)), float64(7)/2)
	fmt.Printf("%T %T\n", 1.5, float32(1.5))
}
