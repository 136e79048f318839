package main

import (
	"fmt"
	"strconv"
)

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "C" }

func parse(s string) (Temp, error) {
	f, err := strconv.ParseFloat(s, 64)
	return Temp(f), err
}

var readings = []string{"21.5", "x", "-3"}

func main() {
	var last Temp
	for _, r := range readings {
		if t, err := parse(r); err != nil {
			fmt.Println("skip", r)
		} else if t < 0 {
			fmt.Println("freezing", t)
			last = t
		} else {
			fmt.Println("ok", t)
			last = t
		}
	}
	fmt.Println("last", last)
	t, err := parse("7")
	fmt.Println(t, err)
	if t, err := parse("8"); err == nil {
		fmt.Println("inner", t)
	}
	fmt.Println("outer", t)
	switch t := t * 2; {
	case t > 10:
		fmt.Println("hot", t)
	default:
		fmt.Println("mild", t)
	}
}
