package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ Op string }

func (e *Timeout) Error() string { return e.Op + ": timeout" }

func (e *Timeout) Is(target error) bool { return target == ErrTransient }

var ErrTransient = errors.New("transient")

func fetch(key string) error {
	switch key {
	case "missing":
		return fmt.Errorf("fetch %s: %w", key, NotFound{key})
	case "slow":
		return fmt.Errorf("fetch: %w", &Timeout{"read"})
	}
	return nil
}

func main() {
	for _, k := range []string{"missing", "slow", "ok"} {
		err := fetch(k)
		var nf NotFound
		var to *Timeout
		fmt.Printf("%s: err=%v as-notfound=%v as-timeout=%v transient=%v\n",
			k, err, errors.As(err, &nf), errors.As(err, &to), errors.Is(err, ErrTransient))
		if nf.Key != "" {
			fmt.Println("  key:", nf.Key)
		}
		if to != nil {
			fmt.Println("  op:", to.Op)
		}
	}
	joined := errors.Join(fetch("missing"), nil, fetch("slow"))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrTransient), errors.Is(joined, NotFound{"missing"}))
	_, err := os.Open("/definitely/not/here")
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, errors.Is(err, fs.ErrNotExist))
	fmt.Println(errors.Unwrap(fetch("missing")) == NotFound{"missing"})
}
