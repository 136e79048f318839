package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrEmpty = errors.New("empty input")

func parsePort(s string) (int, error) {
	if s == "" {
		return 0, ErrEmpty
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("port %q: %w", s, err)
	}
	return n, nil
}

func main() {
	port := 8080
	err := errors.New("notebook error")
	for _, in := range []string{"", "abc", "70000", "443"} {
		if port, err := parsePort(in); errors.Is(err, ErrEmpty) {
			fmt.Println("empty ->", port)
		} else if err != nil {
			fmt.Println("bad ->", err)
		} else if port > 65535 {
			fmt.Println("too big ->", port)
		} else {
			fmt.Println("ok ->", port)
		}
	}
	fmt.Println("outer:", port, err)
	if p, err := parsePort("22"); err == nil {
		port = p
	}
	fmt.Println("port now", port)
	if x := port / 2; x > 10 {
		port := x
		fmt.Println("half", port)
	}
	fmt.Println("end", port)
}
