package main

import (
	"bytes"
	"fmt"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Table struct {
	Header []string
	Rows   [][]string
}

func (t Table) Render() string {
	var sb strings.Builder
	sb.WriteString(strings.Join(t.Header, " | "))
	sb.WriteByte('\n')
	sb.WriteString(strings.Repeat("-", sb.Len()-1))
	sb.WriteRune('\n')
	for _, r := range t.Rows {
		fmt.Fprintf(&sb, "%s\n", strings.Join(r, " | "))
	}
	return sb.String()
}

func main() {
	t := Table{[]string{"name", "qty"}, [][]string{{"nut", "3"}, {"bolt", "12"}}}
	fmt.Print(t.Render())
	var buf bytes.Buffer
	pts := []Point{{1, 2}, {3, 4}}
	for i, p := range pts {
		if i > 0 {
			buf.WriteString(", ")
		}
		fmt.Fprint(&buf, p)
	}
	fmt.Println(buf.String(), buf.Len())
	fmt.Fprintf(&buf, " last=%v", pts[len(pts)-1])
	fmt.Println(buf.String())
	line, err := buf.ReadString(',')
	fmt.Printf("%q %v %q\n", line, err, buf.String())
	r := strings.NewReplacer("a", "4", "e", "3")
	fmt.Println(r.Replace("leet speak"), strings.Title("x"), strings.EqualFold("Go", "GO"))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == ' ' {
			return -1
		}
		return r + 1
	}, "abc xyz"))
	fmt.Println(strings.Cut("key=value", "="))
	fmt.Println(strings.Fields("  a  b c "), len(strings.Split("a,b,,c", ",")))
	b := []byte("hello")
	fmt.Println(bytes.ToUpper(b), string(bytes.ToUpper(b)), bytes.Contains(b, []byte("ell")))
}
