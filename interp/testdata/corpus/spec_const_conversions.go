package main

import (
	"fmt"
	"strconv"
)

type MyInt int
type Name string

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f), uint8(int(f)+254))
	i := 65
	fmt.Println(string(rune(i)), strconv.Itoa(i), fmt.Sprint(i))
	var mi MyInt = 7
	n := int(mi) + 1
	fmt.Printf("%T %v %T %v\n", mi, mi, n, n)
	s := "héllo"
	bs := []byte(s)
	rs := []rune(s)
	fmt.Println(len(s), len(bs), len(rs))
	fmt.Println(string(bs[1:3]), string(rs[1]))
	var nm Name = "gopher"
	fmt.Println(string(nm), len(nm), nm+"!")
	fmt.Printf("%T\n", nm+"!")
	var x int32 = -1
	fmt.Println(uint32(x), uint16(x), int64(x))
	var big int64 = 1<<40 + 5
	fmt.Println(int32(big), int8(big))
	fl := float32(0.1)
	fmt.Println(fl, float64(fl) == 0.1)
	fmt.Println(strconv.Quote(s), strconv.FormatInt(255, 2))
	v, err := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(v, err)
}
