package main

import (
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
}

func (i Item) Total() float64 { return i.Price * float64(i.Qty) }

type Order struct {
	ID       int
	Customer string
	Items    []Item
	Notes    map[string]string
}

func (o Order) Sum() float64 {
	s := 0.0
	for _, it := range o.Items {
		s += it.Total()
	}
	return s
}

const tpl = `Order #{{.ID}} for {{upper .Customer}}
{{range $i, $it := .Items}}{{$i}}. {{$it.Name | printf "%-6s"}} {{$it.Qty}} x {{printf "%.2f" $it.Price}} = {{printf "%.2f" $it.Total}}
{{end}}{{if gt (len .Items) 2}}big order{{else}}small order{{end}}
total: {{printf "%.2f" .Sum}}
{{range $k, $v := .Notes}}{{$k}}={{$v}};{{end}}
{{with .Notes.gift}}gift note: {{.}}{{end}}
`

func main() {
	funcs := template.FuncMap{"upper": strings.ToUpper}
	t := template.Must(template.New("order").Funcs(funcs).Parse(tpl))
	o := Order{7, "ann", []Item{{"pen", 1.5, 4}, {"ink", 3.25, 2}}, map[string]string{"gift": "yes", "door": "back"}}
	if err := t.Execute(os.Stdout, o); err != nil {
		panic(err)
	}
	t2 := template.Must(template.New("x").Parse("{{.Missing}}\n"))
	err := t2.Execute(os.Stdout, o)
	os.Stdout.WriteString(strings.SplitN(err.Error(), ":", 2)[0] + "\n")
	_ = template.Must(template.New("ptr").Parse("{{.Name}} costs {{.Total}}\n")).Execute(os.Stdout, &o.Items[0])
}
