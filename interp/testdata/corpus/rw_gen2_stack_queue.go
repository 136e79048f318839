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

type Queue[T any] struct {
	items []T
}

func (q *Queue[T]) Enqueue(v T) { q.items = append(q.items, v) }

func (q *Queue[T]) Dequeue() (T, bool) {
	var zero T
	if len(q.items) == 0 {
		return zero, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

type Task struct {
	ID   int
	Name string
}

func (t Task) String() string { return fmt.Sprintf("#%d %s", t.ID, t.Name) }

func main() {
	var s Stack[int]
	for i := 1; i <= 3; i++ {
		s.Push(i * 10)
	}
	fmt.Println("len", s.Len())
	for s.Len() > 0 {
		v, _ := s.Pop()
		fmt.Print(v, " ")
	}
	fmt.Println()
	_, ok := s.Pop()
	fmt.Println("empty pop ok:", ok)

	q := &Queue[Task]{}
	q.Enqueue(Task{1, "write"})
	q.Enqueue(Task{2, "test"})
	t, ok := q.Dequeue()
	fmt.Println(t, ok)
	fmt.Printf("%v %d\n", q.items, len(q.items))
	t, _ = q.Dequeue()
	fmt.Println(t.Name)
	_, ok = q.Dequeue()
	fmt.Println(ok)
}
