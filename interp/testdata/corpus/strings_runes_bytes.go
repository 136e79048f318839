package main

import (
	"fmt"
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
		fmt.Printf("%d:%c(%U) ", i, r, r)
	}
	fmt.Println()
	for i := 0; i < 3; i++ {
		fmt.Printf("%d:%x %v ", i, s[i], s[i])
	}
	fmt.Println()
	fmt.Printf("%q %+q %x % x\n", s, s, "hé", "hé")
	fmt.Println(reverse(s))
	b := []byte("abc")
	b[0] = 'A'
	fmt.Println(string(b), b)
	r := 'é'
	fmt.Printf("%v %c %q %T %d\n", r, r, r, r, utf8.RuneLen(r))
	var c byte = 'z'
	fmt.Printf("%v %c %T\n", c, c, c)
	fmt.Println(s[1:3] == "é", s[:1], string(s[7]))
	fmt.Println(string(rune(0x4e16)), []byte("世"))
	bad := string([]byte{0xff, 'a'})
	for _, r := range bad {
		fmt.Printf("%U ", r)
	}
	fmt.Println(utf8.ValidString(bad))
}
