package main

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

type Matrix struct {
	rows, cols int
	data       []float64
}

func NewMatrix(r, c int) *Matrix { return &Matrix{r, c, make([]float64, r*c)} }

func (m *Matrix) Set(i, j int, v float64) { m.data[i*m.cols+j] = v }

func (m *Matrix) Cells() iter.Seq2[[2]int, float64] {
	return func(yield func([2]int, float64) bool) {
		for i := range m.rows {
			for j := range m.cols {
				if !yield([2]int{i, j}, m.data[i*m.cols+j]) {
					return
				}
			}
		}
	}
}

func (m *Matrix) Row(i int) iter.Seq[float64] {
	return slices.Values(m.data[i*m.cols : (i+1)*m.cols])
}

func main() {
	m := NewMatrix(2, 3)
	for idx := range m.Cells() {
		m.Set(idx[0], idx[1], float64(idx[0]*10+idx[1]))
	}
	for idx, v := range m.Cells() {
		if v > 11 {
			fmt.Println("first above 11 at", idx, v)
			break
		}
	}
	fmt.Println(slices.Collect(m.Row(1)))
	var parts []string
	for v := range m.Row(0) {
		parts = append(parts, fmt.Sprintf("%.1f", v))
	}
	fmt.Println(strings.Join(parts, "|"))
	for i, w := range slices.All([]string{"a", "b"}) {
		fmt.Print(i, w, ";")
	}
	fmt.Println()
	for ch := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(ch)
	}
	fmt.Println()
}
