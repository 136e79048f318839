package main

import "fmt"

// List represents a singly-linked list that holds
// values of any type.
type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.size++
}

func (l *List[T]) Values() []T {
	var out []T
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.val)
	}
	return out
}

func (l *List[T]) Len() int { return l.size }

type Song struct {
	Title string
	Secs  int
}

func main() {
	var nums List[int]
	for i := 1; i <= 4; i++ {
		nums.Push(i * i)
	}
	fmt.Println(nums.Values(), nums.Len())
	songs := &List[Song]{}
	songs.Push(Song{"intro", 61})
	songs.Push(Song{"outro", 95})
	for _, s := range songs.Values() {
		fmt.Printf("%s %d:%02d\n", s.Title, s.Secs/60, s.Secs%60)
	}
	fmt.Println(songs.Len())
}
