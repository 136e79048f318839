package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
	numColors
)

var colorNames = [...]string{Red: "red", Green: "green", Blue: "blue"}

func (c Color) String() string {
	if c < 0 || c >= numColors {
		return fmt.Sprintf("Color(%d)", int(c))
	}
	return colorNames[c]
}

func classify(c Color) string {
	switch c {
	case Red, Blue:
		return "primary-ish"
	case Green:
		return "green"
	default:
		return "unknown"
	}
}

func main() {
	fmt.Println(len(colorNames), colorNames)
	for c := Red; c < numColors; c++ {
		fmt.Printf("%d:%v:%s ", c, c, classify(c))
	}
	fmt.Println()
	counts := [numColors]int{}
	for _, c := range []Color{Red, Blue, Blue, Green, Blue} {
		counts[c]++
	}
	fmt.Println(counts, counts[Blue])
	fmt.Println(Color(7), classify(Color(7)), numColors)
	lookup := map[string]Color{}
	for i, n := range colorNames {
		lookup[n] = Color(i)
	}
	fmt.Println(lookup["blue"], lookup["green"]+1, lookup)
	const mixed = Blue * 2
	fmt.Println(mixed, Blue-Green == Green-Red)
}
