package main

import (
	"fmt"
	"sort"
)

type Employee struct {
	Name   string
	Salary int
	Skills []string
}

func main() {
	staff := map[string]Employee{
		"e1": {"Ann", 100, []string{"go"}},
		"e2": {"Bob", 80, nil},
	}
	e := staff["e1"]
	e.Salary += 10
	staff["e1"] = e
	ptrs := map[string]*Employee{"x": {Name: "Cy", Salary: 50}}
	ptrs["x"].Salary *= 2
	fmt.Println(staff["e1"].Salary, ptrs["x"].Salary)
	ids := make([]string, 0, len(staff))
	for id := range staff {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Printf("%s: %+v\n", id, staff[id])
	}
	byDept := map[string][]Employee{}
	byDept["eng"] = append(byDept["eng"], staff["e1"], staff["e2"])
	fmt.Println(len(byDept["eng"]), len(byDept["none"]), byDept["none"] == nil)
	counts := map[string]map[string]int{}
	add := func(a, b string) {
		if counts[a] == nil {
			counts[a] = map[string]int{}
		}
		counts[a][b]++
	}
	add("x", "y")
	add("x", "y")
	add("x", "z")
	fmt.Println(counts)
	if _, ok := staff["e3"]; !ok {
		fmt.Println("e3 missing", staff["e3"].Name == "")
	}
	clear(staff)
	fmt.Println(len(staff))
}
