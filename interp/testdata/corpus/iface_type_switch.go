package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct{ X, Y int }

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

type Pusher interface{ Push(int) }

type BadInput struct{ Field string }

func (b BadInput) Error() string { return "bad input: " + b.Field }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x+1)
	case string, []byte:
		return fmt.Sprintf("text %v", x)
	case Point:
		return fmt.Sprintf("point %d,%d", x.X, x.Y)
	case *Point:
		return fmt.Sprintf("point ptr %d", x.X)
	case Pusher:
		x.Push(1)
		return "pusher"
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case func() int:
		return fmt.Sprint("func ", x())
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	st := &Stack{}
	vals := []any{nil, 41, "hi", []byte("b"), Point{1, 2}, &Point{3, 4}, st,
		BadInput{"age"}, errors.New("plain"), Celsius(21.5), func() int { return 9 }, 3.5, map[string]int{}}
	for _, v := range vals {
		fmt.Println(classify(v))
	}
	fmt.Println(len(st.items))
	var s fmt.Stringer = Celsius(-3)
	switch s.(type) {
	case Celsius:
		fmt.Println("celsius", s)
	}
	var e error = BadInput{"x"}
	switch t := e.(type) {
	case BadInput:
		fmt.Println("field", t.Field)
	}
}
