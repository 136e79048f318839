package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Number interface {
	int | int32 | float64
}

func SumAll[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Queue[T any] struct {
	items []T
}

func (q *Queue[T]) Enqueue(xs ...T) { q.items = append(q.items, xs...) }

func (q *Queue[T]) Dequeue() (T, error) {
	var zero T
	if len(q.items) == 0 {
		return zero, errors.New("queue is empty")
	}
	x := q.items[0]
	q.items = q.items[1:]
	return x, nil
}

func (q Queue[T]) String() string { return fmt.Sprintf("Queue%v", q.items) }

type Cache[K comparable, V any] struct {
	data map[K]V
	hits int
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V)}
}

func (c *Cache[K, V]) Get(k K, compute func(K) V) V {
	if v, ok := c.data[k]; ok {
		c.hits++
		return v
	}
	v := compute(k)
	c.data[k] = v
	return v
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	out := map[K][]T{}
	for _, x := range xs {
		k := key(x)
		out[k] = append(out[k], x)
	}
	return out
}

func main() {
	fmt.Println(SumAll(1, 2, 3), SumAll(1, 2.5), SumAll[int32]())
	var q Queue[string]
	q.Enqueue("a", "b")
	first, err := q.Dequeue()
	fmt.Println(first, err, q.String())
	_, err = q.Dequeue()
	_, err = q.Dequeue()
	fmt.Println(err)
	c := NewCache[string, int]()
	n := c.Get("hello", func(s string) int { return len(s) })
	n += c.Get("hello", func(s string) int { return -1 })
	fmt.Println(n, c.hits)
	groups := GroupBy(strings.Fields("apple avocado banana blueberry cherry"), func(s string) byte { return s[0] })
	keys := make([]int, 0)
	for k := range groups {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Printf("%c=%v ", k, groups[byte(k)])
	}
	fmt.Println()
}
