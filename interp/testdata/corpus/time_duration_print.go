package main

import (
	"fmt"
	"time"
)

type Lap struct {
	Name string
	Took time.Duration
}

func main() {
	d := 90 * time.Minute
	fmt.Println(d, d.Hours(), d.Minutes())
	fmt.Printf("%v %s %d %T\n", d, d, d, d)
	fmt.Println(1500*time.Millisecond, 2*time.Second+300*time.Millisecond, time.Duration(1))
	fmt.Println([]time.Duration{time.Second, time.Microsecond * 3})
	fmt.Println(Lap{"warmup", 75 * time.Second})
	fmt.Printf("%+v\n", Lap{"sprint", 9580 * time.Millisecond})
	laps := map[string]time.Duration{"a": time.Hour}
	fmt.Println(laps)
	long := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(long.Round(time.Minute), long.Truncate(time.Hour), long.Seconds())
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err, p > time.Hour)
	start := time.Date(2024, time.March, 10, 14, 30, 0, 0, time.UTC)
	end := start.Add(36 * time.Hour)
	fmt.Println(end.Format("2006-01-02 15:04 Mon"), end.Sub(start), end.Weekday())
	fmt.Println(start.Format(time.RFC3339), start.YearDay(), start.Month())
	var zero time.Duration
	fmt.Println(zero, -d)
}
