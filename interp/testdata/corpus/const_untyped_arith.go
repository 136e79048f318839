package main

import (
	"fmt"
	"math"
)

const (
	Big   = 1 << 100
	Small = Big >> 98
	Third = 1.0 / 3
	Ratio = 22 / 7
	FRat  = 22 / 7.0
)

const typedF float32 = 0.1

func main() {
	fmt.Println(Small, Ratio, FRat)
	fmt.Printf("%.20f\n", Third)
	fmt.Printf("%v %T\n", Small, Small)
	fmt.Printf("%v %T\n", FRat, FRat)
	var f32 float32 = Third
	var f64 float64 = Third
	fmt.Println(f32, f64)
	fmt.Println(typedF, float64(typedF))
	fmt.Println(Big/(1<<90), math.MaxInt64, uint64(math.MaxUint64))
	const c = 'a' + 1
	fmt.Printf("%v %c %T\n", c, c, c)
	const s = "go" + "pher"
	fmt.Println(s, len(s))
	x := 10
	fmt.Println(x/3, x%3, -x/3, -x%3, float64(x)/3)
	fmt.Println(7/2*2, 7/2.0*2)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge)
}
