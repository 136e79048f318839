package main

import (
	"fmt"
	"strings"
)

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Peek() T     { return s.items[len(s.items)-1] }
func (s *Stack[T]) Empty() bool { return len(s.items) == 0 }

type Token struct {
	Kind string
	Text string
}

// Balanced reports whether brackets match, with a stack of runes.
func Balanced(s string) bool {
	var st Stack[rune]
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			st.Push(r)
		case ')', ']', '}':
			top, ok := st.Pop()
			if !ok || top != pairs[r] {
				return false
			}
		}
	}
	return st.Empty()
}

func main() {
	fmt.Println(Balanced("{[()]}"), Balanced("(]"), Balanced("(("))
	toks := &Stack[Token]{}
	for _, w := range strings.Fields("let x = 1") {
		toks.Push(Token{"word", w})
	}
	fmt.Printf("%+v\n", toks.Peek())
	var out []string
	for !toks.Empty() {
		t, _ := toks.Pop()
		out = append(out, t.Text)
	}
	fmt.Println(strings.Join(out, " "))
	_, ok := toks.Pop()
	fmt.Println(ok)
}
