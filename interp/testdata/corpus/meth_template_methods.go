package main

import (
	"fmt"
	"strings"
	"text/template"
)

type Status int

func (s Status) String() string { return [...]string{"new", "done"}[s] }

type Task struct {
	Title string
	State Status
	Tags  []string
	hours int
}

func (t Task) Hours() int           { return t.hours }
func (t *Task) Label() string       { return strings.ToUpper(t.Title) }
func (t Task) Check() (bool, error) { return t.State == 1, nil }

type Board struct {
	Name  string
	Tasks []Task
	Owner *Task
}

func (b Board) Count() int { return len(b.Tasks) }

func main() {
	b := Board{"team", []Task{{"write", 0, []string{"a"}, 3}, {"test", 1, nil, 2}}, &Task{Title: "lead"}}
	var sb strings.Builder
	t := template.Must(template.New("b").Parse(`{{.Name}} ({{.Count}}):{{range .Tasks}} [{{.Title}} {{.State}} {{.Hours}}h {{.Check}}]{{end}} owner={{.Owner.Label}}`))
	err := t.Execute(&sb, b)
	fmt.Println(sb.String(), err)
	sb.Reset()
	err = template.Must(template.New("x").Parse(`{{.Nope}}`)).Execute(&sb, b)
	fmt.Println(err != nil)
	sb.Reset()
	err = t.Execute(&sb, &b)
	fmt.Println(sb.String(), err)
	sb.Reset()
	template.Must(template.New("m").Parse(`{{range $k, $v := .}}{{$k}}={{$v.Hours}};{{end}}`)).Execute(&sb, map[string]Task{"x": {hours: 4}})
	fmt.Println(sb.String())
}
