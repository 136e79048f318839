package main

import "fmt"

type Logger struct{ lines []string }

func (l *Logger) Log(s string) { l.lines = append(l.lines, s) }

func run(l *Logger) (result string) {
	step := "start"
	defer func() { l.Log("deferred sees " + step) }()
	defer l.Log("deferred arg " + step)
	{
		step := "block"
		defer func() { l.Log("block closure " + step) }()
	}
	step = "end"
	result = step
	return
}

func main() {
	log := &Logger{}
	fmt.Println(run(log))
	for _, line := range log.lines {
		fmt.Println(line)
	}
	val := 1
	func() {
		defer fmt.Println("defer prints", val)
		val := 2
		defer func() { fmt.Println("closure sees", val) }()
		val = 3
	}()
	fmt.Println("val:", val)
}
