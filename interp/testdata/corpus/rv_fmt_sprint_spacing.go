package main

import "fmt"

type Word string

func (w Word) String() string { return "<" + string(w) + ">" }

type Num int

func (n Num) String() string { return fmt.Sprintf("#%d", int(n)) }

type Plain int

func main() {
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c"))
	fmt.Println(fmt.Sprint(Word("x"), Word("y")))
	fmt.Println(fmt.Sprint(Num(1), Num(2), "s", Num(3)))
	fmt.Println(fmt.Sprint(Plain(1), Plain(2)))
	fmt.Println(fmt.Sprint(1.5, true, nil, 'a'))
	fmt.Println(fmt.Sprintln(Word("z"), Num(4)) == "<z> #4\n")
	fmt.Print(Num(5), Num(6), "\n")
	fmt.Print(Word("p"), Word("q"), "\n")
	s := fmt.Sprintf("%v%v", Word("m"), Num(7))
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint([]Word{"a"}, []Num{1, 2}))
	var w fmt.Stringer = Word("iface")
	fmt.Println(fmt.Sprint(w, w))
	fmt.Printf("%s %v %d\n", Plain(3), Plain(4), Plain(5))
}
