package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Average[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Count int

func main() {
	fmt.Println(Sum([]int{1, 2, 3}))
	fmt.Println(Sum([]float64{1.5, 2.25}))
	temps := []Celsius{20.5, 22, 19.5}
	fmt.Println(Sum(temps))
	fmt.Printf("%.2f\n", Average(temps))
	counts := []Count{3, 4, 5}
	total := Sum(counts)
	fmt.Printf("%v %T\n", total, total)
	fmt.Println(Average([]int64{10, 20, 25}))
}
