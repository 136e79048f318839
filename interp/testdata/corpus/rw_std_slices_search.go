package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Book struct {
	Title string
	Year  int
}

type Version int

func byYearThenTitle(a, b Book) int {
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	return strings.Compare(a.Title, b.Title)
}

var library = []Book{{"Go", 2015}, {"C", 1978}, {"Rust", 2019}, {"Algol", 1978}}

func main() {
	slices.SortFunc(library, byYearThenTitle)
	fmt.Println(library)
	i, found := slices.BinarySearchFunc(library, 2015, func(b Book, y int) int { return cmp.Compare(b.Year, y) })
	fmt.Println(i, found, library[i].Title)
	_, found = slices.BinarySearchFunc(library, 2000, func(b Book, y int) int { return cmp.Compare(b.Year, y) })
	fmt.Println(found)
	idx := slices.IndexFunc(library, func(b Book) bool { return strings.HasPrefix(b.Title, "R") })
	fmt.Println("rust at", idx)
	vs := []Version{3, 1, 2}
	slices.Sort(vs)
	pos, ok := slices.BinarySearch(vs, 2)
	fmt.Println(vs, pos, ok, slices.Contains(vs, 5), slices.Index(vs, 3))
	fmt.Println(slices.Max(vs), slices.Min(vs))
	oldest := slices.MinFunc(library, func(a, b Book) int { return cmp.Compare(a.Year, b.Year) })
	fmt.Println(oldest.Title)
	titles := make([]string, 0, len(library))
	for _, b := range library {
		titles = append(titles, b.Title)
	}
	slices.Reverse(titles)
	fmt.Println(titles, slices.Equal(titles, []string{"Rust", "Go", "C", "Algol"}))
	fmt.Println(slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}), slices.Insert([]int{1, 4}, 1, 2, 3))
	stable := []Book{{"b", 1}, {"a", 1}, {"c", 0}}
	slices.SortStableFunc(stable, func(a, b Book) int { return a.Year - b.Year })
	fmt.Println(stable)
}
