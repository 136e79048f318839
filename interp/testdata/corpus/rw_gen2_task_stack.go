package main

import (
	"errors"
	"fmt"
)

type Task struct {
	ID    int
	Title string
}

func (t Task) String() string { return fmt.Sprintf("task%d(%s)", t.ID, t.Title) }

type Stack[T any] struct{ items []T }

func NewStack[T any]() *Stack[T] { return &Stack[T]{} }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

var ErrEmpty = errors.New("empty stack")

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func (s *Stack[T]) Peek() (T, bool) {
	if len(s.items) == 0 {
		var zero T
		return zero, false
	}
	return s.items[len(s.items)-1], true
}

func report() {
	s := NewStack[Task]()
	s.Push(Task{1, "write"})
	s.Push(Task{2, "review"})
	top, ok := s.Peek()
	fmt.Println(top, ok)
	for {
		t, err := s.Pop()
		if err != nil {
			fmt.Println("done:", err)
			break
		}
		fmt.Println("popped", t)
	}
}

func Filter[T any](xs []T, pred func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if pred(x) {
			out = append(out, x)
		}
	}
	return out
}

func main() {
	report()
	tasks := []Task{{1, "a"}, {2, "bb"}, {3, "ccc"}}
	long := Filter(tasks, func(t Task) bool { return len(t.Title) > 1 })
	fmt.Println(long)
	fmt.Printf("%v %d\n", long[0], len(long))
	ints := NewStack[int]()
	ints.Push(5)
	v, err := ints.Pop()
	fmt.Println(v, err)
	_, err = ints.Pop()
	fmt.Println(errors.Is(err, ErrEmpty))
	push := ints.Push
	push(9)
	fmt.Println(ints.items)
}
