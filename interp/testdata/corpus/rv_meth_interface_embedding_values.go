package main

import (
	"fmt"
	"sort"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func (b *Buffer) Write(s string) { b.data = append(b.data, s) }

func (b Buffer) String() string { return "Buffer[" + strings.Join(b.data, ",") + "]" }

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func main() {
	var rw ReadWriter = &Buffer{}
	rw.Write("a")
	rw.Write("bb")
	var r Reader = rw
	fmt.Println(r.Read(), rw)
	w, ok := r.(Writer)
	fmt.Println(ok)
	w.Write("ccc")
	fmt.Println(rw)
	b := Buffer{data: []string{"x"}}
	fmt.Println(b, &b)
	words := byLen{"kiwi", "fig", "banana", "apple"}
	sort.Sort(words)
	fmt.Println(words)
	sort.Sort(sort.Reverse(words))
	fmt.Println(words, sort.IsSorted(words))
	var s fmt.Stringer = b
	fmt.Println(s.String())
}
