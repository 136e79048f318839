package main

import (
	"errors"
	"fmt"
)

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

type Acc struct{ n int }

func (a *Acc) String() string { return fmt.Sprint("acc", a.n) }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Inner struct{ C Color }
type Outer struct {
	Inner
	Name string
	tags []Color
	M    map[Color]Temp
	P    *Acc
}

type Named struct{ Color }

func get() (Color, error) { return Green, nil }

func main() {
	c := Green
	fmt.Println(c, Red, []Color{Red, Green}, map[Color]int{Green: 1, Red: 2})
	fmt.Printf("%v %d %s %q %x %5v|%-6s|\n", c, c, c, c, c, c, c)
	fmt.Printf("%+v %#v %T\n", c, c, c)
	a := Acc{3}
	fmt.Println(a, &a, []*Acc{&a}, []Acc{a})
	fmt.Printf("%v %+v\n", a, &a)
	var x any = Temp(21.5)
	fmt.Println(x, []any{Temp(1), Red, "s", 3, nil})
	o := Outer{Inner{Green}, "o", []Color{Red}, map[Color]Temp{Red: 3}, &a}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Println(get())
	err := fmt.Errorf("wrap: %w", &MyErr{7})
	fmt.Println(err, errors.Unwrap(err))
	var me *MyErr
	fmt.Println(errors.As(err, &me), me)
	fmt.Println(Named{Red}, Inner{Red})
	var s fmt.Stringer
	fmt.Println(s)
	fmt.Printf("%v %s\n", []Temp{1, 2}, [2]Color{})
	m := map[string][]Color{"a": {Green}}
	fmt.Println(m, len(m))
	fmt.Printf("%#v\n", []Color{Red})
	fmt.Printf("%#v\n", Inner{Green})
	fmt.Printf("%08.3f|%x\n", Temp(2), Temp(2))
	fmt.Print(c, "\n")
	fmt.Println(fmt.Sprint(c), fmt.Sprintf("%v", []Color{Green}))
	ptrs := []*Acc{nil, &a}
	fmt.Println(ptrs[1], len(ptrs))
}
