package main

import (
	"fmt"
	"math"
	"time"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue"}[d]
}

const (
	c0 = iota * iota
	c1
	c2
	c3 = "x"
	c4
	c5 = iota + 0.5
)

const huge = 1e1000 / 1e998
const mask = ^uint8(0)
const typedF float32 = 1.0 / 3

func main() {
	fmt.Println(Sunday, Tuesday, Monday+1)
	fmt.Printf("%v %d %T\n", Tuesday, Tuesday, Tuesday)
	fmt.Println(c0, c1, c2, c3, c4, c5)
	fmt.Println(huge, mask, typedF)
	fmt.Println(math.MaxInt8, math.MinInt16, math.MaxUint32)
	fmt.Println(time.Duration(90)*time.Second, 3*time.Millisecond)
	const timeout = 2 * time.Second
	fmt.Printf("%v %T\n", timeout, timeout)
	var f float64 = 1 << 62
	fmt.Println(f, 'a'*2, "s"+"t")
	const r = 'A' + 2
	fmt.Printf("%c %v %T\n", r, r, r)
	x := 5
	const shift = 3
	fmt.Println(x<<shift, x>>1, 1<<shift-1)
	fmt.Println(7/2, -7/2, 7%-3, 7.0/2)
}
