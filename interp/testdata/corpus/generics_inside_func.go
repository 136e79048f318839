package main

import "fmt"

type Product struct {
	SKU   string
	Price float64
}

func Index[T comparable](xs []T, want T) int {
	for i, x := range xs {
		if x == want {
			return i
		}
	}
	return -1
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	out := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		out[k] = append(out[k], x)
	}
	return out
}

func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func report(items []Product) {
	byBand := GroupBy(items, func(p Product) string {
		if p.Price >= 10 {
			return "high"
		}
		return "low"
	})
	fmt.Println(len(byBand["high"]), len(byBand["low"]), len(Keys(byBand)))
	fmt.Println(Index(items, Product{"b", 12}))
	fmt.Println(Index([]string{"x", "y"}, "y"))
}

func main() {
	items := []Product{{"a", 5}, {"b", 12}, {"c", 30}}
	report(items)
	fmt.Println(Index(items, Product{"z", 0}))
}
