package main

import (
	"errors"
	"fmt"
	"sync"
)

type JobError struct {
	ID  int
	Err error
}

func (e *JobError) Error() string { return fmt.Sprintf("job %d: %v", e.ID, e.Err) }
func (e *JobError) Unwrap() error { return e.Err }

var ErrOdd = errors.New("odd input")

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func work(id int) error {
	if id%2 == 1 {
		return &JobError{id, ErrOdd}
	}
	return nil
}

func showAll(items []any) {
	for _, it := range items {
		switch v := it.(type) {
		case fmt.Stringer:
			fmt.Println("stringer:", v.String(), v)
		case error:
			fmt.Println("error:", v.Error(), v)
		default:
			fmt.Println("plain:", v)
		}
	}
}

func main() {
	results := make(chan error, 4)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results <- work(id)
		}(i)
	}
	wg.Wait()
	close(results)
	failed := 0
	for err := range results {
		if err != nil {
			failed++
			if !errors.Is(err, ErrOdd) {
				fmt.Println("unexpected", err)
			}
		}
	}
	fmt.Println("failed:", failed)

	var items []any
	items = append(items, Temp(21.5), Code(404), 3, "x")
	showAll(items)
	var e error = Code(500)
	fmt.Println(e, e == Code(500))
	var c Code
	fmt.Println(errors.As(fmt.Errorf("w: %w", e), &c), int(c))
	m := map[string]any{"t": Temp(-1), "c": Code(1)}
	fmt.Println(m["t"], m["c"])
	if s, ok := m["t"].(fmt.Stringer); ok {
		fmt.Println("temp is", s)
	}
}
