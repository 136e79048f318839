package main

import "fmt"

type ID int
type Name string
type Pair struct {
	K Name
	V ID
}
type List []Pair
type Lookup map[Name]ID
type Fn func(ID) Name

func main() {
	var id ID = 7
	fmt.Printf("%T %T %T\n", id, Name("x"), Pair{})
	fmt.Printf("%T %T\n", &id, []ID{1})
	fmt.Printf("%T %T\n", List{}, Lookup{})
	fmt.Printf("%T %T\n", map[Name][]ID{}, [3]*Pair{})
	fmt.Printf("%T\n", Fn(nil))
	fmt.Printf("%T %T\n", struct{ A ID }{}, []any{id})
	var e error
	var a any = Pair{"k", 1}
	fmt.Printf("%T %T\n", e, a)
	ch := make(chan Pair)
	fmt.Printf("%T %T\n", ch, (<-chan ID)(nil))
	fmt.Printf("%v %+v %#v\n", Pair{"a", 1}, Pair{"b", 2}, Pair{"c", 3})
	fmt.Printf("%#v %#v\n", List{{"d", 4}}, Lookup{"e": 5})
	fmt.Printf("%#v %#v %#v\n", id, Name("n"), &Pair{"f", 6})
	fmt.Printf("%v %d\n", []ID{1, 2}, map[Name]ID{"z": 26})
}
