package interp

import "testing"

// Printing constructs that once gave a silent wrong result: each prints
// what go run prints, or stops the cell with an error naming the
// construct where the interpreter cannot hold the value.

func TestFidelitySilentPrinting(t *testing.T) {
	const words = `import ("fmt"; "os")
type Word string
func (w Word) String() string { return "<" + string(w) + ">" }
type Plain int
type Name string
type B byte`
	runTourCases(t, []tourCase{
		{name: "Print operands of a string type with String are not spaced", cells: []string{words, `
fmt.Print(Word("p"), Word("q"), 1, 2, "\n")
fmt.Println(fmt.Sprint(Word("a"), 3, Word("b")))
fmt.Fprint(os.Stdout, Word("x"), Word("y"), "\n")
var w fmt.Stringer = Word("i")
fmt.Println(fmt.Sprint(w, w), fmt.Sprint(Plain(1), Plain(2)))`},
			want: "<p><q>1 2\n<a>3<b>\n<x><y>\n<i><i> 1 2\n"},
		{name: "a wrong verb names a defined basic type", cells: []string{words, `
fmt.Printf("%s|%t\n", Plain(3), Plain(4))
fmt.Printf("%d %d\n", map[Name]int{"z": 1}, []Name{"a"})
fmt.Printf("%x %s %v %5d|\n", []B{1, 2}, []B("hi"), []Plain{5}, Plain(6))`},
			want: "%!s(main.Plain=3)|%!t(main.Plain=4)\nmap[%!d(main.Name=z):1] [%!d(main.Name=a)]\n0102 hi [5]     6|\n"},
		{name: "a String method dereferencing nil", cells: []string{`import "fmt"
type F struct{ p *int }
func (f F) String() string { return fmt.Sprint(*f.p) }`, `
x := 1
fmt.Println(F{&x}, F{})`},
			want: "1 %!v(PANIC=String method: runtime error: invalid memory address or nil pointer dereference)\n"},
		{name: "a type verb of an anonymous struct with notebook field types", cells: []string{`import "fmt"
type ID int`, `
fmt.Printf("%T\n", struct {
	A  ID
	B  []ID
	c  map[string]*ID
}{})
fmt.Printf("%T\n", struct{ A int }{})`},
			want: "struct { A main.ID; B []main.ID; c map[string]*main.ID }\nstruct { A int }\n"},
		{name: "a local struct type whose field has String", cells: []string{`import "fmt"
type Secret string
func (s Secret) String() string { return "***" }`, `
type wrap struct{ S Secret }
fmt.Println(wrap{"x"})
fmt.Printf("%+v\n", wrap{"y"})`},
			want: "{***}\n{S:***}\n"},
	})
}

func TestFidelitySilentStringerValues(t *testing.T) {
	const decls = `import "fmt"
type P struct{ X, Y int }
func (p P) String() string { return fmt.Sprintf("P(%d,%d)", p.X, p.Y) }
type W int
func (w W) String() string { return "w" }
type E struct {
	P
	N int
}
type M struct {
	*E
	Tag string
}`
	runTourCases(t, []tourCase{
		{name: "values held in fmt.Stringer keep their type", cells: []string{decls, `
var s fmt.Stringer = P{1, 2}
fmt.Printf("%T %d %v\n", s, s, s)
ss := []fmt.Stringer{W(3), E{P{4, 5}, 6}, M{&E{P{7, 8}, 9}, "t"}}
for _, x := range ss {
	fmt.Printf("%T %v %+v\n", x, x, x)
}
p := s.(P)
fmt.Println(p.Y)`},
			want: "main.P {1 2} P(1,2)\nmain.W w w\nmain.E P(4,5) P(4,5)\nmain.M P(7,8) P(7,8)\n2\n"},
		{name: "the same in one cell", cells: []string{decls + `
var s fmt.Stringer = E{P{1, 2}, 3}
fmt.Printf("%T %v\n", s, s)`},
			want: "main.E P(1,2)\n"},
	})
}

func TestFidelitySilentRecoveredIndex(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "an index of a converted slice or string in recovering code", cells: []string{`import "fmt"
func catch(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}`, `
catch(func() { _ = []int(nil)[0] })
i := 5
catch(func() { _ = string("ab")[i] })`},
			want: "runtime error: index out of range [0] with length 0\nruntime error: index out of range [5] with length 2\n"},
	})
}

func TestFidelitySilentContainersInInterfaces(t *testing.T) {
	const decls = `import "fmt"
type Meters float64
func (m Meters) String() string { return fmt.Sprintf("%gm", float64(m)) }
type Pet struct {
	PetName string
	Legs    int
}
func (p Pet) String() string { return "pet " + p.PetName }`
	runTourCases(t, []tourCase{
		{name: "a slice of a struct type with String in an any prints right", cells: []string{decls, `
xs := []any{[]Pet{{"cat", 4}}, map[string]Pet{"k": {"dog", 4}}}
fmt.Println(xs)
fmt.Printf("%T\n", xs[0])`},
			want: "[[pet cat] map[k:pet dog]]\n[]main.Pet\n"},
		{name: "a slice of a defined float type with String in an any is refused", cells: []string{decls, `
xs := []any{1, []Meters{1, 2}}
fmt.Println(xs)`},
			errWant: "a []Meters stored in an interface"},
		{name: "a map of it in an any variable is refused", cells: []string{decls, `
var m any = map[string]Meters{"x": 1}
fmt.Println(m)`},
			errWant: "a map[string]Meters stored in an interface"},
		{name: "a slice of it kept typed prints right", cells: []string{decls, `
ms := []Meters{1, 2}
fmt.Println(ms)`},
			want: "[1m 2m]\n"},
		{name: "a notebook variable of it put in an any is refused", cells: []string{decls, `ms := []Meters{1, 2}`, `
xs := []any{ms}
fmt.Println(xs)`},
			errWant: "a []Meters stored in an interface"},
		{name: "its elements in an any print right", cells: []string{decls, `ms := []Meters{1, 2}`, `
var a any = ms[0]
fmt.Println(a, ms)`},
			want: "1m [1m 2m]\n"},
	})
}
