package main

import "fmt"

type ByteSize float64

const (
	_           = iota // ignore first value by assigning to blank identifier
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a = iota * 10
	b
	_
	d
	e, f = iota, iota + 100
	g, h
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	bit0, mask0 = 1 << iota, 1<<iota - 1
	bit1, mask1
	_, _
	bit3, mask3
)

const (
	x0 = "s"
	x1
	x2 = iota
)

func main() {
	fmt.Println(KB, MB, GB, TB)
	fmt.Printf("%T %.0f\n", GB, GB)
	fmt.Println(a, b, d, e, f, g, h)
	fmt.Printf("%v %T %d\n", Tuesday, Tuesday, Monday+Tuesday)
	fmt.Println(bit0, mask0, bit1, mask1, bit3, mask3)
	fmt.Println(x0, x1, x2)
}
