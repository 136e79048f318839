package main

import "fmt"

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

func (b ByteSize) String() string {
	switch {
	case b >= TB:
		return fmt.Sprintf("%.2fTB", b/TB)
	case b >= GB:
		return fmt.Sprintf("%.2fGB", b/GB)
	case b >= MB:
		return fmt.Sprintf("%.2fMB", b/MB)
	case b >= KB:
		return fmt.Sprintf("%.2fKB", b/KB)
	}
	return fmt.Sprintf("%.2fB", b)
}

type Month int

const (
	January Month = 1 + iota
	February
	March
)

const (
	x0 = iota * iota
	x1
	x2
	x3
)

const (
	first = "a"
	second
	third = iota
	fourth
)

func main() {
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(ByteSize(1500), ByteSize(3*MB+512*KB), ByteSize(12))
	fmt.Printf("%v %.0f %T\n", GB, float64(GB), KB)
	fmt.Println(January, February, March, March-January)
	fmt.Println(x0, x1, x2, x3)
	fmt.Println(first, second, third, fourth)
	sizes := []ByteSize{KB * 2, MB / 4, 1e13}
	fmt.Println(sizes)
	var total ByteSize
	for _, s := range sizes {
		total += s
	}
	fmt.Println("total", total)
}
