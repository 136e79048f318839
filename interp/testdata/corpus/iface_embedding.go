package main

import (
	"fmt"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) int }

type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Write(s string) int {
	b.data = append(b.data, s)
	return len(s)
}

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

type Upper struct{ ReadWriter }

func (u Upper) Read() string { return strings.ToUpper(u.ReadWriter.Read()) }

func copyAll(dst Writer, src Reader) int {
	n := 0
	for s := src.Read(); s != ""; s = src.Read() {
		n += dst.Write(s)
	}
	return n
}

func main() {
	var rw ReadWriter = &Buffer{}
	rw.Write("hello")
	rw.Write("world")
	var r Reader = rw
	fmt.Println(r.Read())
	out := &Buffer{}
	fmt.Println(copyAll(out, rw), out.data)
	u := Upper{&Buffer{}}
	u.Write("quiet")
	fmt.Println(u.Read())
	_, isW := r.(Writer)
	fmt.Println(isW)
	fmt.Printf("%T\n", r)
}
