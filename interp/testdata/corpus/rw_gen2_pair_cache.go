package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v:%v", p.Key, p.Val) }

type Cache[K comparable, V any] struct {
	data  map[K]V
	order []Pair[K, V]
	limit int
}

func NewCache[K comparable, V any](limit int) *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V), limit: limit}
}

func (c *Cache[K, V]) Put(k K, v V) {
	if _, ok := c.data[k]; !ok && len(c.order) == c.limit {
		oldest := c.order[0]
		c.order = c.order[1:]
		delete(c.data, oldest.Key)
	}
	c.data[k] = v
	c.order = append(c.order, Pair[K, V]{k, v})
}

func (c *Cache[K, V]) Get(k K) (V, bool) {
	v, ok := c.data[k]
	return v, ok
}

type UserID int

func main() {
	c := NewCache[UserID, string](2)
	c.Put(1, "ann")
	c.Put(2, "bob")
	c.Put(3, "cid")
	_, ok := c.Get(1)
	fmt.Println("1 present:", ok)
	v, ok := c.Get(3)
	fmt.Println(v, ok)
	fmt.Println(c.order)
	fmt.Println(len(c.data))
	p := Pair[string, float64]{"pi", 3.14}
	fmt.Println(p)
}
