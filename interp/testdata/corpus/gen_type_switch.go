package main

import "fmt"

type Celsius float64

type Visitor struct {
	Handle string
	Visits int
}

type Code int

func Show[T any](v T) string { return fmt.Sprintf("%T", v) }

func Kind[T any](v T) string {
	switch any(v).(type) {
	case int:
		return "int"
	case float64:
		return "float64"
	case string:
		return "string"
	}
	return "other"
}

func IsInt[T any](v T) bool {
	_, ok := any(v).(int)
	return ok
}

func main() {
	fmt.Println(Show(1), Show("s"), Show(Visitor{"a", 1}), Show([]int{1}))
	fmt.Println(Kind(1), Kind(2.5), Kind("x"), Kind(Visitor{}), Kind([]string{}))
	fmt.Println(IsInt(3), IsInt("3"))
}
