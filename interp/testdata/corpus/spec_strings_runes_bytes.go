package main

import (
	"fmt"
	"strings"
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
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		fmt.Printf("%d:%c(%d) ", i, r, r)
	}
	fmt.Println()
	for i := 0; i < 3; i++ {
		fmt.Printf("%d=%x ", i, s[i])
	}
	fmt.Println()
	fmt.Printf("%T %T\n", s[0], 'a')
	fmt.Println(reverse(s))
	b := []byte("abc")
	b[0] = 'A'
	b = append(b, "def"...)
	fmt.Println(string(b), b)
	up := 0
	for _, r := range "Hello World Go" {
		if unicode.IsUpper(r) {
			up++
		}
	}
	fmt.Println("upper:", up)
	fmt.Println(strings.ToUpper(s), strings.Count(s, "l"), strings.Index(s, "世"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")))
	fmt.Println(strings.Fields("  x  y z "), strings.TrimSpace("  t  "))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Title("x"))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d-", i)
	}
	fmt.Println(sb.String(), sb.Len())
	r, size := utf8.DecodeRuneInString("世界")
	fmt.Println(string(r), size)
	fmt.Println("a" < "b", "abc" > "abd", "Z" < "a")
	bad := string([]byte{0xff, 'a'})
	for _, r := range bad {
		fmt.Print(r, " ")
	}
	fmt.Println(utf8.ValidString(bad))
	fmt.Println(string(rune(0x4e16)), strings.Repeat("ab", 3))
}
