package main

import (
	"fmt"
	"sort"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Coord struct{ X, Y int }

func (c Coord) String() string { return fmt.Sprintf("%d:%d", c.X, c.Y) }

func main() {
	counts := map[Color]int{Blue: 3, Red: 1, Green: 2}
	fmt.Println(counts)
	byName := map[string]Color{"sky": Blue, "grass": Green}
	fmt.Println(byName)
	grid := map[Coord]Color{{1, 0}: Red, {0, 1}: Blue}
	fmt.Println(grid)
	fmt.Printf("%v\n%d\n", grid, counts)
	keys := make([]Color, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	fmt.Println(keys)
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, counts[k])
	}
	fmt.Println()
	nested := map[Color][]Coord{Green: {{1, 1}, {2, 2}}}
	fmt.Println(nested)
	set := map[Coord]struct{}{{3, 3}: {}}
	fmt.Println(set, len(set))
}
