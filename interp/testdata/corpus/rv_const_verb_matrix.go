package main

import "fmt"

type Grade int

const (
	F Grade = iota
	D
	C
	B
	A
)

func (g Grade) String() string { return string("FDCBA"[g]) }

const Answer = 42
const Pi = 3.14159
const Name = "gopher"
const Yes = true
const Letter = 'G'

func main() {
	fmt.Printf("%v|%d|%x|%X|%o|%b|%c|%q|%U\n", Answer, Answer, Answer, Answer, Answer, Answer, Answer, Answer, Answer)
	fmt.Printf("%e|%E|%f|%.2f|%g|%G|%8.3f|%-8.1f|\n", Pi, Pi, Pi, Pi, Pi, Pi, Pi, Pi)
	fmt.Printf("%s|%q|%v|%x|%X|%10s|%-10s|%.3s|\n", Name, Name, Name, Name, Name, Name, Name, Name)
	fmt.Printf("%t|%v|%5t|\n", Yes, Yes, !Yes)
	fmt.Printf("%c|%d|%q|%U|%#U|%x\n", Letter, Letter, Letter, Letter, Letter, Letter)
	fmt.Printf("%v|%s|%d|%q|%x|%5v|%-5v|%05d\n", B, B, B, B, B, B, B, B)
	fmt.Printf("%v|%d|%s\n", A-1, A-1, A-1)
	fmt.Printf("%T %T %T %T %T %T\n", Answer, Pi, Name, Yes, Letter, C)
	fmt.Printf("%+d|% d|%#x|%#o|%#b|%08.3f|%+.1e\n", Answer, Answer, Answer, Answer, Answer, Pi, Pi)
	fmt.Printf("%6.2f%%\n", Pi*10)
	fmt.Printf("%v %v\n", []Grade{A, B, C}, map[Grade]int{A: 1, F: 0})
	fmt.Printf("%#v %#v\n", C, []Grade{D})
	fmt.Printf("%[2]d %[1]d %d\n", Answer, Answer+1)
	fmt.Printf("%*d|%-*d|\n", 5, Answer, 4, Answer)
}
