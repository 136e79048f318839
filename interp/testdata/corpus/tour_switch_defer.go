package main

import (
	"fmt"
	"time"
)

func classify(os string) string {
	switch os {
	case "darwin":
		return "OS X."
	case "linux":
		return "Linux."
	default:
		return fmt.Sprintf("%s.", os)
	}
}

func f() int { return 3 }

func main() {
	fmt.Print("Go runs on ")
	fmt.Println(classify("linux"))
	fmt.Println(classify("plan9"))
	today := time.Saturday
	switch time.Saturday {
	case today + 0:
		fmt.Println("Today.")
	case today + 1:
		fmt.Println("Tomorrow.")
	default:
		fmt.Println("Too far away.")
	}
	for _, hour := range []int{9, 13, 20} {
		switch {
		case hour < 12:
			fmt.Println("Good morning!")
		case hour < 17:
			fmt.Println("Good afternoon.")
		default:
			fmt.Println("Good evening.")
		}
	}
	switch i := 3; i {
	case 0:
		fmt.Println("zero")
	case f():
		fmt.Println("f matched", i)
	}
	defer fmt.Println("world")
	fmt.Println("hello")
	fmt.Println("counting")
	for i := 0; i < 4; i++ {
		defer fmt.Println(i)
	}
	fmt.Println("done")
}
