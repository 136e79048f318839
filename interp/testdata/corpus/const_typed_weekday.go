package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var names = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func (d Weekday) String() string { return names[d] }

func (d Weekday) Weekend() bool { return d == Saturday || d == Sunday }

func main() {
	fmt.Printf("%d %v %s\n", Tuesday+0, Tuesday+0, Tuesday+0)
	fmt.Printf("%d %v %q %x %T\n", Tuesday, Tuesday, Tuesday, Tuesday, Tuesday)
	fmt.Println(Tuesday+1, Saturday-Friday, Monday*2)
	d := Friday + 1
	fmt.Println(d, d.Weekend(), int(d), Weekday(3))
	fmt.Printf("%v %+v %#v\n", Sunday, Sunday, Sunday)
	fmt.Println([]Weekday{Monday, Wednesday + 1})
	next := (Saturday + 1) % 7
	fmt.Printf("%v %d\n", next, next)
	fmt.Println(fmt.Sprint(Thursday), fmt.Sprintf("%5s|%-9v|", Monday, Friday))
	const holiday = Wednesday
	fmt.Println(holiday, holiday.Weekend())
}
