package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("liftoff")
	fmt.Println(b.String(), b.Len())

	s := "Hello, Gophers! Héllo wörld"
	fmt.Println(strings.ToUpper(s), strings.Count(s, "l"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")))
	fmt.Println(strings.Fields("  spaced   out  words "))
	fmt.Println(strings.Repeat("=-", 5), strings.TrimSpace("  x  "))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, "GoLang"))
	fmt.Println(len(s), len([]rune(s)))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.HasPrefix(s, "Hell"), strings.Index(s, "Go"))
}
