package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Option[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Option[T] { return Option[T]{v, true} }

func None[T any]() Option[T] { return Option[T]{} }

func (o Option[T]) OrElse(def T) T {
	if o.ok {
		return o.val
	}
	return def
}

type User struct {
	Name string
}

func FindUser(id int) Option[User] {
	if id == 1 {
		return Some(User{"ann"})
	}
	return None[User]()
}

func Try[T any](v T, err error) Option[T] {
	if err != nil {
		return None[T]()
	}
	return Some(v)
}

var ErrEmpty = errors.New("empty")

func main() {
	fmt.Println(FindUser(1).OrElse(User{"guest"}).Name)
	fmt.Println(FindUser(2).OrElse(User{"guest"}).Name)
	n := Try(strconv.Atoi("42")).OrElse(-1)
	m := Try(strconv.Atoi("x")).OrElse(-1)
	fmt.Println(n, m)
	o := Some(3.5)
	fmt.Printf("%v %v\n", o.ok, o.OrElse(0))
	fmt.Println(None[string]().OrElse("default"), ErrEmpty)
}
