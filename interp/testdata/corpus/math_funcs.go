package main

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Ceil(2.1), math.Round(2.5))
	fmt.Println(math.MaxInt64, math.Inf(1), -math.Inf(1), math.IsNaN(math.NaN()))
	fmt.Printf("%.4f %.4f\n", math.Sin(math.Pi/6), math.Log(math.E))
	fmt.Println(math.Mod(7, 3), math.Abs(-3.2), math.Pow(2, 10), math.Trunc(9.99))
	fmt.Println(bits.OnesCount(255), bits.LeadingZeros8(1), bits.Len(1023))
	f := new(big.Int)
	f.MulRange(1, 30)
	fmt.Println(f)
	r := big.NewRat(1, 3)
	r.Add(r, big.NewRat(1, 6))
	fmt.Println(r, 7/2, -7/2, 7%3, -7%3, 7.0/2)
}
