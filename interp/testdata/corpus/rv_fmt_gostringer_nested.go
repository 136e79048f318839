package main

import "fmt"

type Token struct {
	Kind  string
	Value string
}

func (t Token) GoString() string { return fmt.Sprintf("tok(%s:%q)", t.Kind, t.Value) }

type Expr struct {
	Op    string
	Args  []Token
	First *Token
}

type Secret string

func (s Secret) GoString() string { return `Secret("***")` }
func (s Secret) String() string   { return "***" }

func main() {
	t := Token{"num", "42"}
	fmt.Printf("%#v\n", t)
	fmt.Printf("%v %+v\n", t, t)
	e := Expr{Op: "+", Args: []Token{{"num", "1"}, {"id", "x"}}, First: &t}
	fmt.Printf("%#v\n", e.Args)
	fmt.Printf("%#v\n", map[string]Token{"k": t})
	fmt.Printf("%#v\n", [1]Token{t})
	pw := Secret("hunter2")
	fmt.Println(pw)
	fmt.Printf("%v %s %#v %q\n", pw, pw, pw, pw)
	fmt.Printf("%#v\n", []Secret{"a", "b"})
	type wrap struct{ S Secret }
	fmt.Printf("%v %+v\n", wrap{"x"}, wrap{"y"})
}
