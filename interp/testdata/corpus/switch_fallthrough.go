package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	}
	return "F"
}

func kind(r rune) string {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return "vowel"
	case ' ':
		return "space"
	default:
		return "consonant"
	}
}

func main() {
	for _, s := range []int{95, 85, 72, 10} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	for _, r := range "hi you" {
		fmt.Print(kind(r), " ")
	}
	fmt.Println()
	n := 2
	switch n {
	case 1:
		fmt.Println("one")
	case 2:
		fmt.Println("two")
		fallthrough
	case 3:
		fmt.Println("three (via fallthrough)")
		fallthrough
	default:
		fmt.Println("default (via fallthrough)")
	}
	switch x := n * 3; x {
	case 6:
		fmt.Println("six")
		break
	case 7:
		fmt.Println("seven")
	}
	switch f := func() int { fmt.Println("evaluated once"); return 5 }(); {
	case f > 3:
		fmt.Println("big")
	case f > 1:
		fmt.Println("medium")
	}
}
