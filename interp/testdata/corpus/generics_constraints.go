package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Score int

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

func MaxOf[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.25}))
	temps := []Celsius{20.5, 22, 19.5}
	fmt.Println(Sum(temps))
	fmt.Printf("%.2f\n", Average(temps))
	scores := []Score{90, 85, 77}
	fmt.Printf("%v %T\n", Sum(scores), Sum(scores))
	fmt.Println(MaxOf(3, 9), MaxOf("pear", "apple"), MaxOf(2.5, -1))
	fmt.Println(Sum[int64](nil))
}
