package main

import (
	"cmp"
	"fmt"
	"strings"
)

type Tree[T cmp.Ordered] struct {
	root *node[T]
	size int
}

type node[T cmp.Ordered] struct {
	val         T
	left, right *node[T]
}

func (t *Tree[T]) Insert(v T) {
	t.root = t.insert(t.root, v)
}

func (t *Tree[T]) insert(n *node[T], v T) *node[T] {
	if n == nil {
		t.size++
		return &node[T]{val: v}
	}
	switch cmp.Compare(v, n.val) {
	case -1:
		n.left = t.insert(n.left, v)
	case 1:
		n.right = t.insert(n.right, v)
	}
	return n
}

func (t *Tree[T]) Walk(f func(T)) { walk(t.root, f) }

func walk[T cmp.Ordered](n *node[T], f func(T)) {
	if n == nil {
		return
	}
	walk(n.left, f)
	f(n.val)
	walk(n.right, f)
}

func main() {
	var t Tree[int]
	for _, v := range []int{5, 3, 8, 1, 4, 8, 9} {
		t.Insert(v)
	}
	t.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println("size", t.size)
	words := &Tree[string]{}
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		words.Insert(w)
	}
	var sb strings.Builder
	words.Walk(func(w string) { sb.WriteString(w + ",") })
	fmt.Println(sb.String(), words.size)
}
