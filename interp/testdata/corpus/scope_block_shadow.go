package main

import "fmt"

func main() {
	level := "notebook"
	count := 1
	{
		level := "local"
		count := count + 10
		fmt.Println("inside:", level, count)
		{
			level := level + "-inner"
			fmt.Println("deeper:", level)
		}
		fmt.Println("back:", level)
	}
	fmt.Println("outside:", level, count)
	{
		count = 5 // assignment, not a new variable
		var level = "var-local"
		fmt.Println("inside again:", level, count)
	}
	fmt.Println("after:", level, count)
}
