package main

import (
	"fmt"
	"math"
)

func main() {
	var i8 int8 = 127
	i8++
	fmt.Println(i8)
	var u8 uint8 = 0
	u8--
	fmt.Println(u8)
	var u uint = 3
	fmt.Println(u-4 == math.MaxUint)
	big := math.MaxInt64
	big++
	fmt.Println(big == math.MinInt64)
	var i32 int32 = math.MaxInt32
	fmt.Println(i32+1, i32*2)
	x := 1
	fmt.Println(x<<10, x<<63, -16>>2, uint8(200)>>3)
	var sh uint = 70
	fmt.Println(x<<sh, uint64(1)<<sh)
	fmt.Println(6&3, 6|3, 6^3, 6&^3, ^0, ^uint8(5))
	fmt.Printf("%b %o %x %X %#b\n", 10, 10, 255, 255, 5)
	var h uint32 = 2166136261
	for _, c := range []byte("go") {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h)
	n := -7
	fmt.Println(n/2, n%2, n>>1, uint32(n))
	m8, neg := int8(-128), int8(-1)
	fmt.Println(int16(40000-65536), m8/neg, -m8)
}
