package main

import (
	"fmt"
	"math"
	"time"
)

type Lap struct {
	Runner string
	Time   time.Duration
}

type Timeout time.Duration

func (t Timeout) String() string { return "timeout " + time.Duration(t).String() }

func main() {
	laps := []Lap{{"ann", 83*time.Second + 250*time.Millisecond}, {"bob", 79 * time.Second}}
	var total time.Duration
	for _, l := range laps {
		total += l.Time
		fmt.Printf("%s %v %s %.2f\n", l.Runner, l.Time, l.Time, l.Time.Seconds())
	}
	fmt.Println(total, total/time.Duration(len(laps)), laps)
	fmt.Println(90*time.Minute, time.Duration(1500)*time.Microsecond, time.Duration(0), -2*time.Hour)
	d, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, err, d.Round(time.Minute), d.Truncate(time.Hour), d.Minutes())
	fmt.Printf("%d %v %T\n", time.Second, Timeout(5*time.Second), Timeout(0))
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Floor(-2.5), math.Ceil(2.1), math.Round(2.5))
	fmt.Println(math.Inf(1), -math.Inf(1), math.NaN(), math.MaxInt64, math.Pi)
	fmt.Printf("%.4f %8.3f %e %g\n", math.E, math.Log(10), math.Exp(10), math.Hypot(3, 4))
	fmt.Println(math.Abs(-3.2), math.Mod(7, 3), math.Trunc(-1.7), math.IsNaN(math.NaN()), math.MaxUint8)
	fmt.Println(math.Max(3, math.NaN()), math.Min(-0.0, 0), math.Signbit(math.Copysign(0, -1)))
	t0 := time.Date(2024, 2, 28, 22, 0, 0, 0, time.UTC)
	t1 := t0.Add(26 * time.Hour)
	fmt.Println(t1.Format("2006-01-02 15:04"), t1.Sub(t0), t1.Weekday(), t1.YearDay())
}
