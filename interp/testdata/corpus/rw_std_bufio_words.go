package main

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
)

const text = `Go is expressive, concise, clean, and efficient.
Its concurrency mechanisms make it easy to
write programs that get the most out of multicore machines.
Go compiles quickly to machine code.`

type WordCount struct {
	Word  string
	Count int
}

func countWords(s string) []WordCount {
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Split(bufio.ScanWords)
	counts := map[string]int{}
	for sc.Scan() {
		w := strings.ToLower(strings.Trim(sc.Text(), ".,"))
		counts[w]++
	}
	var out []WordCount
	for w, c := range counts {
		out = append(out, WordCount{w, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Word < out[j].Word
	})
	return out
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %d chars\n", n, len(sc.Text()))
	}
	fmt.Println(sc.Err())
	wc := countWords(text)
	fmt.Println(wc[:4])
	fmt.Println(len(wc))
	rs := bufio.NewScanner(strings.NewReader("héllo"))
	rs.Split(bufio.ScanRunes)
	var runes []string
	for rs.Scan() {
		runes = append(runes, rs.Text())
	}
	fmt.Println(runes, len(runes))
	rd := bufio.NewReader(strings.NewReader("first line\nsecond"))
	l1, _ := rd.ReadString('\n')
	l2, err := rd.ReadString('\n')
	fmt.Printf("%q %q %v\n", l1, l2, err)
}
