package main

import (
	"fmt"
	"os"
)

type Item struct {
	Name  string
	Price float64
	Tags  []string
}

func main() {
	items := []*Item{{"pen", 1.5, nil}, {"book", 12.25, []string{"paper"}}}
	for i, it := range items {
		fmt.Printf("%2d: %-6s|%7.2f|%v|%d\n", i, it.Name, it.Price, it.Tags, len(it.Tags))
	}
	fmt.Printf("%+v\n", *items[1])
	fmt.Printf("%x %X %o %b\n", -255, 3054, -8, -5)
	fmt.Printf("%08b|%+.2e|%6.2f%%|%x\n", 13, 12345.678, 99.5, "héllo")
	fmt.Printf("%q %q %c %U\n", 'x', 65, 0x263A, 'é')
	fmt.Printf("%s %d %x % x %X\n", []byte("go"), []byte("go"), []byte("go"), []byte("go"), "go")
	var ns []int
	var nm map[string]int
	fmt.Printf("%v %d %v %t %v\n", ns, len(ns), nm, nm == nil, ns == nil)
	nested := map[string]map[string]int{"b": {"y": 2, "x": 1}, "a": {"z": 0}}
	fmt.Println(nested)
	fmt.Printf("%5.1q|%-4c|%4d|%-8v|\n", "abc", 'z', -7, true)
	fmt.Printf("%v %.3v %10.3e\n", 1e6, 3.14159, 123456.0)
	fmt.Printf("%v %v %v\n", float32(0.1), 1.0, 2.5e-8)
	fmt.Printf("%T %T %T %T\n", items, *items[0], nested, fmt.Printf)
	fmt.Fprintf(os.Stdout, "%s=%v\n", "k", [3]float64{1, 2.5})
	s := fmt.Sprintf("%[2]d %[1]d %[2]d", 1, 2)
	fmt.Println(s, len(s))
	fmt.Printf("%6.2f|%-6.1f|%06.2f\n", -1.234, 2.0, 3.14159)
	fmt.Println(fmt.Sprint(1, 2, "a", "b", 3), fmt.Sprint("x", 1))
	type kv struct {
		K string
		V *int
	}
	n := 5
	fmt.Printf("%+v %v\n", kv{"a", nil}, kv{"b", &n}.V != nil)
}
