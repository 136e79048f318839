package main

import (
	"fmt"
	"math"
	"strings"
)

type Point struct{ X, Y int }

type Abser interface{ Abs() float64 }

type Vec []float64

func (v Vec) Abs() float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

type Inventory map[string]int

func (inv Inventory) Abs() float64 { return float64(len(inv)) }

func twoSum(nums []int, target int) (int, int) {
	seen := map[int]int{}
	for i, n := range nums {
		if j, ok := seen[target-n]; ok {
			return j, i
		}
		seen[n] = i
	}
	return -1, -1
}

var origin, label = Point{0, 0}, "origin"

func farthest(ps []Point) Point {
	best := ps[0]
	for _, p := range ps[1:] {
		if p.X*p.X+p.Y*p.Y > best.X*best.X+best.Y*best.Y {
			best = p
		}
	}
	return best
}

func main() {
	nums, target := []int{2, 7, 11, 15}, 9
	fmt.Println(twoSum(nums, target))
	p, name := Point{1, 2}, "p"
	fmt.Println(p, name)
	var words, sep = []string{"a", "b", "c"}, "-"
	fmt.Println(strings.Join(words, sep))
	count, m := 3, map[string]int{"x": 1}
	fmt.Println(count, m)
	var q Point
	var tag string
	q, tag = Point{5, 6}, "q"
	fmt.Println(q, tag, origin, label)
	i, arr, j := 1, [...]int{4, 5}, 2
	fmt.Println(i, arr, j)

	var a Abser = Vec{3, 4}
	fmt.Println(a.Abs())
	a = Inventory{"apples": 3, "pears": 1}
	fmt.Println(a.Abs())
	shapes := []Abser{Vec{6, 8}, Inventory{"k": 1}}
	for _, s := range shapes {
		fmt.Printf("%.1f ", s.Abs())
	}
	fmt.Println()

	chans := make([]chan int, 3)
	for i := range chans {
		chans[i] = make(chan int, 1)
		chans[i] <- i * 10
	}
	total := 0
	for i, c := range chans {
		total += <-c + i
	}
	fmt.Println("total", total)
	results := make(chan int, 2)
	results <- 42
	results <- 43
	first, tries := <-results, 3
	fmt.Println(first, tries)
	var best Point
	var attempts int
	best, attempts = farthest([]Point{{1, 1}, {3, 4}}), 2
	fmt.Println(best, attempts)
	attempts, first = 5, <-results
	fmt.Println(attempts, first)
	byName := map[string]chan string{"a": make(chan string, 1)}
	for k, c := range byName {
		c <- k + "!"
		fmt.Println(<-c)
	}
}
