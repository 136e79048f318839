package main

import (
	"fmt"
	"strings"
)

type Vec struct{ X, Y float64 }

func (v Vec) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v':
		if f.Flag('+') {
			fmt.Fprintf(f, "Vec{X:%g, Y:%g}", v.X, v.Y)
			return
		}
		fmt.Fprintf(f, "<%g,%g>", v.X, v.Y)
	case 's':
		fmt.Fprint(f, "vec")
	default:
		p, ok := f.Precision()
		if !ok {
			p = 1
		}
		fmt.Fprintf(f, "%%!%c(%.*f,%.*f)", verb, p, v.X, p, v.Y)
	}
}

type Path []Vec

func (p Path) String() string {
	parts := make([]string, len(p))
	for i, v := range p {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, "->")
}

func main() {
	v := Vec{1, 2.5}
	fmt.Println(v)
	fmt.Printf("%v|%+v|%s|%d|%.3f\n", v, v, v, v, v)
	fmt.Println([]Vec{{0, 0}, {1, 1}})
	fmt.Println(Path{{0, 0}, {3, 4}})
	fmt.Printf("%v\n", map[string]Vec{"a": {9, 9}})
	fmt.Println(struct{ At Vec }{Vec{5, 5}})
	s := fmt.Sprintf("%v", &v)
	fmt.Println(s)
}
