package main

import (
	"fmt"
	"time"
)

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
)

func (d Duration) String() string {
	switch {
	case d >= Second:
		return fmt.Sprintf("%.1fs", float64(d)/float64(Second))
	case d >= Millisecond:
		return fmt.Sprintf("%dms", d/Millisecond)
	}
	return fmt.Sprintf("%dns", int64(d))
}

type Percent float64

func (p Percent) String() string { return fmt.Sprintf("%.0f%%", float64(p)) }

const Half Percent = 50

func main() {
	fmt.Println(Second, 2*Second+500*Millisecond, 3*Millisecond, Duration(42))
	var d Duration = 1500 * Millisecond
	fmt.Println(d, d > Second, d/Millisecond)
	fmt.Printf("%v %d %T\n", Microsecond, Microsecond, Microsecond)
	fmt.Println(Half, Half*2, Half/4)
	timeouts := map[string]Duration{"fast": 10 * Millisecond, "slow": 2 * Second}
	fmt.Println(timeouts)
	fmt.Println(time.Duration(Second), time.Duration(d).Seconds())
	const total = Second + Millisecond
	var x any = total
	fmt.Println(x)
}
