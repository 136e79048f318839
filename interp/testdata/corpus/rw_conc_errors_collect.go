package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"
)

type ParseError struct {
	Index int
	Input string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("item %d: cannot parse %q", e.Index, e.Input)
}

func parseAll(inputs []string) ([]int, error) {
	vals := make([]int, len(inputs))
	errCh := make(chan error, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := strconv.Atoi(in)
			if err != nil {
				errCh <- &ParseError{i, in}
				return
			}
			vals[i] = n
		}()
	}
	wg.Wait()
	close(errCh)
	var errs []error
	for e := range errCh {
		errs = append(errs, e)
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return vals, errors.Join(errs...)
}

func main() {
	vals, err := parseAll([]string{"1", "2", "3"})
	fmt.Println(vals, err == nil)
	vals, err = parseAll([]string{"4", "x", "6", "y"})
	fmt.Println(vals)
	fmt.Println(err)
	var pe *ParseError
	if errors.As(err, &pe) {
		fmt.Println("first parse error at", pe.Index)
	}
}
