package main

import "fmt"

type Meters float64

func (m Meters) String() string { return fmt.Sprintf("%gm", float64(m)) }

type Pet struct {
	Name string
	Legs int
}

func (p Pet) String() string { return fmt.Sprintf("%s(%d legs)", p.Name, p.Legs) }

type Bag struct {
	Items []any
	Meta  map[string]any
	One   any
}

func describe(vals ...any) {
	for _, v := range vals {
		fmt.Printf("%v|%T\n", v, v)
	}
}

func main() {
	items := []any{Meters(2.5), Pet{"cat", 4}, &Pet{"bird", 2}, 3, "s", nil, []Meters{1, 2}}
	fmt.Println(items)
	fmt.Println(items...)
	describe(items...)
	m := map[string]any{"len": Meters(10), "pet": Pet{"dog", 4}}
	fmt.Println(m)
	b := Bag{Items: items[:2], Meta: m, One: Meters(0.5)}
	fmt.Printf("%v\n", b)
	fmt.Printf("%+v\n", b)
	var s fmt.Stringer = Meters(1)
	var a any = s
	if st, ok := a.(fmt.Stringer); ok {
		fmt.Println("stringer:", st)
	}
	arr := [2]any{Pet{"ant", 6}, Meters(3)}
	fmt.Println(arr, len(arr))
	nested := [][]any{{Meters(1)}, {Pet{"x", 0}, 5}}
	fmt.Println(nested)
	ptr := &items[0]
	fmt.Println(*ptr)
}
