package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, err := strconv.Atoi("1234")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	f, _ := strconv.ParseFloat("3.25", 64)
	fmt.Println(f * 2)
	b, _ := strconv.ParseBool("true")
	fmt.Println(!b)
	i, _ := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(i)
	fmt.Println(strconv.Itoa(99)+"!", strconv.FormatInt(255, 2), strconv.Quote("tab\there"))
	fmt.Println(strconv.FormatFloat(1.0/3, 'f', 4, 64), strconv.AppendInt([]byte("n="), 42, 10))
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
}
