package main

import "fmt"

type Logger struct{ prefix string }

func (l Logger) Log(msg string) { fmt.Println(l.prefix + msg) }

func (l *Logger) SetPrefix(p string) { l.prefix = p }

func trace(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func work() {
	defer trace("work")()
	l := Logger{"[a] "}
	defer l.Log("deferred with a")
	l.SetPrefix("[b] ")
	defer l.Log("deferred with b")
	l.Log("now")
}

func main() {
	work()
	x := 10
	defer fmt.Println("main end", x)
	x = 20
	func() {
		defer func(v int) { fmt.Println("arg", v, "now", x) }(x)
		x = 30
	}()
	fmt.Println("x", x)
}
