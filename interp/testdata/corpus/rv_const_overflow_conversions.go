package main

import (
	"fmt"
	"math"
)

type Small int8

const MaxSmall Small = math.MaxInt8

func main() {
	var s Small = MaxSmall
	s++
	fmt.Println(s, MaxSmall, -MaxSmall-1)
	var u8 uint8 = 255
	u8 += 10
	fmt.Println(u8)
	var i32 int32 = math.MaxInt32
	i32++
	fmt.Println(i32)
	x := 1 << 10
	fmt.Println(x, x>>3, x&0xff, ^x)
	f := 1e100
	fmt.Println(int64(f) == math.MinInt64 || int64(f) == math.MaxInt64 || true)
	fmt.Println(float32(0.1), float64(float32(0.1)) == 0.1)
	fmt.Println(uint32(1<<32-1), int16(-32768))
	var r rune = 'é'
	fmt.Println(r, string(r), byte(r), fmt.Sprintf("%q", r))
	fmt.Println(7/2, -7/2, 7%-3, -7%3, 7.0/2)
	const c = 'a' * 2
	fmt.Printf("%v %T %c\n", c, c, c/2)
}
