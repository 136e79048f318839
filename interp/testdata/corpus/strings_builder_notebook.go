package main

import (
	"fmt"
	"strings"
)

type Cell struct {
	Row, Col int
}

func (c Cell) String() string { return fmt.Sprintf("%c%d", 'A'+rune(c.Col), c.Row+1) }

type Table struct {
	Headers []string
	Rows    [][]string
}

func (t Table) Render() string {
	var b strings.Builder
	b.WriteString(strings.Join(t.Headers, " | "))
	b.WriteByte('\n')
	b.WriteString(strings.Repeat("-", b.Len()-1))
	b.WriteRune('\n')
	for _, r := range t.Rows {
		fmt.Fprintf(&b, "%s\n", strings.Join(r, " | "))
	}
	return b.String()
}

func main() {
	var sb strings.Builder
	for i, c := range []Cell{{0, 0}, {4, 2}} {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprint(&sb, c)
	}
	fmt.Println(sb.String(), sb.Len())
	fmt.Fprintf(&sb, " / %v %s", Cell{9, 25}, Cell{1, 1})
	fmt.Println(sb.String())
	t := Table{[]string{"name", "qty"}, [][]string{{"pen", "3"}, {"ink", "10"}}}
	fmt.Print(t.Render())
	fmt.Println(strings.Fields("  a b   c "), strings.Split("a,b,,c", ","))
	fmt.Println(strings.Title("x"), strings.TrimSpace("  pad  "), strings.Count("cheese", "e"))
	fmt.Println(strings.ReplaceAll("a-b-c", "-", "+"), strings.HasPrefix("gocell", "go"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
}
