package main

import "fmt"

type point struct {
	X, Y int
	Name string
}

func main() {
	p := point{1, 2, "a"}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%q|%x|%X|%s\n", "hi\n", "hi", []byte("hi"), []string{"a", "b"})
	fmt.Printf("%08.3f|%-5d|%5d|%05d|%+d\n", 3.14159, 42, 42, 42, 42)
	fmt.Printf("%U|%c|%q|%#U\n", 'G', 'G', 'G', '世')
	fmt.Printf("%b|%o|%O|%x|%#x|%X\n", 10, 10, 10, 255, 255, 255)
	fmt.Printf("%e|%E|%g|%G|%.2e\n", 123456.789, 0.000123, 1e21, 1e-7, 9876.5)
	fmt.Printf("%t|%v|%5t|\n", true, false, true)
	fmt.Printf("%6.2f|%-8.3f|%8s|%-8s|%.2s\n", 3.14159, 2.5, "r", "l", "trunc")
	fmt.Printf("%v|%d|%v\n", []int{1, 2}, []int{3, 4}, map[string]int{"b": 2, "a": 1})
	fmt.Printf("%#v|%#v|%#v\n", []int{1}, map[string]bool{"x": true}, "q")
	fmt.Printf("%v|%+v\n", &p, &p)
	fmt.Printf("%T|%T|%T|%T\n", 1, 2.0, 'x', nil)
	fmt.Printf("%v %v\n", [2]bool{true}, struct{ A, B any }{1, "s"})
	fmt.Printf("%d%%|%*d|%-*d|\n", 50, 4, 7, 4, 7)
	fmt.Printf("%x|% x|%#q\n", 3.5, "abc", "back`tick")
	fmt.Printf("%!|%d\n", "str")
	fmt.Printf("%d %d\n", 1)
	fmt.Println(fmt.Sprintf("%v", nil), fmt.Sprint("a", 1, 2, "b"), fmt.Sprintln("x", 3))
	var ip *int
	fmt.Printf("%v %t\n", ip, ip == nil)
	fmt.Printf("%6.2v|%.3v|%10.4v|\n", 3.14159, "abcdef", 2.0/3)
}
