package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue", "Wed"}[d]
}

type Size uint

const (
	_ Size = 1 << (10 * iota)
	KB
	MB
	GB
)

const Pi = 3.14159
const greeting = "hi"

func main() {
	fmt.Println(Sunday, Tuesday, Wednesday+0)
	fmt.Println(KB, MB, GB)
	fmt.Println(Pi*2, greeting+"!")
	for d := Sunday; d <= Wednesday; d++ {
		fmt.Print(d, " ")
	}
	fmt.Println()
	var big = 1 << 40
	var b uint8 = 255
	b++
	fmt.Println(big, b)
}
