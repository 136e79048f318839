package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		if r > 127 {
			fmt.Printf("%d:%c(%d) ", i, r, utf8.RuneLen(r))
		}
	}
	fmt.Println()
	fmt.Println(reverse(s))
	letters, digits, spaces := 0, 0, 0
	for _, r := range "abc 123 déf" {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case unicode.IsSpace(r):
			spaces++
		}
	}
	fmt.Println(letters, digits, spaces)
	fmt.Println(string(rune(65)), []byte("hé"), string([]byte{72, 105}))
}
