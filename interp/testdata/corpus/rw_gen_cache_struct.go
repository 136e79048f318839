package main

import (
	"fmt"
	"sync"
)

type Cache[K comparable, V any] struct {
	mu     sync.Mutex
	data   map[K]V
	hits   int
	misses int
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{data: make(map[K]V)}
}

func (c *Cache[K, V]) GetOr(k K, compute func(K) V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.data[k]; ok {
		c.hits++
		return v
	}
	c.misses++
	v := compute(k)
	c.data[k] = v
	return v
}

func (c *Cache[K, V]) Stats() string {
	return fmt.Sprintf("hits=%d misses=%d size=%d", c.hits, c.misses, len(c.data))
}

type UserID string

type Profile struct {
	ID    UserID
	Email string
}

func lookup(id UserID) Profile { return Profile{id, string(id) + "@example.com"} }

func main() {
	c := NewCache[UserID, Profile]()
	for _, id := range []UserID{"ann", "bob", "ann", "ann", "cid"} {
		p := c.GetOr(id, lookup)
		fmt.Println(p.ID, p.Email)
	}
	fmt.Println(c.Stats())
	sq := NewCache[int, int]()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sq.GetOr(i%5, func(n int) int { return n * n })
		}()
	}
	wg.Wait()
	fmt.Println(sq.Stats(), sq.GetOr(4, nil))
}
