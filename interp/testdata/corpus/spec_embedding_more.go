package main

import (
	"fmt"
	"strings"
)

type Logger interface{ Log(string) }

type bufLogger struct{ lines []string }

func (b *bufLogger) Log(s string) { b.lines = append(b.lines, s) }

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("#%d %s", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }

type Timestamps struct{ Created, Updated int }

func (t *Timestamps) Touch(now int) { t.Updated = now }

type User struct {
	Base
	*Timestamps
	Logger
	Name  string // shadows Base.Name
	Email string
}

func main() {
	l := &bufLogger{}
	u := User{Base: Base{1, "base"}, Timestamps: &Timestamps{Created: 5}, Logger: l, Name: "user", Email: "u@x"}
	fmt.Println(u.Name, u.Base.Name, u.ID, u.Describe())
	u.Rename("renamed")
	fmt.Println(u.Name, u.Base.Name, u.Describe())
	u.Touch(9)
	fmt.Println(u.Created, u.Updated, u.Timestamps.Updated)
	u.Log("hello")
	u.Logger.Log("world")
	fmt.Println(strings.Join(l.lines, ","))
	up := &u
	up.Rename("ptr")
	fmt.Println(up.Describe(), up.Base)
	type Admin struct {
		User
		Level int
	}
	a := Admin{u, 3}
	fmt.Println(a.ID, a.Name, a.Base.Name, a.Describe(), a.Level)
	a.Rename("admin")
	fmt.Println(a.Describe(), u.Describe())
	var d interface{ Describe() string } = a
	fmt.Println(d.Describe())
	fmt.Printf("%v %+v\n", u.Base, a.User.Base)
}
