package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func CToF(c Celsius) Fahrenheit  { return Fahrenheit(c*9/5 + 32) }
func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

const (
	AbsoluteZero Celsius = -273.15
	Freezing     Celsius = 0
	Boiling      Celsius = 100
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

func main() {
	fmt.Println(AbsoluteZero, Freezing, Boiling)
	fmt.Println(CToF(Boiling), CToF(Freezing))
	fmt.Printf("%v %.2f %T\n", Boiling, Boiling, Boiling)
	temps := map[string]Celsius{"a": 21.5, "b": -3}
	fmt.Println(temps)
	days := []Weekday{Tuesday, Sunday}
	fmt.Println(days, Monday+1, Weekday(0))
	fmt.Printf("%d %v %s %q\n", Tuesday, Tuesday, Tuesday, Tuesday)
	var x interface{} = Monday
	if s, ok := x.(fmt.Stringer); ok {
		fmt.Println("stringer:", s.String())
	}
	const big = 1 << 100
	fmt.Println(big >> 98)
	var f float32 = 0.1
	fmt.Println(f, float64(f) == 0.1, 0.1+0.2)
}
