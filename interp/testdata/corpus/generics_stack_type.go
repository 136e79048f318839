package main

import "fmt"

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Len() int { return len(s.items) }

type Task struct {
	ID    int
	Title string
}

func main() {
	var nums Stack[int]
	nums.Push(1)
	nums.Push(2)
	v, ok := nums.Pop()
	fmt.Println(v, ok, nums.Len())
	tasks := &Stack[Task]{}
	tasks.Push(Task{1, "write"})
	tasks.Push(Task{2, "test"})
	t, _ := tasks.Pop()
	fmt.Printf("%+v %d\n", t, tasks.Len())
	tasks.Pop()
	_, ok = tasks.Pop()
	fmt.Println(ok)
	words := Stack[string]{}
	for _, w := range []string{"a", "b", "c"} {
		words.Push(w)
	}
	for words.Len() > 0 {
		w, _ := words.Pop()
		fmt.Print(w)
	}
	fmt.Println()
}
