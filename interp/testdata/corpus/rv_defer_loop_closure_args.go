package main

import (
	"errors"
	"fmt"
)

type Tx struct {
	name string
	log  *[]string
}

func (t *Tx) Rollback() { *t.log = append(*t.log, "rollback "+t.name) }
func (t *Tx) Commit()   { *t.log = append(*t.log, "commit "+t.name) }

func run(name string, fail bool, log *[]string) (err error) {
	tx := &Tx{name, log}
	defer func() {
		if err != nil {
			tx.Rollback()
			return
		}
		tx.Commit()
	}()
	if fail {
		return errors.New(name + " failed")
	}
	return nil
}

func order() (s string) {
	for i := 0; i < 3; i++ {
		defer func() { s += fmt.Sprint(i) }()
	}
	return "order:"
}

func main() {
	var log []string
	fmt.Println(run("a", false, &log), run("b", true, &log))
	for _, l := range log {
		fmt.Println(l)
	}
	fmt.Println(order())
	fmt.Println(func() (n int) {
		defer func() {
			if r := recover(); r != nil {
				n = -1
			}
		}()
		var m map[string]int
		m["x"]++
		return 1
	}())
}
