package main

import (
	"fmt"
	"strings"
)

type Shape interface{ Area() float64 }
type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

type Tree struct {
	Left *Tree
	Val  int
}

func catch(label string, f func()) {
	defer func() {
		r := recover()
		msg := fmt.Sprint(r)
		if i := strings.Index(msg, " [recovered]"); i >= 0 {
			msg = msg[:i]
		}
		fmt.Printf("%-8s %v\n", label+":", msg)
	}()
	f()
}

func main() {
	arr := [3]int{1, 2, 3}
	s := arr[:]
	i := 3
	catch("array", func() { _ = arr[i%4] })
	catch("slice", func() { _ = s[i] })
	catch("neg", func() { j := -1; _ = s[j+0] })
	catch("reslice", func() { _ = s[1 : i+2] })
	catch("inverted", func() { lo := 2; _ = s[lo:1] })
	var m map[string][]int
	catch("nilmap", func() { m["k"] = nil })
	var t *Tree
	catch("nilptr", func() { fmt.Println(t.Left) })
	var sh Shape = Square{2}
	catch("assert", func() { _ = sh.(interface{ Perimeter() float64 }) })
	var e any = 42
	catch("assert2", func() { _ = e.(string) })
	var none Shape
	catch("nilif", func() { none.Area() })
	catch("conv", func() { _ = []int(nil)[0] })
	catch("str", func() { str := "go"; _ = str[i] })
	catch("closed", func() { ch := make(chan int); close(ch); close(ch) })
	catch("custom", func() { panic(fmt.Errorf("wrapped: %w", fmt.Errorf("inner"))) })
}
