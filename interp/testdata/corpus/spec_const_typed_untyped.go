package main

import (
	"fmt"
	"math"
)

const (
	Huge   = 1 << 100
	Ratio  = Huge / (1 << 98)
	Third  = 1.0 / 3
	IntDiv = 7 / 2
	FltDiv = 7 / 2.0
	R      = 'a' + 1
	S      = "go" + "pher"
	B      = 3 > 2
)

type Celsius float64

const Boiling Celsius = 100

func main() {
	fmt.Println(Ratio, IntDiv, FltDiv)
	fmt.Printf("%T %v\n", Third, Third)
	fmt.Printf("%T %v %c\n", R, R, R)
	fmt.Printf("%T %v %T %v\n", S, S, B, B)
	fmt.Printf("%T %v\n", Boiling, Boiling)
	var f32 float32 = Third
	fmt.Println(f32)
	c := Boiling * 2
	fmt.Printf("%T %v\n", c, c)
	fmt.Println(math.MaxInt64, uint64(math.MaxUint64))
	fmt.Println(Huge>>90, float64(Huge))
	const big = 1e300 * 1e300 / 1e300
	fmt.Println(big)
	var u8 uint8 = 255
	u8++
	fmt.Println(u8)
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	x := 10
	fmt.Println(x/3, x%3, -x/3, -x%3, float64(x)/3)
	const typed int64 = 1 << 40
	fmt.Printf("%T %d\n", typed, typed)
	fmt.Println(math.Pi*2/2 == math.Pi)
}
