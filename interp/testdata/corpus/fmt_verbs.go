package main

import "fmt"

type point struct{ X, Y int }

func main() {
	p := point{1, 2}
	fmt.Printf("%v|%+v\n", p, p)
	fmt.Printf("%d|%5d|%-5d|%05d\n", 42, 42, 42, 42)
	fmt.Printf("%x|%X|%o|%b|%#x\n", 255, 255, 8, 5, 255)
	fmt.Printf("%f|%.2f|%8.3f|%e|%g\n", 3.14159, 3.14159, 3.14159, 1234.5678, 0.000012)
	fmt.Printf("%s|%q|%10s|%-10s|\n", "go", "go", "go", "go")
	fmt.Printf("%c|%U|%q\n", 'G', 'G', 'G')
	fmt.Printf("%t|%v|%p\n", true, nil, nil)
	fmt.Printf("%v|%d|%s\n", []int{1, 2}, []int{1, 2}, []string{"a", "b"})
	fmt.Printf("%v|%v\n", map[string]int{"b": 2, "a": 1}, [2]bool{true, false})
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 4, 2)
	fmt.Println(fmt.Sprintf("%3c|%-4q|%x", 'x', 'y', "hi"))
	var ip *int
	fmt.Println(ip == nil, fmt.Sprint(3, 4, "a", "b", 5))
}
