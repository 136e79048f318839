package main

import "fmt"

type Op int

const (
	Add Op = iota + 1
	Sub
	Mul
	Div
)

var opSymbols = map[Op]string{Add: "+", Sub: "-", Mul: "*", Div: "/"}

func (o Op) String() string { return opSymbols[o] }

func (o Op) Apply(a, b int) int {
	switch o {
	case Add:
		return a + b
	case Sub:
		return a - b
	case Mul:
		return a * b
	case Div:
		return a / b
	}
	panic("unknown op " + fmt.Sprint(int(o)))
}

type Expr struct {
	Op   Op
	L, R int
}

func (e Expr) String() string { return fmt.Sprintf("%d %v %d", e.L, e.Op, e.R) }

func main() {
	exprs := []Expr{{Add, 1, 2}, {Mul, 3, 4}, {Div, 9, 2}, {Sub, 1, 5}}
	for _, e := range exprs {
		fmt.Printf("%v = %d\n", e, e.Op.Apply(e.L, e.R))
	}
	fmt.Println(exprs)
	fmt.Printf("%+v\n", exprs[0])
	defer func() { fmt.Println("recovered:", recover()) }()
	Op(9).Apply(1, 1)
}
