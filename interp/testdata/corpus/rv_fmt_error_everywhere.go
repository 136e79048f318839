package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ Secs int }

func (e *Timeout) Error() string { return fmt.Sprintf("timeout after %ds", e.Secs) }

type Result struct {
	Name string
	Err  error
}

func find(k string) (string, error) {
	if k == "x" {
		return "", NotFound{k}
	}
	if k == "slow" {
		return "", &Timeout{3}
	}
	return "value-" + k, nil
}

func main() {
	errs := []error{NotFound{"a"}, &Timeout{5}, nil}
	fmt.Println(errs)
	fmt.Println(map[string]error{"db": NotFound{"row"}})
	fmt.Println(Result{"r1", NotFound{"z"}})
	fmt.Printf("%+v\n", Result{"r2", &Timeout{1}})
	for _, k := range []string{"k", "x", "slow"} {
		v, err := find(k)
		fmt.Println(v, err)
	}
	fmt.Println(find("x"))
	wrapped := fmt.Errorf("loading: %w", NotFound{"cfg"})
	fmt.Println(wrapped)
	var nf NotFound
	fmt.Println(errors.As(wrapped, &nf), nf.Key, nf)
	var to *Timeout
	_, err := find("slow")
	fmt.Println(errors.As(err, &to), to.Secs, to)
	fmt.Printf("%v|%s|%q\n", NotFound{"q"}, NotFound{"q"}, NotFound{"q"})
	ch := make(chan error, 2)
	ch <- NotFound{"chan"}
	ch <- &Timeout{9}
	fmt.Println(<-ch, <-ch)
}
