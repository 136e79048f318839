package main

import (
	"fmt"
	"strconv"
)

type Stringer interface {
	String() string
}

type StringableNumber interface {
	~int | ~float64
	String() string
}

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type Meters int

func (m Meters) String() string { return strconv.Itoa(int(m)) + "m" }

func Describe[T StringableNumber](xs []T) (T, string) {
	var total T
	s := ""
	for i, x := range xs {
		total += x
		if i > 0 {
			s += ", "
		}
		s += x.String()
	}
	return total, s
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

type Scores map[string]int

func main() {
	total, s := Describe([]Celsius{20.5, 21})
	fmt.Println(total, s)
	fmt.Printf("%v %.2f\n", total, float64(total))
	tm, sm := Describe([]Meters{3, 4})
	fmt.Println(tm, sm, int(tm))
	ks := Keys(Scores{"a": 1})
	fmt.Println(ks, len(ks))
	var st Stringer = Celsius(3)
	fmt.Println(st)
}
