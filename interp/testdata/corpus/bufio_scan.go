package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

func main() {
	input := "first line\nsecond line\n\nfourth"
	sc := bufio.NewScanner(strings.NewReader(input))
	lineNo := 0
	for sc.Scan() {
		lineNo++
		fmt.Printf("%d: %q\n", lineNo, sc.Text())
	}
	words := bufio.NewScanner(strings.NewReader("count these  words please"))
	words.Split(bufio.ScanWords)
	n := 0
	for words.Scan() {
		n++
	}
	fmt.Println("words:", n)
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	fmt.Fprintf(w, "buffered %d", 42)
	fmt.Println(buf.Len())
	w.Flush()
	fmt.Println(buf.String(), buf.Len())
}
