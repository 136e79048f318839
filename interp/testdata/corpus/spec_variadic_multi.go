package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func join(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}

func divmod(a, b int) (int, int) { return a / b, a % b }

func minMax(xs ...float64) (min, max float64) {
	if len(xs) == 0 {
		return
	}
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return
}

func pair() (string, error) { return "ok", nil }

func printAll(args ...interface{}) {
	fmt.Println(len(args), args)
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	xs := []int{4, 5, 6}
	fmt.Println(sum(xs...))
	fmt.Println(join("-", "a", "b", "c"), join("+"))
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(9, 4))
	fmt.Println(minMax(3, 1, 4, 1, 5, 9, 2, 6))
	fmt.Println(minMax())
	v, err := pair()
	fmt.Println(v, err)
	printAll(1, "two", 3.0)
	printAll()
	printAll(nil)
	vals := []interface{}{"x", 2}
	printAll(vals...)
	f := func(prefix string, ns ...int) string { return fmt.Sprint(prefix, ns) }
	fmt.Println(f("p"), f("q", 1, 2))
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}
