package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type Animal interface{ Sound() string }

type Cow struct{}

func (Cow) Sound() string { return "moo" }

type Cat struct{ Name string }

func (c *Cat) Sound() string { return c.Name + ": meow" }

type ReadErr struct{ N int }

func (r *ReadErr) Error() string { return fmt.Sprintf("read failed after %d bytes", r.N) }

func readAll(r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", &ReadErr{len(b)}
	}
	return string(b), nil
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func main() {
	animals := map[string]Animal{"cow": Cow{}, "cat": &Cat{"tom"}}
	for _, k := range []string{"cat", "cow", "dog"} {
		a, ok := animals[k]
		if !ok {
			fmt.Println(k, "missing")
			continue
		}
		if c, ok := a.(*Cat); ok {
			fmt.Println("cat named", c.Name)
		}
		fmt.Println(a.Sound())
	}
	s, err := readAll(strings.NewReader("hello"))
	fmt.Println(s, err)
	var re *ReadErr
	err = fmt.Errorf("wrap: %w", &ReadErr{3})
	fmt.Println(errors.As(err, &re), re.N)
	var things []interface{}
	things = append(things, 1, "two", Cow{}, &Cat{"kit"}, nil, 3.5, errors.New("e"))
	for i, t := range things {
		switch v := t.(type) {
		case int, float64:
			fmt.Println(i, "number", v)
		case string:
			fmt.Println(i, "string", len(v))
		case Animal:
			fmt.Println(i, "animal", v.Sound())
		case error:
			fmt.Println(i, "error", v)
		case nil:
			fmt.Println(i, "nil")
		}
	}
	var st Stack[int]
	st.Push(1)
	fmt.Println(len(st.items))
	e1 := errors.New("x")
	e2 := e1
	fmt.Println(e1 == e2, e1 == errors.New("x"))
}
