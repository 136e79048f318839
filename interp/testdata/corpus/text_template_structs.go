package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Line struct {
	Item  string
	Qty   int
	Price float64
}

func (l Line) Total() float64 { return float64(l.Qty) * l.Price }

type Invoice struct {
	Customer string
	Lines    []Line
	Paid     bool
}

func (inv Invoice) Sum() float64 {
	s := 0.0
	for _, l := range inv.Lines {
		s += l.Total()
	}
	return s
}

const tmpl = `Invoice for {{.Customer | upper}}
{{range $i, $l := .Lines}}{{$i}}. {{$l.Item}} x{{$l.Qty}} = {{printf "%.2f" $l.Total}}
{{end}}Total: {{printf "%.2f" .Sum}}{{if .Paid}} (paid){{else}} (due){{end}}
`

func main() {
	t := template.Must(template.New("inv").Funcs(template.FuncMap{"upper": strings.ToUpper}).Parse(tmpl))
	inv := Invoice{"acme", []Line{{"bolt", 10, 0.25}, {"nut", 4, 0.1}}, false}
	if err := t.Execute(os.Stdout, inv); err != nil {
		fmt.Println("error:", err)
	}
	var b strings.Builder
	t2 := template.Must(template.New("x").Parse(`{{with .Lines}}{{len .}} lines{{end}}, first: {{(index .Lines 0).Item}}`))
	t2.Execute(&b, inv)
	fmt.Println(b.String())
	err := template.Must(template.New("bad").Parse("{{.Missing}}")).Execute(&b, inv)
	fmt.Println(err != nil)
}
