package main

import (
	"fmt"
	"math"
)

const (
	Huge    = 1 << 200
	Tiny    = 1.0 / Huge
	Ratio   = Huge / (1 << 190)
	Third   = 1.0 / 3
	Exact   = Third * 3
	MaxU64  = math.MaxUint64
	Mixed   = 'a' + 1
	Shifted = 1 << 63 >> 60
)

func main() {
	fmt.Println(Ratio, Exact == 1, Mixed, string(rune(Mixed)), Shifted)
	fmt.Println(Huge > math.MaxFloat32, Tiny > 0, Tiny*Huge)
	var u uint64 = MaxU64
	fmt.Println(u, u+1, uint64(MaxU64>>1))
	fmt.Printf("%.20f\n", Third)
	fmt.Println(math.Pi*2, float32(math.Pi))
	var f32 float32 = Third
	fmt.Println(f32, float64(f32) == Third)
	const c = 10 / 4
	const d = 10 / 4.0
	fmt.Println(c, d, 7%3, -7/2, -7%3)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt8+1)
	big := Huge / (1 << 199)
	fmt.Printf("%v %T\n", big, big)
	x := 1e3
	fmt.Printf("%v %T\n", x, x)
	const e = 1e2
	var n int = e
	fmt.Println(n, e*1.5)
	fmt.Println(len("abc")*(Huge/Huge), complex(1, 2)*2)
}
