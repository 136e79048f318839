package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Value) }

func NewPair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T)      { s.items = append(s.items, v) }
func (s Stack[T]) String() string { return fmt.Sprintf("Stack%v", s.items) }

type Box[T any] struct{ v T }

func (b *Box[T]) String() string { return fmt.Sprint("box:", b.v) }

type Inventory struct {
	Name  string
	Items Stack[string]
	Tag   Pair[string, int]
	B     *Box[int]
}

func show(inv Inventory) { fmt.Println(inv) }
func main() {
	inv := Inventory{Name: "kit", Tag: NewPair("n", 2), B: &Box[int]{7}}
	inv.Items.Push("pen")
	fmt.Println(inv)
	fmt.Printf("%+v\n", inv)
	show(inv)
	fmt.Println(NewPair("a", 1), []Pair[string, int]{NewPair("x", 1), NewPair("y", 2)})
}
