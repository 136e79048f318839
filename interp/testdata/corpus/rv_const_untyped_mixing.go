package main

import "fmt"

const a = 5 / 2 * 2.0
const b = 5.0 / 2 * 2
const c = 'x' - 'a'
const d = 1 << 10 >> 3
const e = 7.0
const f = "s" + "t"

type Score int

const bonus Score = 5

func main() {
	fmt.Println(a, b, c, d, e, f)
	var i int = e
	var x float64 = 1 / 3
	var y float64 = 1 / 3.0
	fmt.Println(i, x, y)
	fmt.Printf("%T %T %T %T\n", a, c, d, e)
	s := bonus * 2
	var t Score = 3
	fmt.Println(s, t+bonus, s/t, float64(s)/float64(t))
	fmt.Printf("%T %v\n", s, s)
	const big = 1e18
	n := int64(big)
	fmt.Println(n, big/1e9, int(big)%7)
	const h = 0x1p4
	fmt.Println(h, 0b1010, 0o17, 1_000_000, 0x_FF)
	var r rune = 'A' + 2
	var by byte = 'a'
	fmt.Println(r, string(r), by, string(by))
	u := uint(3)
	fmt.Println(u-1, 1<<u, 10>>u)
	z := 2.5
	fmt.Println(z*2, int(z*2), z/2)
	const mix = 3 + 2i
	fmt.Println(mix, real(mix), imag(mix*1i))
}
