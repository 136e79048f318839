package main

import "fmt"

func grade(n int) string {
	switch {
	case n >= 90:
		return "A"
	case n >= 80:
		return "B"
	}
	return "C"
}

func main() {
	for _, n := range []int{1, 2, 3, 4, 5} {
		switch n {
		case 1, 3:
			fmt.Println(n, "odd small")
			fallthrough
		case 2:
			fmt.Println(n, "<= 3")
		case 4:
			fmt.Println(n, "four")
			if n == 4 {
				break
			}
			fmt.Println("unreached")
		default:
			fmt.Println(n, "default")
		}
	}
	fmt.Println(grade(95), grade(85), grade(10))
	x := 2
	switch y := x * 3; y {
	case 6:
		fmt.Println("six")
		fallthrough
	case 7:
		fmt.Println("fell into seven")
		fallthrough
	default:
		fmt.Println("fell into default")
	}
	switch {
	default:
		fmt.Println("default first")
	case x > 5:
		fmt.Println("no")
	}
	s := "go"
	switch s + "lang" {
	case "golang":
		fmt.Println("golang")
	}
	var v any = 2.5
	switch v.(type) {
	case int, int64:
		fmt.Println("integer")
	case float32, float64:
		fmt.Println("float")
	}
	switch t := v.(type) {
	case nil:
		fmt.Println("nil")
	case int, float64:
		fmt.Printf("%T %v\n", t, t)
	}
}
