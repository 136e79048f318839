package main

import (
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Tag string

func (t Tag) Upper() Tag { return Tag(strings.ToUpper(string(t))) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func MaxOf[T ~float64 | ~int](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

var temps = []Celsius{21.5, 19, 25.25}

func main() {
	hot := MaxOf(temps...)
	fmt.Println("hottest:", hot)
	fmt.Printf("%v %T\n", hot, hot)
	labels := Map(temps, func(c Celsius) string { return c.String() })
	fmt.Println(strings.Join(labels, ", "))
	tags := Map([]string{"go", "jupyter"}, func(s string) Tag { return Tag(s) })
	fmt.Println(Map(tags, Tag.Upper))
	fahrenheit := Map(temps, func(c Celsius) float64 { return float64(c)*9/5 + 32 })
	fmt.Println(fahrenheit)
	fmt.Println(MaxOf(3, 9, 4))
}
