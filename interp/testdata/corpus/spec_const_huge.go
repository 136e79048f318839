package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 99

func main() {
	fmt.Println(Big > 1, Big/1e29, float64(Big), Big*0.5 > 1e29)
	x := Big >> 98
	var f float64 = Big
	fmt.Println(x, f, Small == 2, Big>>99 == Small)
	const local = Big > 10
	fmt.Println(local, 1<<62 > 1<<61)
}
