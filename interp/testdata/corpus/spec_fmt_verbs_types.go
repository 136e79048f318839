package main

import (
	"fmt"
	"time"
)

type Color int

const (
	Red Color = iota
	Green
)

type Pair struct {
	Key   string
	Value *int
	Tags  []string
	Inner struct{ N int }
}

type Celsius float64

func main() {
	fmt.Printf("%v %d %T\n", Green, Green, Green)
	fmt.Printf("%#v %#v\n", Green, Celsius(21.5))
	v := 3
	pr := Pair{Key: "k", Tags: []string{"t"}}
	pr.Inner.N = 4
	fmt.Printf("%v\n%+v\n", pr, pr)
	pr.Value = &v
	fmt.Println(*pr.Value, pr.Value != nil)
	fmt.Printf("%T %T %T\n", pr, &pr, pr.Tags)
	fmt.Printf("%#v\n", []Color{Red, Green})
	fmt.Printf("%v %s\n", 2*time.Second, time.Duration(1500)*time.Millisecond)
	fmt.Printf("%T\n", time.Second)
	fmt.Printf("%x %X %o\n", Color(255), Celsius(1), 8)
	fmt.Printf("%5.1f|%-7.2f|\n", Celsius(36.6), Celsius(-4))
	fmt.Printf("%q %v\n", []string{"a b", "c"}, [][]int{{1}, {2, 3}})
	fmt.Printf("%v %+v\n", struct{}{}, []struct{ A int }{{1}, {2}})
	type local struct{ Z bool }
	fmt.Printf("%v %+v %T\n", local{true}, local{}, local{})
	var e error
	fmt.Printf("%v %T\n", e, e)
	fmt.Printf("%c%c%c %U\n", 72, 105, 0x1F600, 0x1F600)
	fmt.Printf("%08b %3c| %-4q|\n", 5, 'x', 'y')
}
