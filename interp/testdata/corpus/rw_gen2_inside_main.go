package main

import "fmt"

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func Repeat[T any](v T, n int) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = v
	}
	return out
}

type Suit string

func main() {
	fmt.Println(Index([]int{10, 20, 30}, 20))
	fmt.Println(Index([]string{"a", "b"}, "z"))
	suits := []Suit{"hearts", "spades", "clubs"}
	fmt.Println(Index(suits, "clubs"))
	find := Index[Suit]
	fmt.Println(find(suits, "spades"))
	fmt.Println(Repeat("ab", 3), len(Repeat(1.5, 4)))
	fmt.Println(Repeat[Suit]("diamonds", 2))
	pairs := Repeat(struct{ A, B int }{1, 2}, 2)
	fmt.Printf("%+v\n", pairs)
	counts := map[Suit]int{}
	for _, s := range append(suits, Repeat[Suit]("hearts", 2)...) {
		counts[s]++
	}
	fmt.Println(counts["hearts"], counts["clubs"], len(counts))
}
