package main

import (
	"cmp"
	"fmt"
)

type Tree[T cmp.Ordered] struct {
	root *treeNode[T]
	n    int
}

type treeNode[T cmp.Ordered] struct {
	val         T
	left, right *treeNode[T]
}

func (t *Tree[T]) Add(v T) {
	t.n++
	if t.root == nil {
		t.root = &treeNode[T]{val: v}
		return
	}
	cur := t.root
	for {
		if v < cur.val {
			if cur.left == nil {
				cur.left = &treeNode[T]{val: v}
				return
			}
			cur = cur.left
		} else {
			if cur.right == nil {
				cur.right = &treeNode[T]{val: v}
				return
			}
			cur = cur.right
		}
	}
}

func (n *treeNode[T]) walk(visit func(T)) {
	if n == nil {
		return
	}
	n.left.walk(visit)
	visit(n.val)
	n.right.walk(visit)
}

func (t *Tree[T]) Sorted() []T {
	var out []T
	t.root.walk(func(v T) { out = append(out, v) })
	return out
}

type Score int

func main() {
	var t Tree[int]
	for _, v := range []int{5, 3, 8, 1, 4, 9} {
		t.Add(v)
	}
	fmt.Println(t.Sorted(), t.n)
	words := &Tree[string]{}
	for _, w := range []string{"pear", "apple", "fig"} {
		words.Add(w)
	}
	fmt.Println(words.Sorted())
	scores := Tree[Score]{}
	scores.Add(70)
	scores.Add(95)
	scores.Add(82)
	fmt.Println(scores.Sorted())
}
