package main

import "fmt"

type Board [3][3]byte

func (b Board) Mark(r, c int, ch byte) Board {
	b[r][c] = ch
	return b
}

func (b *Board) Set(r, c int, ch byte) { b[r][c] = ch }

func sum(a [4]int) int {
	a[0] = 1000 // a copy
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := a
	b[0] = 99
	fmt.Println(a, b, a == b, sum(a), a[0])
	primes := [...]int{2, 3, 5, 7, 11}
	fmt.Println(len(primes), primes[len(primes)-1])
	fmt.Printf("%v %T\n", primes, primes)
	var board Board
	next := board.Mark(1, 1, 'X')
	fmt.Println(board[1][1], next[1][1])
	board.Set(0, 2, 'O')
	fmt.Println(board[0][2])
	seen := map[[2]int]bool{{0, 1}: true}
	fmt.Println(seen[[2]int{0, 1}], seen[[2]int{1, 0}])
	grid := [2][3]string{{"a", "b", "c"}}
	fmt.Printf("%q\n", grid)
	for i, v := range a {
		a[3] = 40 // range over an array iterates a copy
		if i == 3 {
			fmt.Println(v, a[3])
		}
	}
	p := &a
	p[1] = 22
	fmt.Println(a, len(p))
	idx := [5]string{2: "two", 4: "four"}
	fmt.Printf("%q\n", idx)
}
