package main

import (
	"fmt"
	"strings"
)

type Method string

const (
	GET  Method = "GET"
	POST Method = "POST"
	PUT  Method = "PUT"
)

func (m Method) Safe() bool { return m == GET }

func (m Method) String() string { return "HTTP " + string(m) }

type Env string

const Prod Env = "production"
const Dev = Env("dev")

func main() {
	fmt.Println(GET, POST, GET.Safe(), POST.Safe())
	fmt.Printf("%v|%s|%q|%x|%10s|%-9v|\n", PUT, PUT, PUT, PUT, GET, POST)
	m := Method(strings.ToUpper("post"))
	fmt.Println(m == POST, m, len(m), m[0:2])
	switch m {
	case GET, PUT:
		fmt.Println("idempotent")
	case POST:
		fmt.Println("not idempotent")
	}
	fmt.Println([]Method{GET, POST}, map[Method]int{PUT: 1})
	fmt.Println(Prod, Dev, Prod+"-eu", string(Dev)+"!")
	fmt.Printf("%v %T %T\n", Prod+Dev, Prod, string(Dev))
	all := strings.Join([]string{string(GET), string(POST)}, ",")
	fmt.Println(all)
	var e Env
	fmt.Printf("%q %v\n", e, e == "")
	const greeting = "hi " + string(Prod)
	fmt.Println(greeting, GET+"X")
}
