package main

import "fmt"

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func filterOdd(in <-chan int, out chan<- int) {
	for n := range in {
		if n%2 == 1 {
			out <- n
		}
	}
	close(out)
}

func sum(in <-chan int) int {
	total := 0
	for n := range in {
		total += n
	}
	return total
}

func main() {
	odd := make(chan int, 2)
	go filterOdd(square(generate(1, 2, 3, 4, 5)), odd)
	var got []int
	for v := range odd {
		got = append(got, v)
	}
	fmt.Println(got)
	fmt.Println(sum(square(square(generate(1, 2, 3)))))
	v, ok := <-odd
	fmt.Println(v, ok)
}
