package main

import "fmt"

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

func main() {
	msg := "outer"
	level := Warn
	switch lv := level; lv {
	case Debug, Info:
		msg := "quiet " + lv.String()
		fmt.Println(msg)
	case Warn:
		msg := "loud " + lv.String()
		fmt.Println(msg)
		fallthrough
	default:
		msg := 5
		fmt.Println("default clause", msg)
	}
	fmt.Println(msg, level)
	switch level := Level(1); {
	case level > Debug:
		fmt.Println("inner level", level)
	}
	fmt.Println("outer level", level)
	for _, l := range []Level{Debug, Info, Warn, 7} {
		switch s := l.String(); len(s) {
		case 4:
			fmt.Println(s, "four")
		case 5:
			fmt.Println(s, "five")
		default:
			fmt.Println(s, len(s))
		}
	}
}
