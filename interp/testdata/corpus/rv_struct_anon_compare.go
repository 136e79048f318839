package main

import "fmt"

type Key struct {
	Row, Col int
}

type Cell struct {
	Key
	Value string
}

var board = map[Key]string{}

func set(r, c int, v string) { board[Key{r, c}] = v }

func main() {
	set(0, 0, "X")
	set(1, 1, "O")
	set(0, 0, "O")
	fmt.Println(len(board), board[Key{0, 0}], board)
	a := struct{ A, B int }{1, 2}
	b := struct{ A, B int }{1, 2}
	fmt.Println(a == b, a)
	cells := []Cell{{Key{2, 3}, "Z"}, {Key: Key{Col: 1}}}
	for _, c := range cells {
		fmt.Printf("%v %+v %d\n", c, c, c.Row)
	}
	points := []struct {
		X, Y int
		Name string
	}{
		{1, 2, "a"},
		{3, 4, "b"},
	}
	points[1].X = 30
	fmt.Printf("%v\n%+v\n", points, points[1])
	copyOf := points[0]
	copyOf.Name = "changed"
	fmt.Println(points[0].Name, copyOf.Name)
	arr := [3]Key{{1, 1}}
	arr2 := arr
	arr2[0].Row = 9
	fmt.Println(arr, arr2, arr == arr2)
	k := &Key{5, 6}
	k2 := k
	k2.Row = 50
	fmt.Println(*k, k.Row == k2.Row)
	fmt.Printf("%v %+v\n", &cells[0], &points[0])
}
