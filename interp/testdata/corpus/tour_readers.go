package main

import (
	"fmt"
	"io"
	"strings"
)

type MyReader struct{}

func (MyReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'A'
	}
	return len(b), nil
}

func main() {
	r := strings.NewReader("Hello, Reader!")
	b := make([]byte, 8)
	for {
		n, err := r.Read(b)
		fmt.Printf("n = %v err = %v b = %v\n", n, err, b)
		fmt.Printf("b[:n] = %q\n", b[:n])
		if err == io.EOF {
			break
		}
	}
	var mr MyReader
	buf := make([]byte, 5)
	n, err := mr.Read(buf)
	fmt.Println(n, err, string(buf))
	lr := io.LimitReader(mr, 7)
	all, err := io.ReadAll(lr)
	fmt.Println(string(all), err)
}
